/* The testkit module as its tests see it: the main descriptor plus JUnit. */
open module dev.weft.testkit {
    requires transitive dev.weft.api;
    requires org.junit.jupiter.api;

    exports dev.weft.testkit;
}
