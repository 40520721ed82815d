package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import dev.weft.Chain;
import dev.weft.api.TaskPlugin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainsWithoutTests {

    /** A plugin that only has a name. */
    private record Named(String name) implements TaskPlugin {
    }

    private static final Chain CHAIN = Chain.empty().then("trace", () -> new Named("trace"))
            .then("retry", () -> new Named("retry")).then("timeout", () -> new Named("timeout"));

    @Test
    void theLeftOutPluginIsGoneAndTheOthersKeepTheirOrder() {
        Chain filtered = new ChainsWithout(task -> CHAIN, "trace").apply("evaluate");

        assertEquals(List.of("retry", "timeout"), filtered.names());
        assertEquals(List.of(new Named("retry"), new Named("timeout")), filtered.instantiate());
    }

    @Test
    void eachTaskGetsFreshInstances() {
        Chain filtered = new ChainsWithout(task -> CHAIN, "trace").apply("evaluate");

        List<TaskPlugin> first = filtered.instantiate();
        List<TaskPlugin> second = filtered.instantiate();

        assertNotSame(first.get(0), second.get(0));
        assertNotSame(first.get(1), second.get(1));
    }

    @Test
    void aChainWithoutThePluginIsUnchanged() {
        Chain plain = Chain.empty().then("retry", () -> new Named("retry"));

        assertEquals(plain, new ChainsWithout(task -> plain, "trace").apply("evaluate"));
    }
}
