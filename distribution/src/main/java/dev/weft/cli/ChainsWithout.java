package dev.weft.cli;

import dev.weft.Chain;
import dev.weft.api.TaskPlugin;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The configured chains with one plugin left out, for {@code run --no-trace}.
 *
 * <p>{@link Chain} can only grow, and a configured chain's links hold options the CLI cannot see,
 * so the filtered chain makes the whole original chain once per task and keeps the instances it
 * wants. Making a plugin has no side effects until it is attached (plugins do their work in
 * {@code attach}), so the discarded instance costs nothing but its allocation.
 */
final class ChainsWithout implements Function<String, Chain> {

    private final Function<String, Chain> chains;
    private final String left;

    ChainsWithout(Function<String, Chain> chains, String left) {
        this.chains = Objects.requireNonNull(chains, "chains");
        this.left = Objects.requireNonNull(left, "left");
    }

    @Override
    public Chain apply(String task) {
        Chain original = chains.apply(task);
        List<String> names = original.names();
        if (!names.contains(left)) {
            return original;
        }
        // Chain.instantiate() calls the links in order, outer first: the first kept link makes the
        // whole original chain, and the later ones take their instances from that same batch.
        List<TaskPlugin> batch = new ArrayList<>();
        Chain filtered = Chain.empty();
        boolean first = true;
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(left)) {
                continue;
            }
            int index = i;
            boolean makesBatch = first;
            first = false;
            filtered = filtered.then(names.get(i), () -> {
                if (makesBatch) {
                    batch.clear();
                    batch.addAll(original.instantiate());
                }
                return batch.get(index);
            });
        }
        return filtered;
    }
}
