package dev.weft.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of event that a scheduler, a task or a plugin emits: a kebab-case name and the record
 * type of its payload.
 *
 * <p>Event types are values: two with the same name and payload type are equal. The name is
 * what users subscribe to by name ({@code task.on("call-limit-reached", ...)}) and what the
 * event tree shows ({@code @call-limit-reached 3}).
 *
 * <h2>Payloads</h2>
 * A payload is a {@code public} record in a package its module exports, so that weft can show
 * it as ordered name/value pairs ({@link #fields(Record)}) without the reader knowing the
 * record class: a plugin loaded from a plugins folder is not on the user's compile path. An
 * event that carries nothing uses {@link Signal}.
 *
 * @param <T> the payload type
 * @since 0.1
 */
public final class EventType<T extends Record> {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private final String name;
    private final Class<T> payloadType;

    private EventType(String name, Class<T> payloadType) {
        this.name = name;
        this.payloadType = payloadType;
    }

    /**
     * Creates an event type.
     *
     * @param name the kebab-case name, such as {@code call-limit-reached}; never {@code null}
     * @param payloadType the payload record, public and in an exported package; never {@code null}
     * @param <T> the payload type
     * @return the event type
     * @throws IllegalArgumentException if the name is not kebab-case or the payload cannot be
     *     read by weft
     */
    public static <T extends Record> EventType<T> of(String name, Class<T> payloadType) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(payloadType, "payloadType");
        if (!KEBAB.matcher(name).matches()) {
            throw new IllegalArgumentException("event name '" + name
                    + "' is not kebab-case (lower-case words joined by '-', such as 'call-limit-reached')");
        }
        if (!payloadType.isRecord()) {
            throw new IllegalArgumentException("payload of event '" + name + "' must be a record, not "
                    + payloadType.getName());
        }
        for (Class<?> c = payloadType; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                throw new IllegalArgumentException("payload " + payloadType.getName() + " of event '" + name
                        + "' must be public (and every class enclosing it), so its fields can be shown");
            }
        }
        Module module = payloadType.getModule();
        if (!module.isExported(payloadType.getPackageName(), EventType.class.getModule())) {
            throw new IllegalArgumentException("payload " + payloadType.getName() + " of event '" + name
                    + "' is in package " + payloadType.getPackageName() + ", which module " + module.getName()
                    + " does not export; export it so weft can show the payload's fields");
        }
        return new EventType<>(name, payloadType);
    }

    /**
     * The kebab-case name.
     *
     * @return the name, never {@code null}
     */
    public String name() {
        return name;
    }

    /**
     * The payload record type.
     *
     * @return the payload type, never {@code null}
     */
    public Class<T> payloadType() {
        return payloadType;
    }

    /**
     * Shows a payload of this type as ordered name/value pairs, in record component order.
     *
     * @param payload a payload of this type; never {@code null}
     * @return the fields, in declaration order
     */
    public List<Field> fields(T payload) {
        return fieldsOf(payload);
    }

    /**
     * Shows any event payload as ordered name/value pairs, in record component order.
     *
     * @param payload a payload record, public and in an exported package; never {@code null}
     * @return the fields, in declaration order
     * @throws IllegalArgumentException if a component cannot be read
     */
    public static List<Field> fieldsOf(Record payload) {
        Objects.requireNonNull(payload, "payload");
        RecordComponent[] components = payload.getClass().getRecordComponents();
        List<Field> fields = new ArrayList<>(components.length);
        for (RecordComponent component : components) {
            try {
                fields.add(new Field(component.getName(), component.getAccessor().invoke(payload)));
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalArgumentException("cannot read field '" + component.getName() + "' of "
                        + payload.getClass().getName() + ": " + e, e);
            }
        }
        return List.copyOf(fields);
    }

    /**
     * Checks that a payload belongs to this type.
     *
     * @param payload the payload; never {@code null}
     * @return the payload, cast
     * @throws IllegalArgumentException if it is of another class
     */
    public T cast(Record payload) {
        Objects.requireNonNull(payload, "payload");
        if (!payloadType.isInstance(payload)) {
            throw new IllegalArgumentException("event '" + name + "' carries " + payloadType.getName()
                    + ", not " + payload.getClass().getName());
        }
        return payloadType.cast(payload);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EventType<?> that && name.equals(that.name) && payloadType.equals(that.payloadType);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + payloadType.hashCode();
    }

    @Override
    public String toString() {
        return "@" + name;
    }
}
