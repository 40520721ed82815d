package dev.weft.bench;

import dev.weft.Chain;
import dev.weft.plugin.limiter.CallLimiterFactory;
import dev.weft.plugin.retry.RetryFactory;
import dev.weft.plugin.timeout.TimeoutPluginFactory;
import dev.weft.plugin.trace.TracePluginFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * The plugin chains the benchmarks use, built from the factories with raw options exactly as a
 * configuration file's {@code chain:} section would.
 */
public final class Chains {

    /** Limits far above any benchmark's call count, so the limiter checks every call and vetoes none. */
    static final Map<String, Object> LIMITER = Map.of("max-calls", Integer.MAX_VALUE, "max-concurrent", 1_000_000);
    /** Defaults: three attempts, 100ms back-off; a no-op never fails, so only the hooks cost. */
    static final Map<String, Object> RETRY = Map.of("max-attempts", 3);
    /** Long enough never to fire: every call arms and cancels one timer on the clock. */
    static final Map<String, Object> TIMEOUT = Map.of("limit", "10s");

    private Chains() {
    }

    /** @return call-limiter alone */
    public static Chain limiter() {
        return Chain.empty().then(new CallLimiterFactory(), LIMITER);
    }

    /** @return retry alone */
    public static Chain retry() {
        return Chain.empty().then(new RetryFactory(), RETRY);
    }

    /** @return timeout alone */
    public static Chain timeout() {
        return Chain.empty().then(new TimeoutPluginFactory(), TIMEOUT);
    }

    /**
     * @param file the trace file
     * @return trace alone, writing to {@code file}
     */
    public static Chain trace(Path file) {
        return Chain.empty().then(new TracePluginFactory(), Map.of("file", file.toString()));
    }

    /**
     * The four together, in the order trace's documentation recommends (trace outermost, so it sees
     * the others' decisions): {@code trace(call-limiter(retry(timeout(fn))))}.
     *
     * @param file the trace file
     * @return the chain
     */
    public static Chain allFour(Path file) {
        return Chain.empty()
                .then(new TracePluginFactory(), Map.of("file", file.toString()))
                .then(new CallLimiterFactory(), LIMITER)
                .then(new RetryFactory(), RETRY)
                .then(new TimeoutPluginFactory(), TIMEOUT);
    }
}
