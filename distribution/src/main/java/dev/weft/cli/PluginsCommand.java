package dev.weft.cli;

import dev.weft.PluginInfo;
import dev.weft.PluginRegistry;
import dev.weft.WeftConfig;
import dev.weft.api.OptionSpec;
import dev.weft.core.render.Json;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code weft plugins}: every plugin found, usable or not, with its events and options. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = {"Lists every plugin found on the module path and in the plugins folder, usable or not: "
                + "name, version, source, state (with the reason when not usable), events and options."})
final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "The plugins folder. Default: the installation's plugins/.")
    private Optional<Path> plugins;

    @Option(names = "--json", description = "Print a JSON array of objects with the fields name, version, source, "
            + "state, reason, events and options (each option: name, type, default, doc).")
    private boolean json;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        // Failed jars are part of the listing itself, so no separate warnings.
        try (PluginRegistry registry = PluginLoading.load(plugins, Home.fromSystem(), WeftConfig.empty())) {
            List<PluginInfo> found = registry.plugins();
            out.println(json ? json(found) : text(found));
        }
        return ExitCodes.OK;
    }

    static String json(List<PluginInfo> plugins) {
        List<Object> array = new ArrayList<>();
        for (PluginInfo p : plugins) {
            List<Object> options = new ArrayList<>();
            for (OptionSpec o : p.options()) {
                options.add(fields("name", o.name(), "type", type(o), "default", o.defaultValue(), "doc", o.doc()));
            }
            array.add(fields("name", p.name(), "version", p.version(), "source", p.source(),
                    "state", p.state().name(), "reason", p.reason(), "events", p.events(), "options", options));
        }
        return Json.write(array);
    }

    /** @return an object whose fields keep the order given, from name, value, name, value, ... */
    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    /** @return such as {@code duration} or {@code string-list}, as the configuration file's types are named */
    static String type(OptionSpec option) {
        return option.type().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static String text(List<PluginInfo> plugins) {
        if (plugins.isEmpty()) {
            return "No plugins found.";
        }
        StringBuilder sb = new StringBuilder();
        for (PluginInfo p : plugins) {
            sb.append(p.name()).append(' ').append(p.version()).append("  (").append(p.source()).append(")  ")
                    .append(p.state());
            p.reason().ifPresent(r -> sb.append(": ").append(r));
            sb.append('\n');
            if (!p.description().isBlank()) {
                sb.append("    ").append(p.description()).append('\n');
            }
            if (!p.events().isEmpty()) {
                sb.append("    events: ").append(String.join(", ", p.events())).append('\n');
            }
            for (OptionSpec o : p.options()) {
                sb.append("    option ").append(o.name()).append(" (").append(type(o))
                        .append(o.defaultValue().map(d -> ", default " + d).orElse("")).append("): ").append(o.doc())
                        .append('\n');
            }
        }
        return sb.toString().stripTrailing();
    }
}
