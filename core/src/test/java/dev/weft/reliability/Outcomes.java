package dev.weft.reliability;

import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.ExceptionEvent;
import dev.weft.api.FutureEvent;
import dev.weft.api.On;
import dev.weft.api.ResultEvent;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.TaskFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records every call's events at both levels, to check that each submitted call ended exactly
 * once, and how.
 */
final class Outcomes {

    /** How one call ended, as its events said. */
    static final class Ending {
        int submitted;
        int results;
        int exceptions;
        int cancels;
        int taskResults;
        int taskExceptions;
        int taskCancels;
        Object result;
        Throwable error;
        TaskFuture<?> future;

        boolean exactlyOnce() {
            return submitted == 1 && results + exceptions + cancels == 1 && taskResults == results
                    && taskExceptions == exceptions && taskCancels == cancels;
        }

        @Override
        public String toString() {
            return future + ": submitted " + submitted + ", result " + results + "/" + taskResults + ", exception "
                    + exceptions + "/" + taskExceptions + ", cancelled " + cancels + "/" + taskCancels;
        }
    }

    private final Map<Long, Ending> endings = new ConcurrentHashMap<>();

    /** Subscribes hidden handlers to the scheduler and each task. */
    static Outcomes of(Scheduler scheduler, Task<?, ?>... tasks) {
        Outcomes o = new Outcomes();
        scheduler.on(SchedulerEvents.FUTURE_SUBMITTED, (FutureEvent e) -> o.at(e.future()).submitted++, On.hiddenHandler());
        scheduler.on(SchedulerEvents.FUTURE_RESULT, (ResultEvent e) -> {
            Ending x = o.at(e.future());
            x.results++;
            x.result = e.result();
        }, On.hiddenHandler());
        scheduler.on(SchedulerEvents.FUTURE_EXCEPTION, (ExceptionEvent e) -> {
            Ending x = o.at(e.future());
            x.exceptions++;
            x.error = e.exception();
        }, On.hiddenHandler());
        scheduler.on(SchedulerEvents.FUTURE_CANCELLED, (FutureEvent e) -> o.at(e.future()).cancels++, On.hiddenHandler());
        for (Task<?, ?> task : tasks) {
            task.on("result", e -> o.at(((ResultEvent) e).future()).taskResults++, On.hiddenHandler());
            task.on("exception", e -> o.at(((ExceptionEvent) e).future()).taskExceptions++, On.hiddenHandler());
            task.on("cancelled", e -> o.at(((FutureEvent) e).future()).taskCancels++, On.hiddenHandler());
        }
        return o;
    }

    private Ending at(TaskFuture<?> future) {
        Ending e = endings.computeIfAbsent(future.id(), id -> new Ending());
        e.future = future;
        return e;
    }

    /** @return the calls whose events were not exactly one submit and one terminal, at both levels */
    List<String> notExactlyOnce() {
        List<String> bad = new ArrayList<>();
        endings.values().forEach(e -> {
            if (!e.exactlyOnce()) {
                bad.add(e.toString());
            }
        });
        return bad;
    }

    Map<Long, Ending> endings() {
        return endings;
    }
}
