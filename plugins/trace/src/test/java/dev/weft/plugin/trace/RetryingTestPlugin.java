package dev.weft.plugin.trace;

import dev.weft.api.EventType;
import dev.weft.api.Failure;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskContext;
import dev.weft.api.TaskPlugin;
import java.time.Duration;
import java.util.List;

/**
 * A minimal retrying plugin that reports each retry as a {@code test-retry} event; its factory is
 * a service of the test module, so the trace finds the event type as it finds real plugins'.
 */
public final class RetryingTestPlugin implements TaskPlugin {

    /** Payload of {@code test-retry}. @param call the call id @param attempt the attempt that failed */
    public record Retried(long call, int attempt) {
    }

    static final EventType<Retried> RETRIED = EventType.of("test-retry", Retried.class);

    /** Finds the plugin's event type for the trace, as loading would. */
    public static final class Factory implements PluginFactory {
        @Override
        public String name() {
            return "test-retry";
        }

        @Override
        public List<EventType<?>> events() {
            return List.of(RETRIED);
        }

        @Override
        public TaskPlugin create(Options options) {
            return new RetryingTestPlugin(2, Duration.ofSeconds(1));
        }
    }

    private final int maxAttempts;
    private final Duration backoff;
    private TaskContext context;

    RetryingTestPlugin(int maxAttempts, Duration backoff) {
        this.maxAttempts = maxAttempts;
        this.backoff = backoff;
    }

    @Override
    public String name() {
        return "test-retry";
    }

    @Override
    public void attach(TaskContext task) {
        context = task;
        task.register(RETRIED);
    }

    @Override
    public void onFailure(Failure failure) {
        if (failure.attempt() < maxAttempts) {
            failure.retryAfter(backoff);
            context.emit(RETRIED, new Retried(failure.call().id(), failure.attempt()));
        }
    }
}
