package dev.weft.core.event;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.PluginErrorEvent;
import dev.weft.api.StopEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Counting: the loop's emissions and those made while no run is in progress add up, and none is lost. */
class EventBusTests {

    // An API payload: a test's own would have to be in a package the module exports.
    private static final EventType<StopEvent> PING = EventType.of("ping", StopEvent.class);

    private static StopEvent ping(String n) {
        return new StopEvent(n, Optional.empty());
    }

    private static final CallbackFailure RETHROW = (event, handler, error) -> {
        throw new AssertionError(handler + " of " + event + " threw", error);
    };

    @Test
    void emissionsOnTheLoopAndOffItAreCountedTogetherAndDeliveredAlike() {
        EventBus bus = new EventBus("test");
        bus.register(PING);
        List<String> seen = new ArrayList<>();
        bus.subscribe(PING, p -> seen.add(p.reason()), On.defaults(), "test", this);

        bus.emit(PING, ping("1"), RETHROW);
        bus.emitOffLoop(PING, ping("2"), RETHROW);
        bus.emit(PING, ping("3"), RETHROW);

        assertEquals(List.of("1", "2", "3"), seen);
        assertEquals(3, bus.count("ping"));
        assertEquals(3L, bus.counts().get("ping"));
    }

    @Test
    void anEventIsEmittableOnlyUnderItsNameAndPayloadType() {
        EventBus bus = new EventBus("test");
        bus.register(PING);

        assertDoesNotThrow(() -> bus.requireEmittable(EventType.of("ping", StopEvent.class)), "an equal type");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> bus.requireEmittable(EventType.of("pong", StopEvent.class)));
        assertEquals("test has no event 'pong' (did you mean 'ping'?); known events: ping", unknown.getMessage());
        IllegalArgumentException otherPayload = assertThrows(IllegalArgumentException.class,
                () -> bus.requireEmittable(EventType.of("ping", PluginErrorEvent.class)));
        assertEquals("test's event 'ping' carries dev.weft.api.StopEvent, not dev.weft.api.PluginErrorEvent",
                otherPayload.getMessage());
        assertEquals(0, bus.count("ping"), "checking emits nothing");
    }

    @Test
    void anUnheardEmissionIsCountedWithoutAPayload() {
        EventBus bus = new EventBus("test");
        bus.register(PING);
        assertTrue(bus.countIfUnheard(PING));
        bus.subscribe(PING, p -> { }, On.defaults(), "test", this);
        assertEquals(false, bus.countIfUnheard(PING), "heard now: the caller must emit a payload");
        assertEquals(1, bus.count("ping"));
    }

    @Test
    void offLoopEmissionsFromManyThreadsWhileTheLoopEmitsLoseNoCount() throws Exception {
        EventBus bus = new EventBus("test");
        bus.register(PING);
        int threads = 4;
        int each = 20_000;
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(threads);
        Object idleLock = new Object();
        for (int t = 0; t < threads; t++) {
            Thread emitter = new Thread(() -> {
                try {
                    go.await();
                    for (int i = 0; i < each; i++) {
                        // As the engine does: off-loop emissions are serialized by its idle lock.
                        synchronized (idleLock) {
                            bus.emitOffLoop(PING, ping("x"), RETHROW);
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    done.countDown();
                }
            });
            emitter.start();
        }
        go.countDown();
        // This thread is the loop, counting with plain stores at the same time.
        for (int i = 0; i < each; i++) {
            bus.emit(PING, ping("x"), RETHROW);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));

        assertEquals((threads + 1L) * each, bus.count("ping"));
    }
}
