package dev.weft.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plugin's options, checked against its {@link OptionSpec}s, with defaults applied and every
 * value converted to its type.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1
 */
public final class Options {

    private static final Options EMPTY = new Options(Map.of());

    private final Map<String, Object> values;

    private Options(Map<String, Object> values) {
        this.values = values;
    }

    /** @return options with no values */
    public static Options empty() {
        return EMPTY;
    }

    /**
     * Checks raw values (as a YAML file or Java code gives them) against specs.
     *
     * @param specs the options the plugin accepts; never {@code null}
     * @param raw the values given, by option name; never {@code null}
     * @return the checked options, defaults applied
     * @throws OptionException with one {@linkplain OptionException#problems() problem} for each
     *     option that is unknown or ill-typed: the unknown ones first, then the others in spec order
     */
    public static Options parse(List<OptionSpec> specs, Map<String, ?> raw) {
        Objects.requireNonNull(specs, "specs");
        Objects.requireNonNull(raw, "raw");
        Map<String, OptionSpec> byName = new LinkedHashMap<>();
        specs.forEach(s -> byName.put(s.name(), s));
        List<OptionException.Problem> problems = new ArrayList<>();
        for (String given : raw.keySet()) {
            if (!byName.containsKey(given)) {
                String known = byName.isEmpty() ? "it takes no options"
                        : "known: " + String.join(", ", byName.keySet());
                problems.add(new OptionException.Problem(given, "unknown option '" + given + "'"
                        + Names.didYouMean(given, byName.keySet()) + "; " + known));
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (OptionSpec spec : specs) {
            Object value = raw.get(spec.name());
            try {
                if (value != null) {
                    values.put(spec.name(), convert(spec.name(), spec.type(), value));
                } else if (spec.defaultValue().isPresent()) {
                    values.put(spec.name(), convert(spec.name(), spec.type(), spec.defaultValue().get()));
                }
            } catch (OptionException e) {
                problems.addAll(e.problems());
            }
        }
        if (!problems.isEmpty()) {
            throw new OptionException(problems);
        }
        return new Options(Collections.unmodifiableMap(values));
    }

    static Object convert(String option, OptionType type, Object value) {
        try {
            return switch (type) {
                case INTEGER -> toInteger(value);
                case DECIMAL -> toDecimal(value);
                case BOOLEAN -> toBoolean(value);
                case STRING -> toText(value);
                case DURATION -> value instanceof Duration d ? d : Durations.parse(toText(value));
                case STRING_LIST -> toList(value);
            };
        } catch (DurationRangeException e) {
            // The value has the right form, so the type's form would not say what is wrong with it.
            throw new OptionException(option, "option '" + option + "': " + e.getMessage());
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new OptionException(option, "option '" + option + "': '" + value + "' is not "
                    + type.form());
        }
    }

    private static Integer toInteger(Object value) {
        if (value instanceof Integer i) {
            return i;
        }
        if (value instanceof Long l && l == l.intValue()) {
            return l.intValue();
        }
        if (value instanceof String s) {
            return Integer.parseInt(s.trim());
        }
        throw new IllegalArgumentException();
    }

    private static Double toDecimal(Object value) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof String s) {
            return Double.parseDouble(s.trim());
        }
        throw new IllegalArgumentException();
    }

    private static Boolean toBoolean(Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        if ("true".equals(value) || "false".equals(value)) {
            return Boolean.parseBoolean((String) value);
        }
        throw new IllegalArgumentException();
    }

    private static String toText(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Number || value instanceof Boolean) {
            return String.valueOf(value);
        }
        throw new IllegalArgumentException();
    }

    private static List<String> toList(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>();
            for (Object item : list) {
                out.add(toText(item));
            }
            return List.copyOf(out);
        }
        throw new IllegalArgumentException();
    }

    /** @param name an option name @return its whole-number value, if set */
    public Optional<Integer> integer(String name) {
        return get(name, Integer.class);
    }

    /** @param name an option name @return its decimal value, if set */
    public Optional<Double> decimal(String name) {
        return get(name, Double.class);
    }

    /** @param name an option name @return its boolean value, if set */
    public Optional<Boolean> bool(String name) {
        return get(name, Boolean.class);
    }

    /** @param name an option name @return its text value, if set */
    public Optional<String> string(String name) {
        return get(name, String.class);
    }

    /** @param name an option name @return its duration value, if set */
    public Optional<Duration> duration(String name) {
        return get(name, Duration.class);
    }

    /**
     * A list option.
     *
     * @param name an option name
     * @return its values, empty if unset
     */
    @SuppressWarnings("unchecked")
    public List<String> strings(String name) {
        Object v = values.get(name);
        return v instanceof List<?> ? (List<String>) v : List.of();
    }

    /** @return every set value by option name, in spec order */
    public Map<String, Object> asMap() {
        return values;
    }

    private <T> Optional<T> get(String name, Class<T> type) {
        Object v = values.get(name);
        if (v == null) {
            return Optional.empty();
        }
        if (!type.isInstance(v)) {
            throw new OptionException(name, "option '" + name + "' is a " + v.getClass().getSimpleName()
                    + ", not a " + type.getSimpleName());
        }
        return Optional.of(type.cast(v));
    }

    @Override
    public String toString() {
        return values.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ", "{", "}"));
    }
}
