package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the assembled {@code bin/weft} as a real subprocess, with a bounded wait, and keeps what
 * it printed for assertions and for failure messages.
 */
final class Weft {

    /** How long any one launch may take before it is killed and the test fails. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    private Weft() {
    }

    /** @return the assembled installation, {@code distribution/target/weft-VERSION/} */
    static Path home() {
        String dist = System.getProperty("weft.dist");
        if (dist == null || !Files.isExecutable(Path.of(dist, "bin", "weft"))) {
            fail("system property weft.dist must name the assembled layout with bin/weft (run 'mvn verify'); got " + dist);
        }
        return Path.of(dist);
    }

    static Path launcher() {
        return home().resolve("bin").resolve("weft");
    }

    /**
     * What a launch printed and how it ended.
     *
     * @param exitCode the process's exit code
     * @param out its standard output
     * @param err its standard error
     * @param took how long it ran
     */
    record Result(int exitCode, String out, String err, Duration took) {

        /** @return both streams, for assertions that do not care which */
        String all() {
            return out + err;
        }

        /** @return everything about this launch, for failure messages */
        String describe() {
            return "exit code " + exitCode + " after " + took.toMillis() + " ms\n--- stdout ---\n" + out
                    + "\n--- stderr ---\n" + err;
        }

        Result assertExit(int expected) {
            assertEquals(expected, exitCode, this::describe);
            return this;
        }
    }

    /**
     * Launches {@code bin/weft} with a known Java (this test's own, through {@code JAVA_HOME}).
     *
     * @param workDir the working directory
     * @param args the arguments
     * @return the result
     */
    static Result run(Path workDir, String... args) {
        return launch(launcher(), workDir, env -> env.put("JAVA_HOME", System.getProperty("java.home")), args);
    }

    /**
     * Launches {@code bin/weft} as {@link #run} does, with JVM options that start a short-lived
     * JVM faster (through {@code JAVA_OPTS}, which the launcher passes on), for tests of what the
     * commands do rather than how fast.
     *
     * @param workDir the working directory
     * @param args the arguments
     * @return the result
     */
    static Result quick(Path workDir, String... args) {
        return launch(launcher(), workDir, env -> {
            env.put("JAVA_HOME", System.getProperty("java.home"));
            env.put("JAVA_OPTS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
        }, args);
    }

    /**
     * Launches a program (the launcher, or a link to it) with an adapted environment.
     *
     * @param program the program
     * @param workDir the working directory
     * @param environment adapts the inherited environment
     * @param args the arguments
     * @return the result
     */
    static Result launch(Path program, Path workDir, Consumer<Map<String, String>> environment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
        Map<String, String> env = new HashMap<>(builder.environment());
        environment.accept(env);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            // Outside the working directory, which a test may list (a plugins folder, say).
            Path out = Files.createTempFile("weft-it-", ".out");
            Path err = Files.createTempFile("weft-it-", ".err");
            // Files, not pipes: nothing can block on a full pipe, and the output survives a kill.
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            long start = System.nanoTime();
            Process process = builder.start();
            boolean ended = process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
            Result result = new Result(ended ? process.exitValue() : -1, Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8), took);
            Files.delete(out);
            Files.delete(err);
            if (!ended) {
                fail(String.join(" ", command) + " did not end within " + LIMIT + " and was killed\n" + result.describe());
            }
            return result;
        } catch (IOException e) {
            throw new AssertionError("cannot launch " + command + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + command, e);
        }
    }
}
