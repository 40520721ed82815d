/**
 * The {@code trace} plugin: records every call's life and writes a Trace Event Format file
 * that Perfetto and chrome://tracing open.
 * It sees the other plugins' events of its task, so that their decisions (veto, retry,
 * timeout) show in the trace.
 *
 * @provides dev.weft.api.PluginFactory the {@code trace} plugin
 */
module dev.weft.plugin.trace {
    requires transitive dev.weft.api;
    requires org.slf4j;

    exports dev.weft.plugin.trace;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.trace.TracePluginFactory;
}
