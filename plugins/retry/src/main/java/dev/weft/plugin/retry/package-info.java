/**
 * The retry plugin: its factory, its configuration and its events.
 *
 * <p>Use it by name in a chain ({@code retry: {max-attempts: 3, backoff: 100ms}}) or in code with
 * {@code Chain.empty().then(new RetryFactory(), Map.of("max-attempts", 3))}.
 */
package dev.weft.plugin.retry;
