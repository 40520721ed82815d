/**
 * weft's plugin testkit: fakes of the plugin API's context types and a strict JSON reader, for
 * unit-testing a plugin's hooks without a scheduler.
 *
 * <p>Depend on it with {@code test} scope and {@code requires dev.weft.testkit;} in your test
 * module descriptor. It reads the plugin API alone (and gives it to its readers); it never
 * depends on weft's core or on a test framework.
 */
module dev.weft.testkit {
    requires transitive dev.weft.api;

    exports dev.weft.testkit;
}
