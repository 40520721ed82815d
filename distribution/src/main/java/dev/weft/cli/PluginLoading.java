package dev.weft.cli;

import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.PluginState;
import dev.weft.WeftConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Loads the plugins for {@code run} and {@code check}: the module path, then the plugins folder. */
final class PluginLoading {

    private PluginLoading() {
    }

    /**
     * @param plugins the {@code --plugins} folder, if given
     * @param home the installation, whose {@code plugins/} is the default
     * @param config the configuration, for its trusted jars, pins and disabled plugins
     * @param warnings where to report each plugin that failed to load
     * @return the registry; the caller closes it
     * @throws UsageException if {@code --plugins} is not a folder
     */
    static PluginRegistry load(Optional<Path> plugins, Home home, WeftConfig config, PrintStream warnings) {
        if (plugins.isPresent() && !Files.isDirectory(plugins.get())) {
            throw new UsageException("--plugins " + plugins.get() + " is not a folder");
        }
        PluginRegistry.Builder builder = PluginRegistry.builder().configure(config);
        plugins.or(home::pluginsDir).ifPresent(builder::pluginsDir);
        PluginRegistry registry = builder.load();
        for (PluginInfo problem : registry.problems()) {
            if (problem.state() == PluginState.FAILED) {
                // A jar that failed before its plugins were named is listed under its file name.
                String what = problem.name().equals(problem.source()) ? problem.source()
                        : problem.name() + " (" + problem.source() + ")";
                warnings.println("weft: warning: plugin " + what + " "
                        + problem.state().name().toLowerCase(Locale.ROOT) + ": " + problem.reason().orElse(""));
            }
        }
        return registry;
    }
}
