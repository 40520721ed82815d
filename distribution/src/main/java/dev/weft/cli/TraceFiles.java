package dev.weft.cli;

import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.api.On;
import java.lang.reflect.RecordComponent;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Collects the files the trace plugin wrote, from its {@code trace-written} events, for the
 * summary. The payload's class lives in the plugin's own layer, so its {@code path} component is
 * read reflectively (the plugin exports its payload package, as every plugin must).
 */
final class TraceFiles {

    /** The trace plugin's event. */
    static final String EVENT = "trace-written";

    private final Set<String> files = Collections.synchronizedSet(new TreeSet<>());

    /**
     * @param scheduler a scheduler whose tasks are defined
     * @return the collector, listening to every task that has the trace plugin
     */
    static TraceFiles listen(Scheduler scheduler) {
        TraceFiles traces = new TraceFiles();
        for (Task<?, ?> task : scheduler.tasks()) {
            if (task.events().contains(EVENT)) {
                task.on(EVENT, traces::written, On.hiddenHandler());
            }
        }
        return traces;
    }

    private void written(Record event) {
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (component.getName().equals("path")) {
                try {
                    files.add(String.valueOf(component.getAccessor().invoke(event)));
                } catch (ReflectiveOperationException | RuntimeException e) {
                    files.add("(a trace file whose name could not be read: " + e + ")");
                }
            }
        }
    }

    /** @return the files written, sorted */
    List<String> files() {
        synchronized (files) {
            return List.copyOf(files);
        }
    }
}
