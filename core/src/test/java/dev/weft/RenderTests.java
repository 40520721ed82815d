package dev.weft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.TaskFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The event tree as text, with colour, and as JSON; and what a task reports while calls run. */
class RenderTests {

    @Test
    void queuedCallsShowTheLastFiveWithTheirStateWhileRunning() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(1);
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("slow", x -> {
            release.await(5, TimeUnit.SECONDS);
            return x;
        });
        List<String> seen = new ArrayList<>();
        scheduler.onStart(() -> {
            for (int i = 0; i < 7; i++) {
                task.submit(i);
            }
            seen.add(scheduler.render());
            seen.add(scheduler.snapshotJson());
            release.countDown();
        });
        scheduler.run();

        String tree = seen.get(0);
        assertTrue(tree.startsWith("Scheduler (running)\n├── Executor: threads(workers=1)\n├── Queue: (7)\n"
                + "│   ├── ...\n│   ├── PENDING slow(2)\n"), tree);
        assertTrue(tree.contains("│   └── PENDING slow(6)\n"), tree);
        assertTrue(seen.get(1).contains("\"running\":true"), seen.get(1));
        assertEquals(7, seen.get(1).split("\"task\":\"slow\"").length - 1, "the JSON lists every queued call");
    }

    @Test
    void jsonSnapshotIsWellFormedAndMirrorsTheTree() {
        Scheduler scheduler = Scheduler.sequential();
        Task<String, String> task = scheduler.task("quote", s -> "\"" + s + "\"\n");
        scheduler.onStart(() -> task.submit("a\\b"));
        task.onResult((f, r) -> { });
        scheduler.run();

        String json = scheduler.snapshotJson();
        new JsonChecker(json).check();
        assertTrue(json.startsWith("{\"running\":false,\"executor\":\"sequential\",\"queue\":[],\"events\":[{\"name\":"
                + "\"start\",\"count\":1,\"handlers\":[{\"at\":\"RenderTests."), json);
        assertTrue(json.contains("{\"name\":\"result\",\"count\":1,\"handlers\":[{\"at\":\"RenderTests."
                + "jsonSnapshotIsWellFormedAndMirrorsTheTree(RenderTests.java:"), json);
    }

    @Test
    void ansiColourIsOnlyAddedOnRequest() {
        Scheduler scheduler = Scheduler.sequential();
        scheduler.task("t", x -> x);
        assertFalse(scheduler.render().contains("\u001b["));
        String coloured = scheduler.render(true);
        assertTrue(coloured.contains("\u001b[35mScheduler\u001b[0m"), coloured);
        assertTrue(coloured.contains("\u001b[33m@start\u001b[0m"), coloured);
    }

    @Test
    void aTaskReportsItsRunningCallsAndRefWhileTheyRun() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(2);
        CountDownLatch bothRunning = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        Task<Integer, Integer> task = scheduler.task("pair", x -> {
            bothRunning.countDown();
            release.await(5, TimeUnit.SECONDS);
            return x;
        });
        List<Object> seen = new ArrayList<>();
        scheduler.onStart(() -> {
            task.submit(1);
            task.submit(2);
            new Thread(() -> {
                try {
                    if (bothRunning.await(5, TimeUnit.SECONDS)) {
                        seen.add(task.runningCount());
                        seen.add(task.running());
                        seen.add(task.futures().stream().map(TaskFuture::argument).toList());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    release.countDown();
                }
            }).start();
        });
        scheduler.run();

        assertEquals(List.of(2, true, List.of(1, 2)), seen);
        assertEquals(0, task.runningCount());
        assertEquals(List.of(), task.futures());
        assertTrue(task.ref().matches("Task-pair-[A-Za-z0-9]{8}"), task.ref());
        assertEquals(6, task.call(6));
    }

    /** A strict recursive-descent check that a string is one JSON value. */
    static final class JsonChecker {
        private final String s;
        private int i;

        JsonChecker(String s) {
            this.s = s;
        }

        void check() {
            value();
            assertEquals(s.length(), i, "trailing text after the JSON value");
        }

        private void value() {
            char c = s.charAt(i);
            if (c == '{') {
                i++;
                if (s.charAt(i) != '}') {
                    do {
                        string();
                        expect(':');
                        value();
                    } while (s.charAt(i) == ',' && ++i > 0);
                }
                expect('}');
            } else if (c == '[') {
                i++;
                if (s.charAt(i) != ']') {
                    do {
                        value();
                    } while (s.charAt(i) == ',' && ++i > 0);
                }
                expect(']');
            } else if (c == '"') {
                string();
            } else if (s.startsWith("true", i) || s.startsWith("null", i)) {
                i += 4;
            } else if (s.startsWith("false", i)) {
                i += 5;
            } else {
                int start = i;
                while (i < s.length() && "-+.eE0123456789".indexOf(s.charAt(i)) >= 0) {
                    i++;
                }
                assertTrue(i > start, "a JSON value at " + start + ": " + s);
            }
        }

        private void string() {
            expect('"');
            while (s.charAt(i) != '"') {
                assertTrue(s.charAt(i) >= 0x20, "raw control character in a string at " + i);
                if (s.charAt(i) == '\\') {
                    i++;
                    assertTrue("\"\\/bfnrtu".indexOf(s.charAt(i)) >= 0, "bad escape at " + i);
                }
                i++;
            }
            i++;
        }

        private void expect(char c) {
            assertEquals(c, s.charAt(i), "at " + i + " in " + s);
            i++;
        }
    }
}
