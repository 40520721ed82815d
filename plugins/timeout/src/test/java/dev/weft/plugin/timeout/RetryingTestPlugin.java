package dev.weft.plugin.timeout;

import dev.weft.api.Failure;
import dev.weft.api.TaskPlugin;
import java.time.Duration;
import java.util.concurrent.Semaphore;

/** A minimal retrying plugin for chain-order tests; the real retry plugin lives in its own module. */
final class RetryingTestPlugin implements TaskPlugin {

    private final int maxAttempts;
    private final Duration backoff;
    /** Released each time a retry is scheduled, so a test knows when to move the clock. */
    final Semaphore retried = new Semaphore(0);

    RetryingTestPlugin(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return "test-retry";
    }

    @Override
    public void onFailure(Failure failure) {
        if (failure.attempt() < maxAttempts) {
            failure.retryAfter(backoff);
            retried.release();
        }
    }
}
