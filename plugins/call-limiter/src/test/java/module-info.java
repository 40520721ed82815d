/*
 * The module as its tests compile: the main descriptor plus what the tests read. It exists only
 * because javac, when tests are patched into a module named dev.weft.plugin.*, cannot see the
 * class-path package dev.weft (the module already has the directory dev/weft), so the tests
 * need the core as a named module. At run time Surefire still patches the tests into the main
 * module and the core is on the class path.
 */
open module dev.weft.plugin.limiter {
    requires dev.weft.api;
    requires dev.weft.core;
    requires dev.weft.plugin.retry;
    requires org.junit.jupiter.api;

    exports dev.weft.plugin.limiter;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.limiter.CallLimiterFactory;
}
