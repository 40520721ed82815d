package dev.weft;

import dev.weft.api.On;
import dev.weft.api.SchedulerEvents;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records every scheduler and task event in the order the loop emitted them, as "S.start" or "T.result". */
final class EventLog {

    private final List<String> entries = Collections.synchronizedList(new ArrayList<>());

    static EventLog of(Scheduler scheduler, Task<?, ?>... tasks) {
        EventLog log = new EventLog();
        SchedulerEvents.ALL.forEach(type -> scheduler.on(type.name(), e -> log.entries.add("S." + type.name()),
                On.hiddenHandler()));
        for (Task<?, ?> task : tasks) {
            task.events().forEach(name -> task.on(name, e -> log.entries.add("T." + name), On.hiddenHandler()));
        }
        return log;
    }

    void add(String entry) {
        entries.add(entry);
    }

    List<String> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }
}
