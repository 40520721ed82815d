package dev.weft.core.engine;

import dev.weft.api.PluginException;
import dev.weft.api.TaskEvents;
import dev.weft.api.TaskView;
import dev.weft.core.event.EventBus;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A task's state inside the engine: its events, its chain and its calls in flight. */
public final class TaskRuntime implements TaskView {

    private final Engine engine;
    private final String name;
    private final String ref;
    private final Call.CallFunction function;
    private final EventBus bus;
    // Replaced, never changed, so each submit reads the chain without copying it.
    private volatile List<PluginSlot> plugins = List.of();
    private final Map<PluginSlot, List<String>> pluginEvents = new ConcurrentHashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicLong vetoed = new java.util.concurrent.atomic.AtomicLong();
    private final CallList queue = new CallList(CallList.Links.TASK);

    TaskRuntime(Engine engine, String name, String ref, Call.CallFunction function) {
        this.engine = engine;
        this.name = name;
        this.ref = ref;
        this.function = function;
        this.bus = new EventBus("task '" + name + "'");
        TaskEvents.ALL.forEach(bus::register);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String ref() {
        return ref;
    }

    @Override
    public int queued() {
        return queue.size();
    }

    @Override
    public int runningCount() {
        return running.get();
    }

    /** @return the task's events */
    public EventBus bus() {
        return bus;
    }

    /** @return the task's function */
    public Call.CallFunction function() {
        return function;
    }

    /** @return the chain, outer to inner */
    public List<PluginSlot> plugins() {
        return plugins;
    }

    /** @return the calls submitted and not yet ended, in submission order */
    public List<Call> futures() {
        return queue.snapshot();
    }

    /**
     * Adds a plugin at the inner end of the chain and attaches it. If {@code attach} throws,
     * everything it registered is undone and the plugin is not added.
     *
     * @throws PluginException naming the plugin, if attach threw
     */
    public void attach(PluginSlot slot) {
        PluginContext context = new PluginContext(engine, this, slot.name());
        try {
            slot.plugin().attach(context);
        } catch (Throwable e) {
            if (Faults.isFatal(e)) {
                throw (Error) e;
            }
            context.undo();
            throw new PluginException(slot.name(), "attach", "threw " + e, e);
        }
        pluginEvents.put(slot, context.registered());
        synchronized (this) {
            List<PluginSlot> next = new ArrayList<>(plugins);
            next.add(slot);
            plugins = List.copyOf(next);
        }
    }

    /** @return the names of the events a plugin registered, in order */
    public List<String> eventsOf(PluginSlot slot) {
        return pluginEvents.getOrDefault(slot, List.of());
    }

    void enqueue(Call call) {
        queue.add(call);
    }

    void dequeue(Call call) {
        queue.remove(call);
    }

    /** @return how many submissions a plugin vetoed */
    public long vetoed() {
        return vetoed.get();
    }

    void countVeto() {
        vetoed.incrementAndGet();
    }

    void attemptStarted() {
        running.incrementAndGet();
    }

    void attemptEnded() {
        running.decrementAndGet();
    }

    @Override
    public String toString() {
        return ref;
    }
}
