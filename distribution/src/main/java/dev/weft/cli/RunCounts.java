package dev.weft.cli;

import dev.weft.Scheduler;
import dev.weft.Task;
import java.util.Map;

/**
 * A run's numbers at one moment, read from the scheduler's and tasks' event counts, for the
 * progress line and the summary. Read on the loop thread (or after the run).
 *
 * @param submitted calls submitted
 * @param running calls with an attempt on a worker now
 * @param done calls that returned a result
 * @param failed calls that ended with an exception
 * @param cancelled calls that were cancelled
 * @param vetoed submissions a plugin refused, whichever plugin
 * @param retried retries scheduled (the retry plugin's {@code retry} events)
 * @param timedOut attempts the timeout plugin cut off
 */
record RunCounts(long submitted, long running, long done, long failed, long cancelled, long vetoed, long retried,
                 long timedOut) {

    static RunCounts of(Scheduler scheduler) {
        Map<String, Long> events = scheduler.eventCounts();
        long running = 0;
        long vetoed = 0;
        long retried = 0;
        long timedOut = 0;
        for (Task<?, ?> task : scheduler.tasks()) {
            running += task.runningCount();
            Map<String, Long> counts = task.eventCounts();
            vetoed += task.vetoed();
            retried += counts.getOrDefault("retry", 0L);
            // A task's own events never include 'timeout' (that is the scheduler's); a plugin's may.
            timedOut += counts.getOrDefault("timeout", 0L);
        }
        return new RunCounts(events.getOrDefault("future-submitted", 0L), running,
                events.getOrDefault("future-result", 0L), events.getOrDefault("future-exception", 0L),
                events.getOrDefault("future-cancelled", 0L), vetoed, retried, timedOut);
    }

    /** @return calls that ended, in any way */
    long ended() {
        return done + failed + cancelled;
    }
}
