/**
 * The {@code timeout} plugin: fails a call that runs past its time limit.
 *
 * <p>One timer per running call scope, all on the scheduler clock's one shared timer; no thread
 * per call.
 *
 * @provides dev.weft.api.PluginFactory the {@code timeout} plugin
 */
module dev.weft.plugin.timeout {
    requires transitive dev.weft.api;

    exports dev.weft.plugin.timeout;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.timeout.TimeoutPluginFactory;
}
