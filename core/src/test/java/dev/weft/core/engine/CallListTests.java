package dev.weft.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lists of calls in flight: submission order, removal anywhere, and two lists per call. */
class CallListTests {

    private final Engine engine = new Engine(SystemClock.INSTANCE, CallExecutor.sequential());

    private List<Call> calls(int n) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            calls.add(new Call(engine, i, null, i, x -> x, List.of()));
        }
        return calls;
    }

    @Test
    void keepsSubmissionOrderWhateverIsRemoved() {
        List<Call> c = calls(5);
        CallList list = new CallList(CallList.Links.RUN);
        c.forEach(list::add);
        list.remove(c.get(2)); // middle
        list.remove(c.get(0)); // first
        list.remove(c.get(4)); // last
        assertEquals(List.of(c.get(1), c.get(3)), list.snapshot());
        assertEquals(2, list.size());
        list.add(c.get(0));
        assertEquals(List.of(c.get(1), c.get(3), c.get(0)), list.snapshot());
    }

    @Test
    void removingACallTwiceOrOneNeverAddedChangesNothing() {
        List<Call> c = calls(3);
        CallList list = new CallList(CallList.Links.RUN);
        list.add(c.get(0));
        list.add(c.get(1));
        list.remove(c.get(1));
        list.remove(c.get(1));
        list.remove(c.get(2));
        assertEquals(List.of(c.get(0)), list.snapshot());
        assertEquals(1, list.size());
        list.remove(c.get(0));
        assertTrue(list.isEmpty());
        assertEquals(List.of(), list.snapshot());
    }

    @Test
    void aCallIsInTheRunsListAndItsTasksIndependently() {
        List<Call> c = calls(3);
        CallList run = new CallList(CallList.Links.RUN);
        CallList task = new CallList(CallList.Links.TASK);
        c.forEach(run::add);
        task.add(c.get(2));
        task.add(c.get(0));
        run.remove(c.get(0));
        assertEquals(List.of(c.get(1), c.get(2)), run.snapshot());
        assertEquals(List.of(c.get(2), c.get(0)), task.snapshot());
        task.remove(c.get(2));
        assertEquals(List.of(c.get(0)), task.snapshot());
        assertFalse(run.isEmpty());
        assertEquals(List.of(c.get(1), c.get(2)), run.snapshot());
    }
}
