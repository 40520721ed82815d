/* The plugin's module as its tests see it: the main descriptor plus the testkit and JUnit. */
open module dev.weft.example.hello {
    requires dev.weft.api;
    requires dev.weft.testkit;
    requires org.junit.jupiter.api;

    exports dev.weft.example.hello;

    provides dev.weft.api.PluginFactory with dev.weft.example.hello.HelloPluginFactory;
}
