package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReadmeExampleTests {

    @Test
    void doublingOneNumberWithTwoWorkersReturnsItAndRendersTheTree() {
        Scheduler scheduler = Scheduler.withThreads(2);
        Task<Integer, Integer> task = scheduler.task("double", x -> x * 2);
        List<Integer> results = new ArrayList<>();
        scheduler.onStart(() -> task.submit(1));
        task.onResult((future, result) -> results.add(result));

        ExitState exit = scheduler.run();

        assertEquals(ExitState.of(ExitState.Code.EXHAUSTED), exit);
        assertEquals(List.of(2), results);
        String tree = scheduler.render();
        System.out.println(tree);
        assertTrue(tree.contains("@future-submitted 1"), tree);
        assertTrue(tree.contains("Ref: " + task.ref()), tree);
        assertTrue(tree.contains("ReadmeExampleTests.doublingOneNumberWithTwoWorkersReturnsItAndRendersTheTree(ReadmeExampleTests.java:17) (1)"), tree);
    }
}
