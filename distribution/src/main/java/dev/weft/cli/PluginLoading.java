package dev.weft.cli;

import dev.weft.Chain;
import dev.weft.ConfigException;
import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        Problems problems = Problems.of(registry);
        try {
            Function<String, Chain> chains = config.chains(registry);
            problems.warnAll(warnings);
            return chains;
        } catch (ConfigException e) {
            problems.warnUnstated(e, warnings);
            throw e;
        }
    }

    /**
     * What {@code weft check} does: reads the file and checks its chains against the plugins
     * loaded for it, reporting the problems of both at once ({@link WeftConfig#check}), and warns
     * once about each plugin problem, as {@link #chains} does.
     *
     * @return the configuration, valid in shape and in every chain
     * @throws ConfigException listing every problem of the file, after the warnings
     * @throws UsageException if {@code --plugins} is not a folder
     */
    static WeftConfig check(Path file, Optional<Path> plugins, Home home, PrintStream warnings) {
        List<Problems> loaded = new ArrayList<>(1);
        try {
            WeftConfig config = WeftConfig.check(file, c -> {
                PluginRegistry registry = load(plugins, home, c);
                loaded.add(Problems.of(registry));
                return registry;
            });
            loaded.forEach(p -> p.warnAll(warnings));
            return config;
        } catch (ConfigException e) {
            loaded.forEach(p -> p.warnUnstated(e, warnings));
            throw e;
        }
    }

    /** The plugins a registry could not use, with the reason it gives for each, read while it is open. */
    private record Problems(List<PluginInfo> plugins, Map<String, String> why) {

        static Problems of(PluginRegistry registry) {
            Map<String, String> why = new HashMap<>();
            registry.problems().forEach(p -> why.put(p.name(), registry.whyNot(p.name())));
            return new Problems(registry.problems(), why);
        }

        void warnAll(PrintStream warnings) {
            PluginWarnings.lines(plugins).forEach(warnings::println);
        }

        /**
         * A chain that names an unusable plugin is an error saying why (registry.whyNot), at the
         * chain's position: a warning saying it again would only repeat it.
         */
        void warnUnstated(ConfigException e, PrintStream warnings) {
            List<PluginInfo> unstated = plugins.stream().filter(p -> !statedIn(e, why.get(p.name()))).toList();
            PluginWarnings.lines(unstated).forEach(warnings::println);
        }

        private static boolean statedIn(ConfigException e, String why) {
            return e.problems().stream().anyMatch(problem -> problem.message().contains(why));
        }
    }
}
