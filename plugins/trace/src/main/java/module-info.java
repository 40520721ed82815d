/**
 * The {@code trace} plugin: records every call's life and writes a Trace Event Format file
 * that Perfetto and chrome://tracing open.
 *
 * <p>It reads other plugins' event types from the {@link dev.weft.api.PluginFactory} services it
 * can see, so that their decisions (veto, retry, timeout) show in the trace.
 *
 * @uses dev.weft.api.PluginFactory to learn the event types of the other plugins
 * @provides dev.weft.api.PluginFactory the {@code trace} plugin
 */
module dev.weft.plugin.trace {
    requires transitive dev.weft.api;
    requires org.slf4j;

    exports dev.weft.plugin.trace;

    uses dev.weft.api.PluginFactory;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.trace.TracePluginFactory;
}
