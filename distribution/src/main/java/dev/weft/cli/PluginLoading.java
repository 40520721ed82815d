package dev.weft.cli;

import dev.weft.Chain;
import dev.weft.ConfigException;
import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Loads the plugins for {@code run}, {@code check} and {@code plugins} (the module path, then the
 * plugins folder), and binds a configuration's chains to them, warning about plugins that failed.
 */
final class PluginLoading {

    private PluginLoading() {
    }

    /**
     * @param plugins the {@code --plugins} folder, if given
     * @param home the installation, whose {@code plugins/} is the default
     * @param config the configuration, for its trusted jars, pins and disabled plugins
     * @return the registry; the caller closes it
     * @throws UsageException if {@code --plugins} is not a folder
     */
    static PluginRegistry load(Optional<Path> plugins, Home home, WeftConfig config) {
        if (plugins.isPresent() && !Files.isDirectory(plugins.get())) {
            throw new UsageException("--plugins " + plugins.get() + " is not a folder");
        }
        PluginRegistry.Builder builder = PluginRegistry.builder().configure(config);
        plugins.or(home::pluginsDir).ifPresent(builder::pluginsDir);
        return builder.load();
    }

    /**
     * Binds the configuration's chains, and warns once about each plugin problem that the
     * configuration's own error does not already state.
     *
     * @param registry the loaded plugins
     * @param config the configuration
     * @param warnings where to warn
     * @return the chains, as {@link WeftConfig#chains} gives them
     * @throws ConfigException as {@link WeftConfig#chains} does, after the warnings
     */
    static Function<String, Chain> chains(PluginRegistry registry, WeftConfig config, PrintStream warnings) {
        List<PluginInfo> problems = registry.problems();
        try {
            Function<String, Chain> chains = config.chains(registry);
            PluginWarnings.lines(problems).forEach(warnings::println);
            return chains;
        } catch (ConfigException e) {
            // A chain that names an unusable plugin is an error saying why (registry.whyNot), at
            // the chain's position: a warning saying it again would only repeat it.
            List<PluginInfo> unstated = problems.stream().filter(p -> !statedIn(e, registry.whyNot(p.name()))).toList();
            PluginWarnings.lines(unstated).forEach(warnings::println);
            throw e;
        }
    }

    private static boolean statedIn(ConfigException e, String why) {
        return e.problems().stream().anyMatch(problem -> problem.message().contains(why));
    }
}
