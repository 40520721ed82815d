package dev.weft.core.config;

import dev.weft.Chain;
import dev.weft.PluginRegistry;
import dev.weft.api.OptionException;
import dev.weft.api.OptionSpec;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every chain of a configuration against the loaded plugins and builds the chains. The
 * options of each plugin are checked for names and types first, then the factory sees them all
 * together and may reject ranges and combinations; each problem is reported at its own option.
 */
public final class ChainBinder {

    private ChainBinder() {
    }

    /**
     * @param config the parsed configuration
     * @param registry the loaded plugins
     * @param problems where each problem is added
     * @return the chains by task name ({@code "*"} included); usable only if no problem was added
     */
    public static Map<String, Chain> bind(ParsedConfig config, PluginRegistry registry, Problems problems) {
        Map<String, Chain> chains = new LinkedHashMap<>();
        for (ParsedConfig.TaskChain task : config.tasks().values()) {
            Chain chain = Chain.empty();
            for (ParsedConfig.Step step : task.steps()) {
                Optional<PluginFactory> factory = registry.find(step.plugin());
                if (factory.isEmpty()) {
                    problems.add(step.at(), "tasks." + task.task() + ": " + registry.whyNot(step.plugin()));
                    continue;
                }
                if (!step.whole()) {
                    // Its shape problem is reported; checking what is left would report its consequences.
                    continue;
                }
                Optional<Chain> next = add(chain, factory.get(), step, problems);
                if (next.isPresent()) {
                    chain = next.get();
                }
            }
            chains.put(task.task(), chain);
        }
        return chains;
    }

    private static Optional<Chain> add(Chain chain, PluginFactory factory, ParsedConfig.Step step, Problems problems) {
        String prefix = "plugin '" + step.plugin() + "': ";
        List<OptionSpec> specs;
        try {
            specs = factory.options();
        } catch (RuntimeException e) {
            problems.add(step.at(), prefix + "cannot list its options: " + e);
            return Optional.empty();
        }
        boolean ok = true;
        Map<String, Object> raw = new LinkedHashMap<>();
        for (Map.Entry<String, ParsedConfig.Value> option : step.options().entrySet()) {
            ParsedConfig.Value value = option.getValue();
            if (value.raw().isPresent()) {
                raw.put(option.getKey(), value.raw().get());
                continue;
            }
            Optional<OptionSpec> spec = specs.stream().filter(s -> s.name().equals(option.getKey())).findFirst();
            problems.add(value.keyAt(), prefix + "option '" + option.getKey() + "' has no value"
                    + spec.map(s -> "; expected " + s.type().form()).orElse(""));
            ok = false;
        }
        try {
            Options.parse(specs, raw);
        } catch (OptionException e) {
            for (OptionException.Problem problem : e.problems()) {
                // An unknown option is at fault by its name, a known one by its value.
                boolean known = specs.stream().anyMatch(s -> s.name().equals(problem.option()));
                ParsedConfig.Value value = step.options().get(problem.option());
                Position at = value == null ? step.at() : known ? value.valueAt() : value.keyAt();
                problems.add(at, prefix + problem.message());
            }
            ok = false;
        }
        if (!ok) {
            return Optional.empty();
        }
        try {
            return Optional.of(chain.then(factory, raw));
        } catch (OptionException e) {
            for (OptionException.Problem problem : e.problems()) {
                ParsedConfig.Value at = step.options().get(problem.option());
                problems.add(at == null ? step.at() : at.valueAt(), prefix + problem.message());
            }
        } catch (RuntimeException e) {
            problems.add(step.at(), prefix + "rejected its options: " + e);
        }
        return Optional.empty();
    }
}
