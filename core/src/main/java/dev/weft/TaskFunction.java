package dev.weft;

import java.io.Serializable;

/**
 * The function a task runs: one argument (use a record for several), may throw.
 *
 * <p>It is {@link Serializable} so that the same task can later run in worker processes or on a
 * cluster; a lambda that captures only serializable values is.
 *
 * @param <A> the argument type
 * @param <R> the result type
 * @since 0.1
 */
@FunctionalInterface
public interface TaskFunction<A, R> extends Serializable {

    /**
     * Runs the function.
     *
     * @param argument the call's argument; may be {@code null}
     * @return the result; may be {@code null}
     * @throws Exception any failure, which fails the call
     */
    R apply(A argument) throws Exception;
}
