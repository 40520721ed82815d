/**
 * The weft plugin API: what a plugin author compiles against.
 *
 * <p>It holds the plugin hooks ({@link dev.weft.api.TaskPlugin}), the extension point that
 * loading finds ({@link dev.weft.api.PluginFactory}), typed events ({@link dev.weft.api.EventType})
 * with the payloads of the scheduler's and tasks' own events, and typed options.
 * It depends on nothing but the JDK.
 */
module dev.weft.api {
    exports dev.weft.api;
}
