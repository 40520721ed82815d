package dev.weft.cli;

import dev.weft.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code weft} command: runs workflows, lists plugins and checks configurations.
 *
 * <p>Exit codes: 0 finished (out of work or stopped), 1 ended by an exception, 2 usage or
 * configuration error, 3 ended by its timeout.
 */
@Command(name = "weft",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "An event-driven task scheduler for the JVM, with plugins.",
        subcommands = {RunCommand.class, PluginsCommand.class, CheckCommand.class, HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:finished: the run ran out of work or was stopped; the command succeeded",
            "1:the run ended by an exception",
            "2:usage or configuration error; nothing ran",
            "3:the run ended by its --timeout"})
public final class Main implements Runnable {

    @picocli.CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    /** For picocli. */
    public Main() {
    }

    /**
     * Runs the command line and exits with its code.
     *
     * @param args the arguments
     */
    public static void main(String[] args) {
        // Exit explicitly: a call that ignored interrupts may still hold a (daemon) worker thread.
        System.exit(execute(args));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @return the exit code
     */
    static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(Main::handle);
        return commandLine.execute(args);
    }

    /** Without a subcommand, {@code weft} shows its usage and counts as a usage error. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: run, plugins, check or help");
    }

    /** Reports what went wrong in one or a few lines (no stack trace for the user's mistakes). */
    private static int handle(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        PrintWriter err = commandLine.getErr();
        if (e instanceof ConfigException config) {
            config.problems().forEach(err::println);
            return ExitCodes.USAGE;
        }
        if (e instanceof UsageException usage) {
            err.println("weft: " + usage.getMessage());
            return ExitCodes.USAGE;
        }
        err.println("weft: " + commandLine.getCommandName() + " failed:");
        e.printStackTrace(err);
        return ExitCodes.EXCEPTION;
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"weft " + version(),
                "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }

        static String version() {
            Properties properties = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    properties.load(in);
                }
            } catch (IOException e) {
                return "unknown (" + e + ")";
            }
            return properties.getProperty("version", "unknown");
        }
    }
}
