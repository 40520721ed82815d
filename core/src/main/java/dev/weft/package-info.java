/**
 * weft's user API: {@link dev.weft.Scheduler}, {@link dev.weft.Task} and what runs them.
 */
package dev.weft;
