/**
 * The hello plugin: greets every call of its task and refuses the arguments it is told to.
 */
module dev.weft.example.hello {
    requires dev.weft.api;

    // The event payload must be in an exported package, so weft can show its fields.
    exports dev.weft.example.hello;

    provides dev.weft.api.PluginFactory with dev.weft.example.hello.HelloPluginFactory;
}
