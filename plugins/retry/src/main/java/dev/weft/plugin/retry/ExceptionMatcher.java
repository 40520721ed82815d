package dev.weft.plugin.retry;

import java.util.List;
import java.util.Set;

/**
 * Matches failures against class names by walking the failure's class and its superclasses, so
 * that the plugin never loads user classes (they may live in a module it cannot see). A name
 * with a dot is a fully qualified (binary or canonical) name; one without is a simple name.
 */
final class ExceptionMatcher {

    private final Set<String> names;

    ExceptionMatcher(List<String> names) {
        this.names = Set.copyOf(names);
    }

    boolean isEmpty() {
        return names.isEmpty();
    }

    boolean matches(Throwable failure) {
        for (Class<?> c = failure.getClass(); c != null; c = c.getSuperclass()) {
            if (names.contains(c.getName()) || names.contains(c.getSimpleName())
                    || (c.getCanonicalName() != null && names.contains(c.getCanonicalName()))) {
                return true;
            }
        }
        return false;
    }
}
