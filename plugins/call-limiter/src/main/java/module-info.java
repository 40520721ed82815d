/**
 * weft's call-limiter plugin (AMLTK's Limiter): caps a task's calls in all, its calls at once,
 * and keeps it from running while named other tasks run.
 *
 * <p>Its events ({@code call-limit-reached}, {@code concurrent-limit-reached},
 * {@code disabled-due-to-running-task}) carry public records of the exported package, so weft
 * can show their fields.
 *
 * @provides dev.weft.api.PluginFactory as {@code call-limiter}
 */
module dev.weft.plugin.limiter {
    requires transitive dev.weft.api;

    exports dev.weft.plugin.limiter;

    provides dev.weft.api.PluginFactory with dev.weft.plugin.limiter.CallLimiterFactory;
}
