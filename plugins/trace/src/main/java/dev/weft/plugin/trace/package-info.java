/**
 * The {@code trace} plugin's factory, configuration and event payload.
 *
 * <p>The file holds, per call: a {@code submitted} instant on the {@code loop} track, a
 * {@code queued} async slice for the time until each attempt started, one slice per attempt on
 * the track of the worker thread that ran it, an instant for the outcome, and an instant for
 * each decision of another plugin the task emitted as an event (vetoes, retries, timeouts).
 */
package dev.weft.plugin.trace;
