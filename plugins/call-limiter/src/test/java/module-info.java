/*
 * The module as its tests see it: the main descriptor plus what the tests read. javac cannot
 * see the class-path package dev.weft from a module whose tree already holds a dev/weft
 * directory, so the tests need the core as a named module.
 */
open module dev.weft.plugin.limiter {
    requires transitive dev.weft.api;
    requires dev.weft.core;
    requires dev.weft.testkit;
    requires dev.weft.plugin.retry;
    requires org.junit.jupiter.api;

    exports dev.weft.plugin.limiter;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.limiter.CallLimiterFactory;
}
