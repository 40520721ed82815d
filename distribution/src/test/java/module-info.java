/*
 * The module as its tests compile and run: the main descriptor, plus the JDK compiler (the
 * integration tests build workflow jars at test time), the testkit's JSON reader and JUnit.
 */
open module dev.weft.cli {
    requires dev.weft.core;
    requires info.picocli;
    requires java.compiler;
    requires dev.weft.testkit;
    requires org.junit.jupiter.api;

    uses dev.weft.Workflow;

    provides dev.weft.Workflow with dev.weft.cli.example.BraninSearch;
}
