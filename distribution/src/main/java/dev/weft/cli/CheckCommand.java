package dev.weft.cli;

import dev.weft.WeftConfig;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft check FILE}: validates a configuration against the plugins found, printing every
 * problem as {@code FILE:LINE:COL: message} (through {@link Main}'s handler of
 * {@link dev.weft.ConfigException}) with exit code 2.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validates a configuration file: its YAML, its shape, and every chain's plugins and options "
                + "against the plugins found. Prints each problem as FILE:LINE:COL: message and exits 2, or says "
                + "it is valid and exits 0."})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "The plugins folder. Default: the installation's plugins/.")
    private Optional<Path> plugins;

    @Parameters(index = "0", paramLabel = "FILE", description = "The configuration to check, such as conf/weft.yaml.")
    private Path file;

    @Override
    public Integer call() {
        WeftConfig config = PluginLoading.check(file, plugins, Home.fromSystem(), System.err);
        EmptyConfig.warnIfEmpty(config, file, System.err);
        System.out.println(file + ": valid (executor: " + config.executor().type().name().toLowerCase(java.util.Locale.ROOT)
                + ", " + config.executor().workers() + " workers; chains for: "
                + (config.taskNames().isEmpty() ? "no named tasks" : String.join(", ", config.taskNames())) + ")");
        return ExitCodes.OK;
    }
}
