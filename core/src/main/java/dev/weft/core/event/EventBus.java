package dev.weft.core.event;

import dev.weft.api.EventType;
import dev.weft.api.On;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The events of one emitter (the scheduler, or one task): their types, handlers and counts.
 *
 * <p>Handlers run in registration order. The handler array is copied on write, so a handler
 * subscribed during an emission takes effect from the next one (weft's decision 14), and one
 * that throws does not stop the rest: its exception goes to the {@link CallbackFailure}.
 * Subscribing is safe from any thread; emitting happens on the loop thread only.
 *
 * <p>Handlers and listeners are kept in arrays rather than lists: emit() runs several times per
 * call, and iterating a list there allocated an iterator per loop that escape analysis did not
 * remove.
 */
public final class EventBus {

    private final String owner;
    private static final Handler[] NO_HANDLERS = {};
    private static final Listener[] NO_LISTENERS = {};

    private final Map<String, Slot> slots = new LinkedHashMap<>();
    // A read-only copy of slots for emit(), which runs on every event and must not take the lock.
    private volatile Map<String, Slot> readable = Map.of();
    // The same slots keyed by the registered type objects, never changed once published: emit()
    // nearly always gets the very instance that was registered, and an identity lookup skips the
    // name's hash and the modulo of the name map's probe, which showed in profiles of the loop.
    private volatile Map<EventType<?>, Slot> byType = new IdentityHashMap<>();
    private volatile Listener[] listeners = NO_LISTENERS;

    /** Sees every event after its handlers; for plugins that observe others, such as trace. */
    private record Listener(BiConsumer<EventType<?>, Record> callback, Object owner) {
    }

    /** @param owner names the emitter in error messages, such as {@code task 'double'} */
    public EventBus(String owner) {
        this.owner = owner;
    }

    /**
     * One event type's handlers and count. The count has one writer, the loop, which adds to it
     * with a plain store: several atomic increments per call were a measurable part of the loop's
     * work. Emissions made while no run is in progress, on whatever thread, go to a second count
     * that is added atomically, so they never race with the loop's.
     */
    private static final class Slot {
        private static final VarHandle COUNT;
        private static final VarHandle COUNT_OFF_LOOP;

        static {
            try {
                MethodHandles.Lookup lookup = MethodHandles.lookup();
                COUNT = lookup.findVarHandle(Slot.class, "count", long.class);
                COUNT_OFF_LOOP = lookup.findVarHandle(Slot.class, "countOffLoop", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        final EventType<?> type;
        volatile Handler[] handlers = NO_HANDLERS;
        private volatile long count;
        private volatile long countOffLoop;

        Slot(EventType<?> type) {
            this.type = type;
        }

        void countOnLoop() {
            COUNT.setRelease(this, count + 1);
        }

        void countOffLoop() {
            COUNT_OFF_LOOP.getAndAdd(this, 1L);
        }

        long count() {
            return count + countOffLoop;
        }
    }

    /**
     * Adds an event type; adding it again has no effect.
     *
     * @throws IllegalArgumentException if another type already has that name
     */
    public synchronized void register(EventType<?> type) {
        Objects.requireNonNull(type, "type");
        Slot slot = slots.get(type.name());
        if (slot == null) {
            slots.put(type.name(), new Slot(type));
            publish();
        } else if (!slot.type.equals(type)) {
            throw new IllegalArgumentException(owner + " already has an event '" + type.name() + "' carrying "
                    + slot.type.payloadType().getName() + "; cannot add one carrying " + type.payloadType().getName());
        }
    }

    /**
     * Checks, without a lock, that an event can be emitted here: on the emitter's thread, so that a
     * plugin's mistake fails the plugin rather than the loop job that would deliver the event.
     *
     * @throws IllegalArgumentException if the bus has no event of that name, or one carrying
     *     another payload type
     */
    public void requireEmittable(EventType<?> type) {
        Objects.requireNonNull(type, "type");
        if (byType.containsKey(type)) {
            return;
        }
        Slot slot = readable.get(type.name());
        if (slot == null) {
            slot(type.name()); // throws, naming the known events
        } else if (!slot.type.equals(type)) {
            throw new IllegalArgumentException(owner + "'s event '" + type.name() + "' carries "
                    + slot.type.payloadType().getName() + ", not " + type.payloadType().getName());
        }
    }

    /** Subscribes a typed handler to a registered event. */
    public <T extends Record> Handler subscribe(EventType<T> type, Consumer<? super T> callback, On options,
            String location, Object owner) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(callback, "handler");
        Slot slot = slot(type.name());
        if (!slot.type.equals(type)) {
            throw new IllegalArgumentException(this.owner + "'s event '" + type.name() + "' carries "
                    + slot.type.payloadType().getName() + ", not " + type.payloadType().getName());
        }
        return add(slot, payload -> callback.accept(type.cast(payload)), options, location, owner);
    }

    /** Subscribes a handler by event name, which must be known. */
    public Handler subscribe(String name, Consumer<? super Record> callback, On options, String location,
            Object owner) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(callback, "handler");
        return add(slot(name), callback::accept, options, location, owner);
    }

    private synchronized Handler add(Slot slot, Consumer<Record> callback, On options, String location,
            Object owner) {
        Objects.requireNonNull(options, "options");
        Handler handler = new Handler(callback, options, location, owner);
        Handler[] next = Arrays.copyOf(slot.handlers, slot.handlers.length + 1);
        next[next.length - 1] = handler;
        slot.handlers = next;
        return handler;
    }

    /** Adds a listener that sees every event of this bus after its handlers. */
    public synchronized void listen(BiConsumer<EventType<?>, Record> callback, Object owner) {
        Objects.requireNonNull(callback, "listener");
        Listener[] next = Arrays.copyOf(listeners, listeners.length + 1);
        next[next.length - 1] = new Listener(callback, owner);
        listeners = next;
    }

    /** Removes every handler and event type an owner added; used to undo a failed plugin attach. */
    public synchronized void removeOwnedBy(Object owner, List<String> eventNames) {
        listeners = Arrays.stream(listeners).filter(l -> l.owner() != owner).toArray(Listener[]::new);
        for (Slot slot : slots.values()) {
            slot.handlers = Arrays.stream(slot.handlers).filter(h -> h.owner() != owner).toArray(Handler[]::new);
        }
        eventNames.forEach(slots::remove);
        publish();
    }

    /** Publishes fresh read-only copies of the slots; called with the lock held. */
    private void publish() {
        Map<EventType<?>, Slot> identity = new IdentityHashMap<>();
        slots.values().forEach(slot -> identity.put(slot.type, slot));
        byType = identity;
        readable = Map.copyOf(slots);
    }

    private synchronized Slot slot(String name) {
        Slot slot = slots.get(name);
        if (slot == null) {
            throw new IllegalArgumentException(owner + " has no event '" + name + "'"
                    + dev.weft.api.Names.didYouMean(name, slots.keySet()) + "; known events: "
                    + String.join(", ", slots.keySet()));
        }
        return slot;
    }

    /**
     * Counts the emission, then runs each handler in order, isolating failures. Loop thread only.
     */
    public <T extends Record> void emit(EventType<T> type, T payload, CallbackFailure failures) {
        Slot slot = find(type);
        slot.countOnLoop();
        deliver(slot, type, payload, failures);
    }

    /**
     * Emits while no run is in progress, on any thread (a plugin's late event); callers
     * serialize such emissions themselves. Counted apart from the loop's emissions.
     */
    public <T extends Record> void emitOffLoop(EventType<T> type, T payload, CallbackFailure failures) {
        Slot slot = find(type);
        slot.countOffLoop();
        deliver(slot, type, payload, failures);
    }

    private <T extends Record> void deliver(Slot slot, EventType<T> type, T payload, CallbackFailure failures) {
        for (Handler handler : slot.handlers) {
            try {
                handler.fire(payload);
            } catch (Throwable error) {
                failures.handlerFailed(type.name(), handler.location(), error);
            }
        }
        for (Listener listener : listeners) {
            try {
                listener.callback().accept(type, payload);
            } catch (Throwable error) {
                failures.handlerFailed(type.name(), "listener of every event", error);
            }
        }
    }

    /**
     * Counts an emission that no handler or listener would see, so that the caller can skip making
     * its payload. Loop thread only.
     *
     * @return true if the emission was counted; false if someone would see it: then call {@link #emit}
     */
    public boolean countIfUnheard(EventType<?> type) {
        Slot slot = find(type);
        if (slot.handlers.length > 0 || listeners.length > 0) {
            return false;
        }
        slot.countOnLoop();
        return true;
    }

    private Slot find(EventType<?> type) {
        Slot slot = byType.get(type);
        if (slot != null) {
            return slot;
        }
        slot = readable.get(type.name());
        if (slot == null) {
            slot = slot(type.name()); // throws, naming the known events
        }
        return slot;
    }

    /** @return whether an event of that name is known */
    public synchronized boolean knows(String name) {
        return slots.containsKey(name);
    }

    /** @return the event types, in registration order */
    public synchronized List<EventType<?>> types() {
        List<EventType<?>> types = new ArrayList<>();
        slots.values().forEach(s -> types.add(s.type));
        return types;
    }

    /** @return every event's count, including zeros, in registration order */
    public synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        slots.forEach((name, slot) -> counts.put(name, slot.count()));
        return counts;
    }

    /** @return one event's count */
    public long count(String name) {
        return slot(name).count();
    }

    /** @return an event's handlers, in order */
    public List<Handler> handlers(String name) {
        return List.of(slot(name).handlers);
    }
}
