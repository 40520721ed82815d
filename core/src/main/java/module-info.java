/**
 * The weft core: {@link dev.weft.Scheduler}, {@link dev.weft.Task}, the event system, plugin
 * chains, plugin loading, configuration and rendering.
 *
 * <p>Only {@code dev.weft} is API. Everything under {@code dev.weft.core} is implementation.
 */
module dev.weft.core {
    requires transitive dev.weft.api;
    requires org.slf4j;
    requires org.pf4j;
    requires org.snakeyaml.engine.v2;

    exports dev.weft;
    // The CLI writes its JSON listings with the same writer as the tree snapshot.
    exports dev.weft.core.render to dev.weft.cli;

    uses dev.weft.api.PluginFactory;
}
