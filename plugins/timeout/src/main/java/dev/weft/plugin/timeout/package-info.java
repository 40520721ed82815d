/**
 * The {@code timeout} plugin's factory, configuration and event payloads.
 *
 * <p>The limit counts from when a call starts running on a worker (its first attempt, or with
 * {@code [retry, timeout]} each attempt), not from submission: time spent queued behind other
 * calls is not charged to it.
 */
package dev.weft.plugin.timeout;
