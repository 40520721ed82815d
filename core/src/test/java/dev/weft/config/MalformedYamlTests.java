package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.ConfigException;
import dev.weft.WeftConfig;
import org.junit.jupiter.api.Test;

/** Malformed YAML is reported where the parser failed and, for an unclosed construct, where it began. */
class MalformedYamlTests {

    private static String problem(String yaml) {
        return assertThrows(ConfigException.class, () -> WeftConfig.parse(yaml, "syntax.yaml")).getMessage();
    }

    @Test
    void anUnclosedFlowMappingSaysWhereItBegan() {
        assertEquals("syntax.yaml:2:6: malformed YAML: while parsing a flow mapping: expected ',' or '}', but got :"
                + " (the flow mapping began at 1:11)",
                problem("executor: { type: threads, workers: 2\ntasks: {}\n"));
    }

    @Test
    void anUnclosedFlowSequenceSaysWhereItBegan() {
        assertEquals("syntax.yaml:3:1: malformed YAML: while parsing a flow sequence: expected ',' or ']', but got"
                + " <stream end> (the flow sequence began at 2:22)",
                problem("tasks:\n  evaluate: { chain: [ retry \n"));
    }

    @Test
    void anUnclosedQuoteSaysWhereItBegan() {
        assertEquals("syntax.yaml:2:1: malformed YAML: while scanning a quoted scalar: found unexpected end of stream"
                + " (the quoted scalar began at 1:11)",
                problem("executor: \"threads\n"));
    }

    @Test
    void aProblemWithoutContextHasNoBeginning() {
        assertEquals("syntax.yaml:2:3: malformed YAML: mapping values are not allowed here", problem("a: b\n c: d\n"));
    }
}
