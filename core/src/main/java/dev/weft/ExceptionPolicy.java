package dev.weft;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Maps exception types to an {@link Action}, read like catch clauses: the first entry whose type
 * the exception is an instance of wins, and an exception no entry matches gets {@link Action#RAISE}.
 *
 * <p>{@code ExceptionPolicy.builder().on(IOException.class, Action.CONTINUE).on(Exception.class,
 * Action.END).build()} continues past I/O failures and ends on anything else. Immutable.
 *
 * @since 0.1
 */
public final class ExceptionPolicy {

    private final Map<Class<? extends Exception>, Action> entries;

    private ExceptionPolicy(Map<Class<? extends Exception>, Action> entries) {
        this.entries = Map.copyOf(entries);
        this.order = entries.keySet().toArray(new Class<?>[0]);
    }

    private final Class<?>[] order;

    /**
     * The same action for every exception.
     *
     * @param action never {@code null}
     * @return the policy
     */
    public static ExceptionPolicy always(Action action) {
        return builder().on(Exception.class, Objects.requireNonNull(action, "action")).build();
    }

    /** @return a builder with no entries (which raises everything) */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The action for an exception: the first matching entry's, else {@link Action#RAISE}.
     *
     * @param exception never {@code null}
     * @return the action
     */
    public Action actionFor(Throwable exception) {
        Objects.requireNonNull(exception, "exception");
        for (Class<?> type : order) {
            if (type.isInstance(exception)) {
                return entries.get(type);
            }
        }
        return Action.RAISE;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Class<?> type : order) {
            sb.append(sb.length() > 1 ? ", " : "").append(type.getSimpleName()).append('=').append(entries.get(type));
        }
        return sb.append('}').toString();
    }

    /** Builds a policy; not thread-safe. */
    public static final class Builder {
        private final Map<Class<? extends Exception>, Action> entries = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Adds an entry after those already added.
         *
         * @param type an exception type; {@code Error}s are not allowed (they always stop the run)
         * @param action its action
         * @return this builder
         * @throws IllegalArgumentException if the type is already mapped or is not an {@code Exception}
         */
        public Builder on(Class<? extends Exception> type, Action action) {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(action, "action");
            if (!Exception.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("type " + type.getName() + " is not an Exception");
            }
            if (entries.putIfAbsent(type, action) != null) {
                throw new IllegalArgumentException("type " + type.getName() + " is mapped twice");
            }
            return this;
        }

        /** @return the policy */
        public ExceptionPolicy build() {
            return new ExceptionPolicy(entries);
        }
    }
}
