package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two jars with one Plugin-Id in the plugins folder: the problem is stated once, naming both and the pin. */
class AmbiguousPluginIT {

    @TempDir
    Path dir;

    private Path plugins;
    private String retryJar;

    @BeforeEach
    void pluginsWithASecondRetryJar() throws Exception {
        plugins = Files.createDirectory(dir.resolve("plugins"));
        try (Stream<Path> jars = Files.list(Weft.home().resolve("plugins"))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, plugins.resolve(jar.getFileName()));
                if (jar.getFileName().toString().startsWith("weft-plugin-retry-")) {
                    retryJar = jar.getFileName().toString();
                    Files.copy(jar, plugins.resolve("retry-copy.jar"));
                }
            }
        }
    }

    private String ambiguity() {
        return "ambiguous: Plugin-Id 'retry' comes from retry-copy.jar and " + retryJar + "; remove one, or pin one "
                + "in the configuration (plugins: { retry: { source: retry-copy.jar } })";
    }

    @Test
    void runWithAChainThatUsesItSaysItOnceAsTheConfigurationError() {
        Weft.Result run = Weft.quick(dir, "run", "--plugins", plugins.toString()).assertExit(2);

        assertEquals(1, occurrences(run.all(), ambiguity()), run::describe);
        assertTrue(run.err().contains("tasks.evaluate: plugin 'retry' is not usable: " + ambiguity()), run::describe);
    }

    @Test
    void checkWithAChainThatDoesNotUseItSaysItOnceAsAWarning() throws Exception {
        Path config = Files.writeString(dir.resolve("no-retry.yaml"), "tasks: { evaluate: { chain: [ timeout: { limit: 1s } ] } }\n");

        Weft.Result run = Weft.quick(dir, "check", "--plugins", plugins.toString(), config.toString()).assertExit(0);

        assertEquals(1, occurrences(run.all(), ambiguity()), run::describe);
        assertTrue(run.err().contains("weft: warning: plugin retry failed: " + ambiguity()), run::describe);
    }

    private static int occurrences(String text, String part) {
        Matcher m = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
