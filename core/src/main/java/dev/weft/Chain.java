package dev.weft;

import dev.weft.api.OptionSpec;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An ordered plugin chain for a task, written outer to inner.
 *
 * <h2>Ordering</h2>
 * {@code Chain.of(retry, timeout)} nests as {@code retry(timeout(fn))}: the timeout limits each
 * attempt. {@code Chain.of(timeout, retry)} nests as {@code timeout(retry(fn))}: one limit covers
 * every attempt, and a retry still waiting when it runs out is dropped. Put trace outermost, or
 * it cannot see what the plugins outside it did.
 *
 * <p>A chain makes fresh plugin instances for each task that uses it, except for instances given
 * directly to {@link #of(TaskPlugin...)}, which belong to one task. Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Chain {

    private static final Chain EMPTY = new Chain(List.of());

    private final List<Link> links;

    private Chain(List<Link> links) {
        this.links = List.copyOf(links);
    }

    /** One plugin of a chain: its name and how to make it. */
    private record Link(String name, Supplier<? extends TaskPlugin> maker) {
    }

    /** @return the chain with no plugins */
    public static Chain empty() {
        return EMPTY;
    }

    /**
     * A chain of plugin instances, for one task.
     *
     * @param plugins outer to inner; never {@code null}
     * @return the chain
     */
    public static Chain of(TaskPlugin... plugins) {
        Objects.requireNonNull(plugins, "plugins");
        Chain chain = EMPTY;
        for (TaskPlugin plugin : plugins) {
            Objects.requireNonNull(plugin, "plugin");
            chain = chain.then(plugin.name(), () -> plugin);
        }
        return chain;
    }

    /**
     * Adds a plugin made by a factory, inside the plugins already in the chain.
     *
     * @param factory the plugin's factory; never {@code null}
     * @param options raw option values, checked now against the factory's specs; never {@code null}
     * @return a new chain
     * @throws dev.weft.api.OptionException if an option is unknown or ill-typed
     */
    public Chain then(PluginFactory factory, Map<String, ?> options) {
        Objects.requireNonNull(factory, "factory");
        Objects.requireNonNull(options, "options");
        List<OptionSpec> specs = factory.options();
        Options checked = Options.parse(specs, options);
        // Making one instance now surfaces option combinations the factory rejects before anything runs.
        factory.create(checked);
        return then(factory.name(), () -> factory.create(checked));
    }

    /**
     * Adds a plugin, inside the plugins already in the chain.
     *
     * @param name the plugin's name, for errors and listings; never {@code null}
     * @param maker makes one instance per task; never {@code null}
     * @return a new chain
     */
    public Chain then(String name, Supplier<? extends TaskPlugin> maker) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(maker, "maker");
        List<Link> next = new ArrayList<>(links);
        next.add(new Link(name, maker));
        return new Chain(next);
    }

    /**
     * The same chain with every plugin of a name left out, such as {@code without("trace")}.
     *
     * @param name the plugin's name; never {@code null}
     * @return a new chain (this one if it has no plugin of that name)
     */
    public Chain without(String name) {
        Objects.requireNonNull(name, "name");
        List<Link> kept = links.stream().filter(l -> !l.name().equals(name)).collect(Collectors.toList());
        return kept.size() == links.size() ? this : new Chain(kept);
    }

    /**
     * Makes the plugins for one task.
     *
     * @return new instances, outer to inner
     */
    public List<TaskPlugin> instantiate() {
        List<TaskPlugin> plugins = new ArrayList<>(links.size());
        for (Link link : links) {
            plugins.add(Objects.requireNonNull(link.maker().get(), () -> "plugin '" + link.name() + "' made null"));
        }
        return plugins;
    }

    /** @return the plugins' names, outer to inner */
    public List<String> names() {
        return links.stream().map(Link::name).collect(Collectors.toUnmodifiableList());
    }

    /** @return whether the chain has no plugins */
    public boolean isEmpty() {
        return links.isEmpty();
    }

    /** @return the nested form, such as {@code retry(timeout(fn))} */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        links.forEach(l -> sb.append(l.name()).append('('));
        sb.append("fn");
        sb.append(")".repeat(links.size()));
        return sb.toString();
    }
}
