package dev.weft.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A {@link FakeFailure} records the retry the plugin asked for. */
class FakeFailureTests {

    @Test
    void aFailureRecordsTheRetryAskedForAndRefusesASecond() {
        FakeCallScope scope = new FakeCallScope(0);
        FakeFailure failure = new FakeFailure(new FakeFuture(1, "t"), 2, new RuntimeException(), scope);

        assertEquals(Optional.empty(), failure.retryDelay());
        failure.retryAfter(Duration.ofMillis(100));

        assertEquals(Optional.of(Duration.ofMillis(100)), failure.retryDelay());
        assertThrows(IllegalStateException.class, () -> failure.retryAfter(Duration.ofMillis(200)));
        assertEquals(Optional.of(Duration.ofMillis(100)), failure.retryDelay());
        assertEquals(2, failure.attempt());
        assertSame(scope, failure.scope());
    }

    @Test
    void aFailureRefusesANegativeDelay() {
        FakeFailure failure = new FakeFailure(new FakeFuture(1, "t"), 1, new RuntimeException(), new FakeCallScope(0));

        assertThrows(IllegalArgumentException.class, () -> failure.retryAfter(Duration.ofMillis(-1)));
        assertEquals(Optional.empty(), failure.retryDelay());
    }
}
