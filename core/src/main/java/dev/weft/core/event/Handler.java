package dev.weft.core.event;

import dev.weft.api.On;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * One subscription: a callback, its AMLTK options and its counters. Only the loop thread fires
 * handlers, so the counters need no synchronisation beyond visibility for rendering.
 */
public final class Handler {

    private final Consumer<Record> callback;
    private final On options;
    private final String location;
    private final Object owner;
    private volatile long emissions;
    private volatile long calls;

    Handler(Consumer<Record> callback, On options, String location, Object owner) {
        this.callback = callback;
        this.options = options;
        this.location = location;
        this.owner = owner;
    }

    /**
     * Applies every, when, maxCalls and repeat (in AMLTK's order) and runs the callback.
     *
     * @return whether the callback ran
     */
    boolean fire(Record payload) {
        long n = ++emissions;
        if (options.everyN() > 1 && n % options.everyN() != 0) {
            return false;
        }
        BooleanSupplier when = options.whenPredicate().orElse(null);
        if (when != null && !when.getAsBoolean()) {
            return false;
        }
        if (options.maxCallsLimit().isPresent() && calls >= options.maxCallsLimit().getAsInt()) {
            return false;
        }
        // The count rises before the callback runs, so a throwing callback still counts (as in AMLTK).
        calls++;
        for (int i = 0; i < options.repeatTimes(); i++) {
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
