package dev.weft.core.render;

import dev.weft.api.EventType;
import dev.weft.api.Field;
import dev.weft.api.Panel;
import dev.weft.core.engine.Call;
import dev.weft.core.engine.Engine;
import dev.weft.core.engine.Faults;
import dev.weft.core.engine.PluginSlot;
import dev.weft.core.engine.TaskRuntime;
import dev.weft.core.event.EventBus;
import dev.weft.core.event.Handler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Draws the event tree as AMLTK's rich output does, as text or JSON: the scheduler with its
 * executor and last five queued calls, every event with its count and visible handlers, then
 * each task with its own events and its plugins' panels and events.
 */
public final class TreeRenderer {

    private static final int QUEUE_SHOWN = 5;
    private static final String RESET = "\u001b[0m";
    private static final String MAGENTA = "\u001b[35m";
    private static final String BLUE = "\u001b[34m";
    private static final String YELLOW = "\u001b[33m";

    private TreeRenderer() {
    }

    /** A tree node: a label and its children. */
    private record Node(String label, List<Node> children) {
        Node(String label) {
            this(label, new ArrayList<>());
        }

        Node add(Node child) {
            children.add(child);
            return this;
        }
    }

    /** @return the tree as text */
    public static String text(Engine engine, boolean ansi) {
        Style style = new Style(ansi);
        Node root = new Node(style.color(MAGENTA, "Scheduler") + (engine.isRunning() ? " (running)" : ""));
        root.add(new Node("Executor: " + engine.executorDescription()));
        List<Call> queued = engine.queued();
        Node queue = new Node("Queue: (" + queued.size() + ")");
        int from = Math.max(0, queued.size() - QUEUE_SHOWN);
        if (from > 0) {
            queue.add(new Node("..."));
        }
        for (Call call : queued.subList(from, queued.size())) {
            queue.add(new Node(call.state() + " " + call.taskName() + "(" + call.argument() + ")"));
        }
        root.add(queue);
        events(engine.bus(), List.of(), style).forEach(root::add);
        for (TaskRuntime task : engine.tasks()) {
            root.add(taskNode(task, style));
        }
        StringBuilder sb = new StringBuilder(root.label()).append('\n');
        draw(root.children(), "", sb);
        return sb.toString();
    }

    private static Node taskNode(TaskRuntime task, Style style) {
        Node node = new Node(style.color(BLUE, "Task " + task.name()));
        node.add(new Node("Ref: " + task.ref()));
        List<String> pluginEventNames = new ArrayList<>();
        for (PluginSlot slot : task.plugins()) {
            pluginEventNames.addAll(task.eventsOf(slot));
        }
        events(task.bus(), pluginEventNames, style).forEach(node::add);
        for (PluginSlot slot : task.plugins()) {
            Node plugin = new Node(style.color(BLUE, "Plugin " + slot.name()));
            for (Field row : rows(slot)) {
                plugin.add(new Node(row.name() + " " + row.value()));
            }
            events(task.bus(), task.eventsOf(slot), style, true).forEach(plugin::add);
            node.add(plugin);
        }
        return node;
    }

    private static List<Node> events(EventBus bus, List<String> exclude, Style style) {
        return events(bus, exclude, style, false);
    }

    /** With {@code only}, lists just the named events; otherwise every event but those named. */
    private static List<Node> events(EventBus bus, List<String> names, Style style, boolean only) {
        Map<String, Long> counts = bus.counts();
        List<Node> hiddenFirst = new ArrayList<>();
        List<Node> rest = new ArrayList<>();
        for (EventType<?> type : bus.types()) {
            if (names.contains(type.name()) != only) {
                continue;
            }
            long count = counts.getOrDefault(type.name(), 0L);
            Node node = new Node(style.color(YELLOW, "@" + type.name()) + (count > 0 ? " " + count : ""));
            List<Handler> handlers = bus.handlers(type.name());
            boolean allHidden = !handlers.isEmpty();
            for (Handler h : handlers) {
                if (h.hidden()) {
                    continue;
                }
                allHidden = false;
                node.add(new Node(h.location() + (h.calls() > 0 ? " (" + h.calls() + ")" : "")));
            }
            // AMLTK's stable sort: events whose handlers are all hidden come first.
            (allHidden ? hiddenFirst : rest).add(node);
        }
        hiddenFirst.addAll(rest);
        return hiddenFirst;
    }

    private static List<Field> rows(PluginSlot slot) {
        List<Field> rows = new ArrayList<>();
        try {
            slot.plugin().describe(new Panel() {
                @Override
                public Panel row(String label, Object value) {
                    rows.add(new Field(java.util.Objects.requireNonNull(label, "label"), value));
                    return this;
                }
            });
        } catch (Throwable e) {
            if (Faults.isFatal(e)) {
                throw (Error) e;
            }
            // A faulty describe must not break the tree: show what went wrong in the panel.
            rows.add(new Field("describe failed", e.toString()));
        }
        return rows;
    }

    private static void draw(List<Node> nodes, String indent, StringBuilder sb) {
        for (int i = 0; i < nodes.size(); i++) {
            boolean last = i == nodes.size() - 1;
            Node node = nodes.get(i);
            sb.append(indent).append(last ? "└── " : "├── ").append(node.label()).append('\n');
            draw(node.children(), indent + (last ? "    " : "│   "), sb);
        }
    }

    /** @return the tree as a JSON object */
    public static String json(Engine engine) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("running", engine.isRunning());
        root.put("executor", engine.executorDescription());
        List<Object> queue = new ArrayList<>();
        for (Call call : engine.queued()) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", call.id());
            c.put("task", call.taskName());
            c.put("argument", String.valueOf(call.argument()));
            c.put("state", call.state().name());
            queue.add(c);
        }
        root.put("queue", queue);
        root.put("events", eventsJson(engine.bus(), List.of(), false));
        List<Object> tasks = new ArrayList<>();
        for (TaskRuntime task : engine.tasks()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", task.name());
            t.put("ref", task.ref());
            List<String> pluginEventNames = new ArrayList<>();
            task.plugins().forEach(p -> pluginEventNames.addAll(task.eventsOf(p)));
            t.put("events", eventsJson(task.bus(), pluginEventNames, false));
            List<Object> plugins = new ArrayList<>();
            for (PluginSlot slot : task.plugins()) {
                Map<String, Object> p = new LinkedHashMap<>();
                p.put("name", slot.name());
                List<Object> rows = new ArrayList<>();
                for (Field row : rows(slot)) {
                    Map<String, Object> r = new LinkedHashMap<>();
                    r.put("label", row.name());
                    r.put("value", String.valueOf(row.value()));
                    rows.add(r);
                }
                p.put("rows", rows);
                p.put("events", eventsJson(task.bus(), task.eventsOf(slot), true));
                plugins.add(p);
            }
            t.put("plugins", plugins);
            tasks.add(t);
        }
        root.put("tasks", tasks);
        return Json.write(root);
    }

    private static List<Object> eventsJson(EventBus bus, List<String> names, boolean only) {
        List<Object> out = new ArrayList<>();
        Map<String, Long> counts = bus.counts();
        for (EventType<?> type : bus.types()) {
            if (names.contains(type.name()) != only) {
                continue;
            }
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("name", type.name());
            e.put("count", counts.getOrDefault(type.name(), 0L));
            List<Object> handlers = new ArrayList<>();
            for (Handler h : bus.handlers(type.name())) {
                if (!h.hidden()) {
                    Map<String, Object> hm = new LinkedHashMap<>();
                    hm.put("at", h.location());
                    hm.put("calls", h.calls());
                    handlers.add(hm);
                }
            }
            e.put("handlers", handlers);
            out.add(e);
        }
        return out;
    }

    private record Style(boolean ansi) {
        String color(String code, String text) {
            return ansi ? code + text + RESET : text;
        }
    }
}
