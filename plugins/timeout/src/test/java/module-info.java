open module dev.weft.plugin.timeout {
    requires transitive dev.weft.api;
    requires dev.weft.core;
    requires dev.weft.testkit;
    requires org.junit.jupiter.api;

    exports dev.weft.plugin.timeout;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.timeout.TimeoutPluginFactory;
}
