/**
 * Fakes of the plugin API for unit tests, each recording what the plugin under test did with it,
 * and {@link dev.weft.testkit.Json}, a strict JSON reader for asserting on what a plugin writes.
 *
 * <p>One fake per context type a hook receives:
 * <ul>
 *   <li>{@link dev.weft.testkit.FakeTaskContext} for {@code attach}, with its
 *       {@link dev.weft.testkit.FakeTaskView} tasks and its {@link dev.weft.testkit.FakeClock};</li>
 *   <li>{@link dev.weft.testkit.FakeSubmission} for {@code beforeSubmit};</li>
 *   <li>{@link dev.weft.testkit.FakeInvocation} and {@link dev.weft.testkit.FakeCallScope} for
 *       {@code around};</li>
 *   <li>{@link dev.weft.testkit.FakeFailure} for {@code onFailure};</li>
 *   <li>{@link dev.weft.testkit.FakePanel} for {@code describe};</li>
 *   <li>{@link dev.weft.testkit.FakeFuture} for the call they all name.</li>
 * </ul>
 * The fakes do what the scheduler would do where a plugin can see it, and no more: they do not
 * run a chain, a loop thread or an executor. To test a plugin among others, run it in a real
 * {@code Scheduler} with a manual clock.
 *
 * @since 0.1
 */
package dev.weft.testkit;
