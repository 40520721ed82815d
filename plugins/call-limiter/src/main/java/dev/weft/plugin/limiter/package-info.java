/**
 * The call-limiter plugin: its factory, its configuration and its events.
 *
 * <p>Use it by name in a chain ({@code call-limiter: {max-calls: 100, max-concurrent: 4}}) or in
 * code with {@code Chain.empty().then(new CallLimiterFactory(), Map.of("max-calls", 100))}.
 */
package dev.weft.plugin.limiter;
