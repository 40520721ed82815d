package dev.weft.plugin.trace;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** Logs the trace's steps at DEBUG, with the call's id in the MDC, when the {@code log} option is on. */
final class StepLog {

    /** The MDC key holding the call's id. */
    static final String MDC_KEY = "weft.call";

    private static final Logger LOG = LoggerFactory.getLogger("dev.weft.plugin.trace");

    private final boolean enabled;

    StepLog(boolean enabled) {
        this.enabled = enabled;
    }

    boolean enabled() {
        return enabled && LOG.isDebugEnabled();
    }

    void step(Long call, String format, Object... args) {
        if (!enabled()) {
            return;
        }
        if (call == null) {
            LOG.debug(format, args);
            return;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, Long.toString(call));
        try {
            LOG.debug(format, args);
        } finally {
            restore(previous);
        }
    }

    /**
     * Puts a call's id in the MDC while its attempt runs, so the function's own log lines carry it.
     *
     * @return the value to give back to {@link #restore}
     */
    String enter(long call) {
        if (!enabled) {
            return null;
        }
        String previous = MDC.get(MDC_KEY);
        MDC.put(MDC_KEY, Long.toString(call));
        return previous;
    }

    void restore(String previous) {
        if (previous == null) {
            MDC.remove(MDC_KEY);
        } else {
            MDC.put(MDC_KEY, previous);
        }
    }
}
