package dev.weft.plugin.retry;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Matching failures by class name, without loading classes. */
class ExceptionMatcherTests {

    /** A nested failure type, to check binary and canonical names. */
    static final class NestedFailure extends IllegalStateException {
        private static final long serialVersionUID = 1L;
    }

    @Test
    void aSimpleNameMatchesTheClassAndItsSubclasses() {
        ExceptionMatcher matcher = new ExceptionMatcher(List.of("IOException"));

        assertTrue(matcher.matches(new IOException()));
        assertTrue(matcher.matches(new FileNotFoundException()));
        assertFalse(matcher.matches(new IllegalStateException()));
    }

    @Test
    void aQualifiedNameMatchesOnlyThatClassAndItsSubclasses() {
        ExceptionMatcher matcher = new ExceptionMatcher(List.of("java.io.IOException"));

        assertTrue(matcher.matches(new FileNotFoundException()));
        assertFalse(new ExceptionMatcher(List.of("other.IOException")).matches(new IOException()));
    }

    @Test
    void aSuperclassOfTheNamedClassDoesNotMatch() {
        ExceptionMatcher matcher = new ExceptionMatcher(List.of("FileNotFoundException"));

        assertFalse(matcher.matches(new IOException()));
    }

    @Test
    void nestedClassesMatchByBinaryCanonicalOrSimpleName() {
        Throwable failure = new NestedFailure();

        assertTrue(new ExceptionMatcher(List.of(NestedFailure.class.getName())).matches(failure));
        assertTrue(new ExceptionMatcher(List.of(NestedFailure.class.getCanonicalName())).matches(failure));
        assertTrue(new ExceptionMatcher(List.of("NestedFailure")).matches(failure));
        assertTrue(new ExceptionMatcher(List.of("RuntimeException")).matches(failure));
    }

    @Test
    void anEmptyListMatchesNothing() {
        assertFalse(new ExceptionMatcher(List.of()).matches(new Exception()));
    }
}
