package dev.weft.plugin.retry;

import dev.weft.api.CallScope;
import dev.weft.api.Failure;
import dev.weft.api.Invocation;
import dev.weft.api.Panel;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

/** The retry plugin of one task. */
final class Retry implements TaskPlugin {

    private final RetryConfig config;
    private final Random random;
    private final ExceptionMatcher retryOn;
    private final ExceptionMatcher abortOn;
    // Atomic: around() runs on workers and describe() on any thread.
    private final AtomicLong firstAttempts = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong gaveUp = new AtomicLong();
    private final AtomicLong aborted = new AtomicLong();
    private volatile TaskContext context;

    Retry(RetryConfig config) {
        this(config, new Random());
    }

    /** With a given source of jitter, so that tests can seed it. */
    Retry(RetryConfig config, Random random) {
        this.config = config;
        this.random = random;
        this.retryOn = new ExceptionMatcher(config.retryOn());
        this.abortOn = new ExceptionMatcher(config.abortOn());
    }

    @Override
    public String name() {
        return RetryFactory.NAME;
    }

    @Override
    public void attach(TaskContext task) {
        RetryEvents.ALL.forEach(task::register);
        context = task;
    }

    @Override
    public Object around(Invocation invocation) throws Exception {
        // Touching the scope here starts it with the first attempt, so max-duration counts from
        // then and not from the first failure. Only a scope's first entry counts as an attempt:
        // retries are counted when scheduled, whether or not the core runs this hook again.
        ScopeState state = invocation.scope().state(ScopeState::new);
        if (!state.entered) {
            state.entered = true;
            firstAttempts.incrementAndGet();
        }
        return invocation.proceed();
    }

    @Override
    public void onFailure(Failure failure) {
        Throwable cause = failure.error();
        CallScope scope = failure.scope();
        // Counted in the scope, not taken from failure.attempt(): when this plugin sits inside
        // another retrying plugin, each outer attempt gives it a fresh scope and a fresh budget.
        ScopeState state = scope.state(ScopeState::new);
        int attempt = ++state.failedAttempts;
        long callId = failure.call().id();
        String task = failure.call().taskName();

        if (abortOn.matches(cause)) {
            aborted.incrementAndGet();
            context.emit(RetryEvents.RETRY_ABORTED, new RetryAbortedEvent(callId, task, attempt, cause));
            return;
        }
        if (!isRetryable(cause)) {
            return;
        }
        if (attempt >= config.maxAttempts()) {
            giveUp(callId, task, attempt, cause, RetryConfig.MAX_ATTEMPTS);
            return;
        }
        Duration delay = delayAfter(attempt);
        if (config.maxDuration().isPresent()) {
            long elapsed = context.clock().nanoTime() - scope.startNanos();
            if (elapsed + delay.toNanos() > config.maxDuration().get().toNanos()) {
                giveUp(callId, task, attempt, cause, RetryConfig.MAX_DURATION);
                return;
            }
        }
        failure.retryAfter(delay);
        retries.incrementAndGet();
        context.emit(RetryEvents.RETRY, new RetryEvent(callId, task, attempt, cause, delay));
    }

    private boolean isRetryable(Throwable cause) {
        // An Error means the JVM or the program is broken: trying again cannot help.
        if (cause instanceof Error) {
            return false;
        }
        return retryOn.isEmpty() ? cause instanceof Exception : retryOn.matches(cause);
    }

    private void giveUp(long callId, String task, int attempts, Throwable cause, String limit) {
        gaveUp.incrementAndGet();
        context.emit(RetryEvents.RETRIES_EXHAUSTED, new RetriesExhaustedEvent(callId, task, attempts, cause, limit));
    }

    /** The delay after a failed attempt, jittered (hooks run on the loop, so the Random is not shared). */
    Duration delayAfter(int attempt) {
        long base = config.baseDelayNanos(attempt);
        if (config.jitter() == 0) {
            return Duration.ofNanos(base);
        }
        double factor = 1 + config.jitter() * (2 * random.nextDouble() - 1);
        return Duration.ofNanos(config.capNanos(base * factor));
    }

    @Override
    public void describe(Panel panel) {
        panel.row("Attempts", firstAttempts.get() + retries.get());
        panel.row("Retries", retries.get());
        panel.row("Gave up", gaveUp.get());
        panel.row("Aborted", aborted.get());
    }

    @Override
    public String toString() {
        return "retry" + config;
    }

    /** What this plugin remembers about one call scope: attempts of a scope run one after another. */
    private static final class ScopeState {
        volatile boolean entered;
        volatile int failedAttempts;
    }
}
