package dev.weft.testkit;

import dev.weft.api.TaskView;
import java.util.Objects;

/**
 * A {@link TaskView} whose counts a test sets by hand, such as a busy task the plugin under test
 * must wait for.
 *
 * <p>Its reference is {@code Task-<name>-test}. Both counts start at zero. Thread-safe.
 *
 * @since 0.1
 */
public final class FakeTaskView implements TaskView {

    private final String name;
    private volatile int queued;
    private volatile int running;

    /**
     * Creates an idle task.
     *
     * @param name the task's name; never {@code null}
     */
    public FakeTaskView(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String ref() {
        return "Task-" + name + "-test";
    }

    @Override
    public int queued() {
        return queued;
    }

    @Override
    public int runningCount() {
        return running;
    }

    /**
     * Sets how many of the task's calls are submitted and not yet ended.
     *
     * @param count not negative
     * @return this view
     * @throws IllegalArgumentException if negative
     */
    public FakeTaskView setQueued(int count) {
        this.queued = notNegative("queued", count);
        return this;
    }

    /**
     * Sets how many of the task's calls have an attempt running.
     *
     * @param count not negative
     * @return this view
     * @throws IllegalArgumentException if negative
     */
    public FakeTaskView setRunningCount(int count) {
        this.running = notNegative("running", count);
        return this;
    }

    private static int notNegative(String what, int count) {
        if (count < 0) {
            throw new IllegalArgumentException(what + " count must not be negative, got " + count);
        }
        return count;
    }

    @Override
    public String toString() {
        return "FakeTaskView[" + name + ", queued " + queued + ", running " + running + "]";
    }
}
