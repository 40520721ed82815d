package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code weft check FILE}: 0 for a valid configuration, 2 with {@code FILE:LINE:COL} for each problem. */
class CheckIT {

    @TempDir
    Path dir;

    @Test
    void theBundledConfigurationIsValid() {
        Path conf = Weft.home().resolve("conf").resolve("weft.yaml");

        Weft.Result run = Weft.quick(dir, "check", conf.toString()).assertExit(0);

        assertTrue(run.out().contains(conf + ": valid"), run::describe);
    }

    @Test
    void malformedYamlIsReportedAtItsLineAndColumn() throws Exception {
        Path file = Files.writeString(dir.resolve("malformed.yaml"), """
                executor: { type: threads, workers: 2 }
                tasks:
                  evaluate:
                    chain: [ retry, { timeout: { limit: 1s }
                """);

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        assertTrue(run.err().matches("(?s).*" + java.util.regex.Pattern.quote(file.toString()) + ":[45]:\\d+: .*"),
                run::describe);
    }

    @Test
    void anUnknownPluginIsReportedAtItsPositionWithTheClosestName() throws Exception {
        Path file = Files.writeString(dir.resolve("typo.yaml"), """
                tasks:
                  evaluate:
                    chain:
                      - retyr: { max-attempts: 3 }
                """);

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        assertTrue(run.err().contains(file + ":4:9: "), run::describe);
        assertTrue(run.err().contains("did you mean 'retry'"), run::describe);
    }

    @Test
    void aBadOptionValueIsReportedAtTheValue() throws Exception {
        Path file = Files.writeString(dir.resolve("value.yaml"), """
                tasks:
                  evaluate:
                    chain:
                      - timeout:
                          limit: soon
                """);

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        assertTrue(run.err().contains(file + ":5:18: "), run::describe);
        assertTrue(run.err().contains("limit"), run::describe);
    }

    @Test
    void aNegativeDurationIsReportedAsNegativeForEachOption() throws Exception {
        Path file = Files.writeString(dir.resolve("negative.yaml"), """
                tasks:
                  evaluate:
                    chain:
                      - retry: { backoff: -100ms }
                      - timeout: { limit: -2s }
                """);

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        assertTrue(run.err().contains(file + ":4:27: plugin 'retry': option 'backoff': '-100ms' is negative; "
                + "expected a duration of at least 0, such as 250ms"), run::describe);
        assertTrue(run.err().contains(file + ":5:27: plugin 'timeout': option 'limit': '-2s' is negative; "
                + "expected a duration of at least 0, such as 250ms"), run::describe);
    }

    @Test
    void aMissingFileIsAConfigurationError() {
        Path file = dir.resolve("absent.yaml");

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        assertTrue(run.err().contains(file + ": no such file"), run::describe);
    }

    @Test
    void problemsOfTheFileAndOfItsChainsAreReportedTogether() throws Exception {
        Path file = Files.writeString(dir.resolve("both.yaml"), """
                executor: { type: threads, workers: -1 }
                taks: {}
                tasks:
                  evaluate:
                    chain:
                      - retyr: {}
                      - retry: { jitter: 5, multiplier: -3 }
                """);

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(2);

        for (String at : List.of(":1:", ":2:1: ", ":6:9: ", ":7:26: ", ":7:41: ")) {
            assertTrue(run.err().contains(file + at), () -> "no problem at " + at + "\n" + run.describe());
        }
        assertTrue(run.err().contains("did you mean 'retry'"), run::describe);
    }

    @Test
    void runReportsTheProblemsOfTheFileAndOfItsChainsTogetherToo() throws Exception {
        Path file = Files.writeString(dir.resolve("both.yaml"), """
                taks: {}
                tasks:
                  evaluate:
                    chain:
                      - retyr: {}
                """);

        Weft.Result run = Weft.quick(dir, "run", "--config", file.toString()).assertExit(2);

        assertTrue(run.err().contains(file + ":1:1: unknown key 'taks'"), run::describe);
        assertTrue(run.err().contains(file + ":5:9: tasks.evaluate: unknown plugin 'retyr'"), run::describe);
        assertFalse(run.out().contains("Task evaluate"), () -> "nothing ran\n" + run.describe());
    }

    @Test
    void anEmptyFileIsValidButWarnedAbout() throws Exception {
        Path file = Files.writeString(dir.resolve("empty.yaml"), "# nothing yet\n");

        Weft.Result run = Weft.quick(dir, "check", file.toString()).assertExit(0);

        assertTrue(run.err().contains("weft: warning: " + file + " sets nothing"), run::describe);
        assertTrue(run.out().contains(file + ": valid"), run::describe);
    }
}
