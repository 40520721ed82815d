package dev.weft.core.loading;

import dev.weft.PluginState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settles names across every source: a name disabled in the configuration is left out, and a
 * name that several sources provide is unusable until the configuration pins one source.
 */
public final class Catalog {

    private Catalog() {
    }

    /**
     * @param all what every source found
     * @param pins the source chosen per name
     * @param disabled names to leave out
     * @return the same results, with the unusable ones demoted
     */
    public static List<Found> settle(List<Found> all, Map<String, String> pins, Set<String> disabled) {
        List<Found> out = new ArrayList<>();
        Map<String, List<Found>> usable = new LinkedHashMap<>();
        for (Found found : all) {
            if (!found.info().usable()) {
                out.add(found);
            } else if (disabled.contains(found.info().name())) {
                out.add(found.demote(PluginState.DISABLED, "disabled in the configuration"));
            } else {
                usable.computeIfAbsent(found.info().name(), k -> new ArrayList<>()).add(found);
            }
        }
        usable.values().forEach(group -> group.sort(Comparator.comparing(f -> f.info().source())));
        usable.forEach((name, group) -> {
            Optional<String> pin = Optional.ofNullable(pins.get(name));
            String sources = group.stream().map(f -> f.info().source()).collect(Collectors.joining(" and "));
            boolean pinMatches = pin.isPresent() && group.stream().anyMatch(f -> f.info().source().equals(pin.get()));
            for (Found found : group) {
                if (pin.isPresent() && !pinMatches) {
                    out.add(found.demote(PluginState.FAILED, Ambiguity.message("plugin '" + name + "'", name, sources, pin)));
                } else if (pin.isPresent() && !found.info().source().equals(pin.get())) {
                    out.add(found.demote(PluginState.DISABLED, "plugin '" + name + "' is also provided by "
                            + pin.get() + ", which the configuration pins"));
                } else if (pin.isEmpty() && group.size() > 1) {
                    out.add(found.demote(PluginState.FAILED, Ambiguity.message("plugin '" + name + "'", name, sources,
                            Optional.empty())));
                } else {
                    out.add(found);
                }
            }
        });
        return out;
    }
}
