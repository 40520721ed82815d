package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/weft} itself: finding and checking Java, following symlinks, the top-level options. */
class LauncherIT {

    /** What bin/weft needs besides the shell's built-ins. */
    private static final List<String> TOOLS = List.of("dirname", "readlink", "sed", "head", "cut");

    @TempDir
    Path dir;

    @Test
    void withNoJavaOnThePathAndNoJavaHomeItSaysSoAndExits2() throws IOException {
        Path tools = toolsWithoutJava();

        Weft.Result run = Weft.launch(Weft.launcher(), dir, env -> {
            env.remove("JAVA_HOME");
            env.put("PATH", tools.toString());
        }, "--version").assertExit(2);

        assertTrue(run.err().contains("no Java found"), run::describe);
        assertTrue(run.err().contains("Java 17 or newer"), run::describe);
    }

    @Test
    void withAJavaOlderThan17OnThePathItNamesItsVersionAndExits2() throws IOException {
        Path tools = toolsWithoutJava();
        Path fake = Files.createDirectories(dir.resolve("old-java"));
        script(fake.resolve("java"), "echo 'openjdk version \"11.0.2\" 2019-01-15' >&2");

        Weft.Result run = Weft.launch(Weft.launcher(), dir, env -> {
            env.remove("JAVA_HOME");
            env.put("PATH", fake + ":" + tools);
        }, "--version").assertExit(2);

        assertTrue(run.err().contains("is Java 11.0.2, but weft needs Java 17 or newer"), run::describe);
    }

    @Test
    void withAJava8InJavaHomeItNamesItsVersionAndExits2() throws IOException {
        Path home = Files.createDirectories(dir.resolve("jdk8").resolve("bin"));
        script(home.resolve("java"), "echo 'java version \"1.8.0_392\"' >&2");

        Weft.Result run = Weft.launch(Weft.launcher(), dir, env -> env.put("JAVA_HOME", home.getParent().toString()),
                "--version").assertExit(2);

        assertTrue(run.err().contains("is Java 1.8.0_392, but weft needs Java 17 or newer"), run::describe);
    }

    @Test
    void worksThroughAChainOfRelativeSymlinksFromAnotherDirectory() throws IOException {
        Path links = Files.createDirectories(dir.resolve("links"));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Path first = Files.createSymbolicLink(links.resolve("weft-real"), Weft.launcher());
        Path second = Files.createSymbolicLink(links.resolve("weft"), Path.of("weft-real"));

        Weft.Result run = Weft.launch(second, elsewhere,
                env -> env.put("JAVA_HOME", System.getProperty("java.home")), "plugins").assertExit(0);

        assertTrue(Files.isSymbolicLink(first));
        for (String plugin : List.of("call-limiter", "retry", "timeout", "trace")) {
            assertTrue(run.out().contains(plugin + " 0.1.0"), run::describe);
        }
    }

    @Test
    void versionPrintsWeftsVersionAndJavas() {
        Weft.Result run = Weft.quick(dir, "--version").assertExit(0);

        assertTrue(run.out().startsWith("weft 0.1.0"), run::describe);
        assertTrue(run.out().contains("Java " + Runtime.version()), run::describe);
    }

    @Test
    void helpOnACommandShowsItsOptionsAndExitCodes() {
        Weft.Result run = Weft.quick(dir, "help", "run").assertExit(0);

        for (String option : List.of("--config", "--plugins", "--workers", "--timeout", "--no-trace", "WORKFLOW.jar")) {
            assertTrue(run.out().contains(option), run::describe);
        }
        assertTrue(run.out().contains("3   ended by its --timeout"), run::describe);
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Weft.Result run = Weft.quick(dir, "run", "--wrokers", "2").assertExit(2);

        assertTrue(run.err().contains("--wrokers"), run::describe);
    }

    /** A folder with links to the tools bin/weft uses, and no java. */
    private Path toolsWithoutJava() throws IOException {
        Path tools = Files.createDirectories(dir.resolve("tools"));
        for (String tool : TOOLS) {
            Path found = List.of(Path.of("/usr/bin", tool), Path.of("/bin", tool)).stream()
                    .filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("this machine has no " + tool + " in /usr/bin or /bin"));
            Files.createSymbolicLink(tools.resolve(tool), found);
        }
        return tools;
    }

    private static void script(Path file, String body) throws IOException {
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
