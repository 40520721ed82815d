package dev.weft;

import dev.weft.api.Names;
import dev.weft.core.config.ChainBinder;
import dev.weft.core.config.ConfigFile;
import dev.weft.core.config.ConfigReader;
import dev.weft.core.config.ParsedConfig;
import dev.weft.core.config.Problems;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * weft's configuration file: the executor, the trusted plugin jars, plugin pins, and a plugin
 * chain per task name.
 *
 * <pre>
 * executor: { type: threads, workers: 4 }       # or: { type: sequential }
 * trusted-plugins: [ 3f2a...e9 ]                # optional: SHA-256 of every jar allowed to load
 * plugins:
 *   retry: { source: retry-1.0.jar }            # pick one source of a name several provide
 *   trace: { enabled: false }                   # leave a plugin out
 * tasks:
 *   evaluate:
 *     chain:                                    # outer to inner: retry(timeout(fn))
 *       - retry:   { max-attempts: 3, backoff: 100ms }
 *       - timeout: { limit: 2s }
 *   "*":                                        # every other task
 *     chain: [ trace ]
 * </pre>
 *
 * <h2>Use</h2>
 * Reading checks the file's shape; {@link #chains(PluginRegistry)} checks every chain against the
 * loaded plugins. Both throw a {@link ConfigException} listing every problem as
 * {@code FILE:LINE:COL: message}, so nothing runs with an invalid configuration.
 * {@link #check(Path, Function)} does both in one step and reports the problems of both at once.
 *
 * <pre>{@code
 * WeftConfig config = WeftConfig.read(Path.of("weft.yaml"));
 * try (PluginRegistry plugins = PluginRegistry.builder().pluginsDir(dir).configure(config).load()) {
 *     Scheduler scheduler = Scheduler.builder().threads(config.executor().workers())
 *             .chains(config.chains(plugins)).build();
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class WeftConfig {

    /** The task name whose chain every task without its own takes. */
    public static final String DEFAULT_TASK = "*";

    private final ParsedConfig parsed;
    /** Empty, except while {@link #check} has the plugins loaded for a file with shape problems. */
    private final List<ConfigException.Problem> shapeProblems;

    private WeftConfig(ParsedConfig parsed, List<ConfigException.Problem> shapeProblems) {
        this.parsed = parsed;
        this.shapeProblems = shapeProblems;
    }

    /**
     * How calls are run.
     *
     * @since 0.1
     */
    public enum ExecutorType {
        /** A pool of worker threads. */
        THREADS,
        /** On the loop thread, one call at a time. */
        SEQUENTIAL
    }

    /**
     * The executor section.
     *
     * @param type the kind of executor; never {@code null}
     * @param workers the number of worker threads, at least 1 (1 for sequential)
     * @since 0.1
     */
    public record Executor(ExecutorType type, int workers) {

        /** Checks the arguments. */
        public Executor {
            Objects.requireNonNull(type, "type");
            if (workers < 1) {
                throw new IllegalArgumentException("workers must be at least 1, not " + workers);
            }
        }

        /** @return threads, one per available processor */
        public static Executor defaults() {
            return new Executor(ExecutorType.THREADS, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Reads a configuration file.
     *
     * @param file the file; never {@code null}
     * @return the configuration, checked for shape
     * @throws ConfigException if the file is missing, is a directory, is not UTF-8, cannot be
     *     read, is not valid YAML, or is not shaped as above
     */
    public static WeftConfig read(Path file) {
        Objects.requireNonNull(file, "file");
        return parse(ConfigFile.read(file), file.toString());
    }

    /**
     * Reads configuration text.
     *
     * @param yaml the text; never {@code null}
     * @param fileName the name to print in problems; never {@code null}
     * @return the configuration, checked for shape
     * @throws ConfigException if the text is not valid YAML or is not shaped as above
     */
    public static WeftConfig parse(String yaml, String fileName) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(fileName, "fileName");
        Problems problems = new Problems(fileName);
        ParsedConfig parsed = ConfigReader.read(yaml, problems);
        problems.throwIfAny();
        return new WeftConfig(parsed, List.of());
    }

    /**
     * Reads a configuration file and checks its chains against plugins loaded for it, reporting
     * the problems of both at once: what {@code weft check} does. Where {@link #read} stops at a
     * problem of the file's shape, this goes on to check the plugin of every chain entry, and
     * the options of every entry that is well-formed, so that one run shows every problem.
     *
     * <h2>Loading the plugins</h2>
     * {@code plugins} is called once, unless the file cannot be read or is not YAML. It gets the
     * configuration as far as it could be read, for its trusted jars, pins and disabled plugins:
     * a value with a problem takes its default, except that an invalid trusted digest is left
     * out, so that fewer jars are trusted, never more. While the file has a problem that
     * configuration yields no chains: its {@link #chains} throws the file's problems. The
     * registry is closed before this method returns.
     *
     * <pre>{@code
     * WeftConfig config = WeftConfig.check(Path.of("weft.yaml"),
     *         c -> PluginRegistry.builder().pluginsDir(dir).configure(c).load());
     * }</pre>
     *
     * @param file the file; never {@code null}
     * @param plugins loads the plugins for a configuration; never {@code null}, nor returns it
     * @return the configuration, valid in shape and in every chain
     * @throws ConfigException listing every problem of the file, in file order
     */
    public static WeftConfig check(Path file, Function<? super WeftConfig, ? extends PluginRegistry> plugins) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(plugins, "plugins");
        Problems shape = new Problems(file.toString());
        ParsedConfig parsed = ConfigReader.read(ConfigFile.read(file), shape);
        WeftConfig partial = new WeftConfig(parsed, shape.list());
        try (PluginRegistry registry = Objects.requireNonNull(plugins.apply(partial), "plugins returned null")) {
            partial.validate(registry);
        }
        // validate() threw if the shape had any problem, so the configuration is whole.
        return new WeftConfig(parsed, List.of());
    }

    /** @return a configuration with default executor, no chains, every jar trusted */
    public static WeftConfig empty() {
        return parse("", "(no configuration)");
    }

    /**
     * Whether the file sets nothing, so that every setting is its default: it is empty, holds
     * only comments (or a bare {@code ---}), or is {@code {}}. Such a file is valid; a caller
     * may warn about it, since a configuration that configures nothing is often the wrong file.
     *
     * @return {@code true} if the file has no top-level key; also for {@link #empty()}
     */
    public boolean isEmpty() {
        return parsed.empty();
    }

    /** @return the file name problems are reported against */
    public String file() {
        return parsed.file();
    }

    /** @return the executor section, or the default (threads, one per processor) */
    public Executor executor() {
        return parsed.executor();
    }

    /** @return the trusted jar digests (lower-case hex), when the file lists any (even none) */
    public Optional<Set<String>> trustedPlugins() {
        return parsed.trusted();
    }

    /** @return the source pinned per plugin name ({@code plugins.NAME.source}) */
    public Map<String, String> pinnedSources() {
        return parsed.pins();
    }

    /** @return the plugins disabled with {@code plugins.NAME.enabled: false} */
    public Set<String> disabledPlugins() {
        return parsed.disabled();
    }

    /** @return the task names that have a chain, in file order, without {@code "*"} */
    public Set<String> taskNames() {
        Set<String> names = new LinkedHashSet<>(parsed.tasks().keySet());
        names.remove(DEFAULT_TASK);
        return names;
    }

    /**
     * Checks every chain against the loaded plugins and builds them.
     *
     * @param registry the loaded plugins; never {@code null}
     * @return for a task name: its chain, else the {@code "*"} chain, else the empty chain
     * @throws ConfigException naming every unknown plugin or option (with the closest valid name),
     *     wrong type, out-of-range value and malformed duration
     */
    public Function<String, Chain> chains(PluginRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        Problems problems = new Problems(parsed.file());
        problems.addAll(shapeProblems);
        Map<String, Chain> bound = ChainBinder.bind(parsed, registry, problems);
        problems.throwIfAny();
        Map<String, Chain> chains = Map.copyOf(bound);
        Chain fallback = chains.getOrDefault(DEFAULT_TASK, Chain.empty());
        return task -> chains.getOrDefault(task, fallback);
    }

    /**
     * Checks the chains against the loaded plugins without keeping them.
     *
     * @param registry the loaded plugins; never {@code null}
     * @throws ConfigException as {@link #chains(PluginRegistry)} does
     */
    public void validate(PluginRegistry registry) {
        chains(registry);
    }

    /**
     * Checks that every task the file gives a chain exists, for callers that know their tasks
     * before they run.
     *
     * @param existing the names of the tasks that exist; never {@code null}
     * @throws ConfigException naming, at its position, each configured task that does not exist,
     *     with the closest existing name
     */
    public void requireTasks(Collection<String> existing) {
        Objects.requireNonNull(existing, "existing");
        Problems problems = new Problems(parsed.file());
        for (ParsedConfig.TaskChain task : parsed.tasks().values()) {
            if (!task.task().equals(DEFAULT_TASK) && !existing.contains(task.task())) {
                problems.add(task.at(), "tasks." + task.task() + ": there is no task '" + task.task() + "'"
                        + Names.didYouMean(task.task(), existing)
                        + (existing.isEmpty() ? "" : "; tasks: " + String.join(", ", existing)));
            }
        }
        problems.throwIfAny();
    }

    @Override
    public String toString() {
        return "WeftConfig[" + parsed.file() + ", executor=" + executor() + ", tasks=" + parsed.tasks().keySet() + "]";
    }
}
