package dev.weft.cli;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The warnings for plugins that failed to load: one line per problem, however many jars share it. */
final class PluginWarnings {

    private PluginWarnings() {
    }

    /**
     * @param problems the registry's unusable plugins
     * @return such as {@code weft: warning: plugin broken.jar failed: corrupt jar: ...}, for the failed ones
     */
    static List<String> lines(List<PluginInfo> problems) {
        // Both jars of an ambiguity fail with the same reason, which names them both: one line says it.
        Map<String, List<PluginInfo>> byProblem = problems.stream()
                .filter(p -> p.state() == PluginState.FAILED)
                .collect(Collectors.groupingBy(p -> p.name() + "\n" + p.reason().orElse(""), LinkedHashMap::new,
                        Collectors.toList()));
        return byProblem.values().stream().map(PluginWarnings::line).toList();
    }

    private static String line(List<PluginInfo> alike) {
        PluginInfo first = alike.get(0);
        String reason = first.reason().orElse("");
        List<String> unnamed = alike.stream().map(PluginInfo::source)
                .filter(s -> !reason.contains(s) && !s.equals(first.name())).toList();
        // A jar that failed before its plugins were named is listed under its file name: no need to say it twice.
        String what = unnamed.isEmpty() ? first.name() : first.name() + " (" + String.join(", ", unnamed) + ")";
        return "weft: warning: plugin " + what + " failed: " + reason;
    }
}
