/** The trace module as its tests see it: it also reads the core, the other three plugins, the testkit and JUnit. */
open module dev.weft.plugin.trace {
    requires transitive dev.weft.api;
    requires org.slf4j;
    requires dev.weft.core;
    requires dev.weft.plugin.timeout;
    requires dev.weft.plugin.retry;
    requires dev.weft.plugin.limiter;
    requires dev.weft.testkit;
    requires org.junit.jupiter.api;

    exports dev.weft.plugin.trace;

    uses dev.weft.api.PluginFactory;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.trace.TracePluginFactory,
            dev.weft.plugin.trace.RetryingTestPlugin.Factory;
}
