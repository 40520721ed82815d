package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.api.ResultEvent;
import dev.weft.api.SubmittedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A call's events are counted whether or not anyone subscribed to them (weft skips making the
 * payload of an event nobody hears), and the events someone does hear carry the right payload.
 */
class UnheardEventTests {

    @Test
    void eventsNobodyHearsAreCountedAndHeardOnesCarryTheirPayload() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("half", x -> {
            if (x % 2 != 0) {
                throw new IllegalArgumentException("odd: " + x);
            }
            return x / 2;
        });
        List<String> heard = new ArrayList<>();
        scheduler.onStart(() -> {
            for (int i = 1; i <= 4; i++) {
                task.submit(i);
            }
        });
        // Only these two are heard; done, future-done, future-submitted, submitted, exception and
        // future-exception have no subscriber.
        task.onResult((future, result) -> heard.add("result " + future.argument() + " -> " + result));
        scheduler.on("future-result", e -> heard.add("future-result " + ((ResultEvent) e).result()));

        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run(RunOptions.defaults().onException(Action.CONTINUE)).code());

        assertEquals(List.of("future-result 1", "future-result 2", "result 2 -> 1", "result 4 -> 2"),
                heard.stream().sorted().toList());
        Map<String, Long> taskCounts = task.eventCounts();
        assertEquals(4L, taskCounts.get("submitted"));
        assertEquals(4L, taskCounts.get("done"));
        assertEquals(2L, taskCounts.get("result"));
        assertEquals(2L, taskCounts.get("exception"));
        assertEquals(4L, scheduler.eventCount("future-submitted"));
        assertEquals(4L, scheduler.eventCount("future-done"));
        assertEquals(2L, scheduler.eventCount("future-result"));
        assertEquals(2L, scheduler.eventCount("future-exception"));
    }

    @Test
    void aSubmittedEventHeardOnlyByTheTaskCarriesItsCallAndArgument() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("id", x -> x);
        List<Object> seen = new ArrayList<>();
        task.on("submitted", e -> {
            SubmittedEvent s = (SubmittedEvent) e;
            seen.add(s.argument());
            seen.add(s.future().argument());
        });
        scheduler.onStart(() -> task.submit(7));

        scheduler.run();

        assertEquals(List.of(7, 7), seen);
        assertEquals(1L, scheduler.eventCount("future-submitted"));
    }
}
