package dev.weft.core.event;

import dev.weft.api.On;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One subscription: a callback, its AMLTK options and its counters. Only the loop thread fires
 * handlers, so the counters need no synchronisation beyond visibility for rendering.
 */
public final class Handler {

    // The loop is the only writer, so a release store is enough for a renderer on another thread
    // to see the counts; a plain volatile store cost a full fence twice per emission.
    private static final VarHandle EMISSIONS;
    private static final VarHandle CALLS;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            EMISSIONS = lookup.findVarHandle(Handler.class, "emissions", long.class);
            CALLS = lookup.findVarHandle(Handler.class, "calls", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Consumer<Record> callback;
    private final On options;
    // The options, read once: fire() runs for every emission.
    private final int every;
    private final int repeat;
    private final long maxCalls;
    private final BooleanSupplier when;
    private final String location;
    private final Object owner;
    private volatile long emissions;
    private volatile long calls;

    Handler(Consumer<Record> callback, On options, String location, Object owner) {
        this.callback = callback;
        this.options = options;
        this.location = location;
        this.owner = owner;
        this.every = options.everyN();
        this.repeat = options.repeatTimes();
        this.maxCalls = options.maxCallsLimit().isPresent() ? options.maxCallsLimit().getAsInt() : Long.MAX_VALUE;
        this.when = options.whenPredicate().orElse(null);
    }

    /**
     * Applies every, when, maxCalls and repeat (in AMLTK's order) and runs the callback.
     *
     * @return whether the callback ran
     */
    boolean fire(Record payload) {
        long n = emissions + 1;
        EMISSIONS.setRelease(this, n);
        if (every > 1 && n % every != 0) {
            return false;
        }
        if (when != null && !when.getAsBoolean()) {
            return false;
        }
        if (calls >= maxCalls) {
            return false;
        }
        // The count rises before the callback runs, so a throwing callback still counts (as in AMLTK).
        CALLS.setRelease(this, calls + 1);
        for (int i = 0; i < repeat; i++) {
            callback.accept(payload);
        }
        return true;
    }

    /** @return where the handler was subscribed, such as {@code Example.main(Example.java:14)} */
    public String location() {
        return location;
    }

    /** @return how many times the callback fired */
    public long calls() {
        return calls;
    }

    /** @return whether the handler is kept out of the rendered tree */
    public boolean hidden() {
        return options.isHidden();
    }

    Object owner() {
        return owner;
    }
}
