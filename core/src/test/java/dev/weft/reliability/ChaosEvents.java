package dev.weft.reliability;

import dev.weft.api.EventType;

/** The test plugins' events; payloads are public records so weft can show their fields. */
public final class ChaosEvents {

    /** A call was vetoed. @param seq the plan's sequence number */
    public record Vetoed(long seq) {
    }

    /** A call is retried. @param call the call id @param attempt the attempt that failed */
    public record Retrying(long call, int attempt) {
    }

    /** A scope ran past its limit and was failed. @param call the call id */
    public record TimedOut(long call) {
    }

    static {
        // Tests are patched into dev.weft.core, which exports only dev.weft; EventType.of needs
        // the payloads' package exported to dev.weft.api, and a module may export its own package.
        exportToWeft(ChaosEvents.class);
    }

    static final EventType<Vetoed> VETOED = EventType.of("chaos-vetoed", Vetoed.class);
    static final EventType<Retrying> RETRYING = EventType.of("chaos-retrying", Retrying.class);
    static final EventType<TimedOut> TIMED_OUT = EventType.of("chaos-timed-out", TimedOut.class);

    private ChaosEvents() {
    }

    /** Exports the package of a test class to the plugin API module, so its records can be payloads. */
    static void exportToWeft(Class<?> inPackage) {
        inPackage.getModule().addExports(inPackage.getPackageName(), EventType.class.getModule());
    }
}
