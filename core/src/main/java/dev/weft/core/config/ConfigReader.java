package dev.weft.core.config;

import dev.weft.WeftConfig;
import dev.weft.api.Names;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * Reads a configuration file into a {@link ParsedConfig}, through snakeyaml's node tree so that
 * every problem has a line and column. Keeps going after a problem so that all are reported.
 */
public final class ConfigReader {

    private static final List<String> TOP = List.of("executor", "trusted-plugins", "plugins", "tasks");
    private static final List<String> EXECUTOR = List.of("type", "workers");
    private static final List<String> PLUGIN = List.of("source", "enabled");
    private static final List<String> TASK = List.of("chain");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-fA-F]{64}");

    private final Problems problems;

    private ConfigReader(Problems problems) {
        this.problems = problems;
    }

    /**
     * Reads a file's text, keeping what is well-formed so that the chains that are can still be
     * checked against the plugins.
     *
     * @param text the YAML
     * @param problems where each shape problem is added
     * @return the configuration as far as it could be read: a value with a problem takes its
     *     default (an invalid trusted digest is left out, so fewer jars are trusted, never more),
     *     and a chain entry with a problem is {@linkplain ParsedConfig.Step#whole() marked}
     * @throws dev.weft.ConfigException if the text is not YAML at all, with that one problem
     */
    public static ParsedConfig read(String text, Problems problems) {
        return new ConfigReader(problems).read(text);
    }

    private ParsedConfig read(String text) {
        Optional<Node> root;
        try {
            LoadSettings settings = LoadSettings.builder().setLabel(problems.file()).build();
            root = new Compose(settings).composeString(text);
        } catch (MarkedYamlEngineException e) {
            problems.add(Position.of(e.getProblemMark().isPresent() ? e.getProblemMark() : e.getContextMark()),
                    MalformedYaml.message(e));
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        } catch (YamlEngineException e) {
            problems.add(Position.FILE, "malformed YAML: " + e.getMessage());
            problems.throwIfAny();
            throw new AssertionError("unreachable");
        }
        WeftConfig.Executor executor = WeftConfig.Executor.defaults();
        Optional<Set<String>> trusted = Optional.empty();
        Map<String, String> pins = new LinkedHashMap<>();
        Set<String> disabled = new LinkedHashSet<>();
        Map<String, ParsedConfig.TaskChain> tasks = new LinkedHashMap<>();
        boolean empty = root.isEmpty() || isNull(root.get())
                || root.get() instanceof MappingNode map && map.getValue().isEmpty();
        if (root.isPresent() && !isNull(root.get())) {
            Map<String, NodeTuple> top = mapping(root.get(), "the file", TOP);
            if (top.containsKey("executor")) {
                executor = executor(top.get("executor").getValueNode());
            }
            if (top.containsKey("trusted-plugins")) {
                trusted = Optional.of(trusted(top.get("trusted-plugins").getValueNode()));
            }
            if (top.containsKey("plugins")) {
                plugins(top.get("plugins").getValueNode(), pins, disabled);
            }
            if (top.containsKey("tasks")) {
                tasks(top.get("tasks").getValueNode(), tasks);
            }
        }
        return new ParsedConfig(problems.file(), executor, trusted, pins, disabled, tasks, empty);
    }

    private WeftConfig.Executor executor(Node node) {
        Map<String, NodeTuple> keys = mapping(node, "executor", EXECUTOR);
        WeftConfig.ExecutorType type = WeftConfig.ExecutorType.THREADS;
        if (keys.containsKey("type")) {
            Node value = keys.get("type").getValueNode();
            Optional<String> text = text(value, "executor.type");
            if (text.isPresent()) {
                switch (text.get()) {
                    case "threads" -> type = WeftConfig.ExecutorType.THREADS;
                    case "sequential" -> type = WeftConfig.ExecutorType.SEQUENTIAL;
                    default -> problems.add(Position.of(value), "executor.type: '" + text.get()
                            + "' is not an executor type" + Names.didYouMean(text.get(), List.of("threads", "sequential"))
                            + "; expected threads or sequential");
                }
            }
        }
        int workers = type == WeftConfig.ExecutorType.SEQUENTIAL ? 1 : WeftConfig.Executor.defaults().workers();
        if (keys.containsKey("workers")) {
            Node value = keys.get("workers").getValueNode();
            Object raw = scalar(value).orElse(null);
            if (type == WeftConfig.ExecutorType.SEQUENTIAL) {
                problems.add(Position.of(keys.get("workers").getKeyNode()),
                        "executor.workers applies only to type: threads (a sequential executor has no workers)");
            } else if (!(raw instanceof Integer n)) {
                problems.add(Position.of(value), "executor.workers: '" + describe(value)
                        + "' is not a whole number; expected a number of threads, such as 4");
            } else if (n < 1) {
                problems.add(Position.of(value), "executor.workers: " + n + " is out of range; expected at least 1");
            } else {
                workers = n;
            }
        }
        return new WeftConfig.Executor(type, workers);
    }

    private Set<String> trusted(Node node) {
        Set<String> out = new LinkedHashSet<>();
        if (!(node instanceof SequenceNode seq)) {
            if (!isNull(node)) {
                problems.add(Position.of(node), "trusted-plugins: expected a list of SHA-256 digests, such as"
                        + " [3f2a...]");
            }
            return out;
        }
        for (Node item : seq.getValue()) {
            Optional<String> text = text(item, "trusted-plugins");
            if (text.isEmpty()) {
                continue;
            }
            if (!SHA256.matcher(text.get()).matches()) {
                problems.add(Position.of(item), "trusted-plugins: '" + text.get()
                        + "' is not a SHA-256 digest; expected 64 hex digits (sha256sum prints them)");
            } else {
                out.add(text.get().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }

    private void plugins(Node node, Map<String, String> pins, Set<String> disabled) {
        for (NodeTuple entry : entries(node, "plugins")) {
            Optional<String> name = text(entry.getKeyNode(), "plugins");
            if (name.isEmpty()) {
                continue;
            }
            String where = "plugins." + name.get();
            Map<String, NodeTuple> keys = mapping(entry.getValueNode(), where, PLUGIN);
            if (keys.containsKey("source")) {
                text(keys.get("source").getValueNode(), where + ".source").ifPresent(s -> pins.put(name.get(), s));
            }
            if (keys.containsKey("enabled")) {
                Node value = keys.get("enabled").getValueNode();
                Object raw = scalar(value).orElse(null);
                if (raw instanceof Boolean b) {
                    if (!b) {
                        disabled.add(name.get());
                    }
                } else {
                    problems.add(Position.of(value), where + ".enabled: '" + describe(value)
                            + "' is not true or false");
                }
            }
        }
    }

    private void tasks(Node node, Map<String, ParsedConfig.TaskChain> tasks) {
        for (NodeTuple entry : entries(node, "tasks")) {
            Optional<String> task = text(entry.getKeyNode(), "tasks");
            if (task.isEmpty()) {
                continue;
            }
            String where = "tasks." + task.get();
            Map<String, NodeTuple> keys = mapping(entry.getValueNode(), where, TASK);
            List<ParsedConfig.Step> steps = new ArrayList<>();
            if (keys.containsKey("chain")) {
                Node chain = keys.get("chain").getValueNode();
                if (chain instanceof SequenceNode seq) {
                    for (Node item : seq.getValue()) {
                        step(item, where).ifPresent(steps::add);
                    }
                } else if (!isNull(chain)) {
                    problems.add(Position.of(chain), where + ".chain: expected a list of plugins, such as"
                            + " [ { retry: { max-attempts: 3 } }, { timeout: { limit: 2s } } ]");
                }
            } else if (!keys.isEmpty() || entry.getValueNode() instanceof MappingNode) {
                problems.add(Position.of(entry.getKeyNode()), where + ": has no 'chain' list");
            }
            tasks.put(task.get(), new ParsedConfig.TaskChain(task.get(), Position.of(entry.getKeyNode()), steps));
        }
    }

    /**
     * One chain entry. One with a problem is marked, so that its options are not checked against
     * its plugin: what is left of them would report the problem's consequences, such as a
     * required option missing.
     */
    private Optional<ParsedConfig.Step> step(Node item, String where) {
        int before = problems.count();
        Optional<ParsedConfig.Step> step = stepOrPart(item, where);
        return problems.count() == before ? step : step.map(ParsedConfig.Step::broken);
    }

    private Optional<ParsedConfig.Step> stepOrPart(Node item, String where) {
        if (item instanceof ScalarNode) {
            return text(item, where + ".chain").map(name ->
                    new ParsedConfig.Step(name, Position.of(item), Map.of(), true));
        }
        if (!(item instanceof MappingNode map) || map.getValue().size() != 1) {
            problems.add(Position.of(item), where + ".chain: each entry is one plugin with its options, such as"
                    + " '- timeout: { limit: 2s }'");
            return Optional.empty();
        }
        NodeTuple only = map.getValue().get(0);
        Optional<String> name = text(only.getKeyNode(), where + ".chain");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Map<String, ParsedConfig.Value> options = new LinkedHashMap<>();
        Node body = only.getValueNode();
        String prefix = "plugin '" + name.get() + "'";
        if (body instanceof MappingNode) {
            for (NodeTuple option : entries(body, prefix)) {
                Optional<String> key = text(option.getKeyNode(), prefix);
                if (key.isEmpty()) {
                    continue;
                }
                Node value = option.getValueNode();
                Optional<Object> raw;
                if (value instanceof MappingNode) {
                    problems.add(Position.of(value), prefix + ": option '" + key.get()
                            + "' takes a value or a list, not a mapping");
                    continue;
                } else if (value instanceof SequenceNode seq) {
                    List<Object> list = new ArrayList<>();
                    for (Node element : seq.getValue()) {
                        scalar(element).ifPresent(list::add);
                    }
                    raw = Optional.of(List.copyOf(list));
                } else {
                    raw = scalar(value);
                }
                options.put(key.get(), new ParsedConfig.Value(raw, Position.of(option.getKeyNode()), Position.of(value)));
            }
        } else if (!isNull(body)) {
            problems.add(Position.of(body), prefix + ": expected its options as a mapping, such as { limit: 2s }");
        }
        return Optional.of(new ParsedConfig.Step(name.get(), Position.of(only.getKeyNode()), options, true));
    }

    /** A mapping's entries by key, reporting unknown and duplicate keys. */
    private Map<String, NodeTuple> mapping(Node node, String where, List<String> known) {
        Map<String, NodeTuple> out = new LinkedHashMap<>();
        for (NodeTuple entry : entries(node, where)) {
            Optional<String> key = text(entry.getKeyNode(), where);
            if (key.isEmpty()) {
                continue;
            }
            if (!known.contains(key.get())) {
                problems.add(Position.of(entry.getKeyNode()), (where.equals("the file") ? "" : where + ": ")
                        + "unknown key '" + key.get() + "'" + Names.didYouMean(key.get(), known)
                        + "; known: " + String.join(", ", known));
            } else {
                out.put(key.get(), entry);
            }
        }
        return out;
    }

    /** A mapping's entries, reporting a node that is not a mapping and duplicate keys. */
    private List<NodeTuple> entries(Node node, String where) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof MappingNode map)) {
            problems.add(Position.of(node), where + ": expected a mapping (key: value), not '" + describe(node) + "'");
            return List.of();
        }
        List<NodeTuple> out = new ArrayList<>();
        Map<String, Position> seen = new HashMap<>();
        for (NodeTuple entry : map.getValue()) {
            if (entry.getKeyNode() instanceof ScalarNode key) {
                Position first = seen.putIfAbsent(key.getValue(), Position.of(key));
                if (first != null) {
                    problems.add(Position.of(key), (where.equals("the file") ? "" : where + ": ") + "duplicate key '"
                            + key.getValue() + "' (first at line " + first.line() + ")");
                    continue;
                }
            }
            out.add(entry);
        }
        return out;
    }

    private Optional<String> text(Node node, String where) {
        if (node instanceof ScalarNode scalar && !isNull(node)) {
            return Optional.of(scalar.getValue());
        }
        problems.add(Position.of(node), where + ": expected a name or text, not '" + describe(node) + "'");
        return Optional.empty();
    }

    /** A scalar typed as YAML's core schema reads it; empty for null and non-scalars. */
    private static Optional<Object> scalar(Node node) {
        if (!(node instanceof ScalarNode scalar) || isNull(node)) {
            return Optional.empty();
        }
        String value = scalar.getValue();
        Tag tag = node.getTag();
        try {
            if (Tag.INT.equals(tag)) {
                long n = Long.parseLong(value.replace("_", ""));
                return Optional.of(n == (int) n ? (Object) (int) n : (Object) n);
            }
            if (Tag.FLOAT.equals(tag)) {
                return Optional.of(Double.parseDouble(value));
            }
        } catch (NumberFormatException e) {
            return Optional.of(value);
        }
        if (Tag.BOOL.equals(tag)) {
            return Optional.of(Boolean.parseBoolean(value.toLowerCase(Locale.ROOT)));
        }
        return Optional.of(value);
    }

    private static boolean isNull(Node node) {
        return Tag.NULL.equals(node.getTag());
    }

    private static String describe(Node node) {
        if (node instanceof ScalarNode scalar) {
            return scalar.getValue();
        }
        return node instanceof SequenceNode ? "a list" : "a mapping";
    }
}
