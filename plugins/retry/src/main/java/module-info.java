/**
 * weft's retry plugin: retries a task's failed calls after a growing delay, scheduled on the
 * scheduler's clock so that no worker thread sleeps through a back-off.
 *
 * <p>Its events ({@code retry}, {@code retries-exhausted}, {@code retry-aborted}) carry public
 * records of the exported package, so weft can show their fields.
 *
 * @provides dev.weft.api.PluginFactory as {@code retry}
 */
module dev.weft.plugin.retry {
    requires transitive dev.weft.api;

    exports dev.weft.plugin.retry;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.retry.RetryFactory;
}
