package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft run WORKFLOW.jar}: jars compiled at test time against the installation's lib/. */
class RunWorkflowJarIT {

    private static final String MODULE_INFO = """
            module demo.workflow {
                requires dev.weft.core;
                provides dev.weft.Workflow with demo.Demo;
            }
            """;

    @TempDir
    Path dir;

    /** A workflow whose one task {@code work} runs {@code body} on each of {@code calls} numbers. */
    private static String workflow(int calls, String body) {
        return """
                package demo;

                import dev.weft.Scheduler;
                import dev.weft.Task;
                import dev.weft.Workflow;

                public final class Demo implements Workflow {
                    private long sum;

                    public String name() {
                        return "demo";
                    }

                    public void define(Scheduler scheduler, Workflow.Context context) {
                        Task<Integer, Integer> work = scheduler.task("work", x -> { %s });
                        scheduler.onStart(() -> {
                            for (int i = 1; i <= %d; i++) {
                                work.submit(i);
                            }
                        });
                        work.onResult((future, value) -> sum += value);
                    }

                    public String summary() {
                        return "demo: sum = " + sum;
                    }
                }
                """.formatted(body, calls);
    }

    @Test
    void runsTheWorkflowANamedModuleJarProvides() throws Exception {
        Path jar = WorkflowJars.build(dir, "demo.jar", Map.of("module-info.java", MODULE_INFO,
                "demo/Demo.java", workflow(10, "return x * x;")));

        Weft.Result run = Weft.quick(dir, "run", jar.toString()).assertExit(0);

        assertTrue(run.out().contains("demo: sum = 385"), run::describe);
        assertTrue(run.out().contains("Task work"), run::describe);
        assertTrue(Pattern.compile("@result 10\\R").matcher(run.out()).find(), run::describe);
        assertTrue(run.out().contains("demo ended EXHAUSTED (exit code 0)"), run::describe);
    }

    @Test
    void runsAPlainJarThatListsItsWorkflowInMetaInfServices() throws Exception {
        Path jar = WorkflowJars.build(dir, "plain-demo.jar", Map.of("demo/Demo.java", workflow(4, "return x + 1;"),
                "META-INF/services/dev.weft.Workflow", "demo.Demo\n"));

        Weft.Result run = Weft.quick(dir, "run", jar.toString()).assertExit(0);

        assertTrue(run.out().contains("demo: sum = 14"), run::describe);
    }

    @Test
    void aCallThatIgnoresInterruptsStillEndsTheRunAtItsTimeoutWithCode3() throws Exception {
        // Spins for a minute, swallowing every interrupt: only the run's timeout can end the run.
        String stubborn = """
                long end = System.nanoTime() + 60_000_000_000L;
                while (System.nanoTime() < end) {
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException ignored) {
                        // deliberately ignored
                    }
                }
                return x;""";
        Path jar = WorkflowJars.build(dir, "stubborn.jar", Map.of("module-info.java", MODULE_INFO,
                "demo/Demo.java", workflow(1, stubborn)));

        Weft.Result run = Weft.quick(dir, "run", "--timeout", "2s", jar.toString()).assertExit(3);

        assertTrue(run.took().compareTo(Duration.ofSeconds(10)) < 0, () -> "took too long\n" + run.describe());
        assertTrue(run.out().contains("demo ended TIMEOUT (exit code 3)"), run::describe);
        assertTrue(run.out().contains("1 cancelled"), run::describe);
    }

    @Test
    void aCallFailingUnexpectedlyEndsTheRunWithCode1AfterPrintingTheTree() throws Exception {
        Path jar = WorkflowJars.build(dir, "failing.jar", Map.of("module-info.java", MODULE_INFO,
                "demo/Demo.java", workflow(1, "throw new IllegalStateException(\"boom in call \" + x);")));

        Weft.Result run = Weft.quick(dir, "run", jar.toString()).assertExit(1);

        assertTrue(run.out().contains("Task work"), run::describe);
        assertTrue(run.all().contains("boom in call 1"), run::describe);
    }

    @Test
    void aWorkflowWhoseDefineThrowsIsNamedWithItsCauseAndExitsWithCode1() throws Exception {
        String source = workflow(1, "return x;").replace("Task<Integer, Integer> work =",
                "if (true) { throw new IllegalStateException(\"no data folder\"); }\n        Task<Integer, Integer> work =");
        Path jar = WorkflowJars.build(dir, "broken.jar", Map.of("module-info.java", MODULE_INFO, "demo/Demo.java", source));

        Weft.Result run = Weft.quick(dir, "run", jar.toString()).assertExit(1);

        assertTrue(run.err().contains("workflow demo failed in define(), before anything ran:"
                + " java.lang.IllegalStateException: no data folder"), run::describe);
        assertTrue(run.err().contains("demo.Demo.define("), () -> "the author's stack trace\n" + run.describe());
        assertFalse(run.out().contains("Task work"), () -> "nothing ran, so no tree\n" + run.describe());
    }

    @Test
    void aJarWithoutAWorkflowIsAUsageError() throws Exception {
        Path jar = WorkflowJars.build(dir, "empty.jar", Map.of("module-info.java", "module demo.empty { }",
                "demo/Nothing.java", "package demo; public class Nothing { }"));

        Weft.Result run = Weft.quick(dir, "run", jar.toString()).assertExit(2);

        assertTrue(run.err().contains("empty.jar provides no dev.weft.Workflow"), run::describe);
    }

    @Test
    void aConfigurationGivingAChainToATaskTheWorkflowLacksIsAUsageError() throws Exception {
        Path jar = WorkflowJars.build(dir, "demo.jar", Map.of("module-info.java", MODULE_INFO,
                "demo/Demo.java", workflow(1, "return x;")));
        Path config = Files.writeString(dir.resolve("demo.yaml"), """
                tasks:
                  wrok:
                    chain:
                      - timeout: { limit: 1s }
                """);

        Weft.Result run = Weft.quick(dir, "run", "--config", config.toString(), jar.toString()).assertExit(2);

        assertTrue(run.err().contains(config + ":2:3: "), run::describe);
        assertTrue(run.err().contains("'work'"), run::describe);
    }
}
