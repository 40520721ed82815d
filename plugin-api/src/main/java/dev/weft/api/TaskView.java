package dev.weft.api;

/**
 * A read-only view of a task, as plugins see it.
 *
 * <p>Not intended to be implemented by clients.
 *
 * @since 0.1
 */
public interface TaskView {

    /** @return the task's name, never {@code null} */
    String name();

    /** @return the task's unique reference, such as {@code Task-evaluate-5eEmRRtG} */
    String ref();

    /** @return how many of its calls are submitted and not yet ended (AMLTK's {@code len(task.queue)}) */
    int queued();

    /** @return how many of its calls have an attempt running on a worker */
    int runningCount();

    /** @return whether any of its calls is running */
    default boolean running() {
        return runningCount() > 0;
    }
}
