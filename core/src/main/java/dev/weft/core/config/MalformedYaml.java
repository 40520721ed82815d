package dev.weft.core.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * The message for YAML that snakeyaml cannot parse. The problem is reported where it was found,
 * which for an unclosed bracket or quote is often lines later; so the message also says where
 * the unclosed construct began.
 */
final class MalformedYaml {

    /** snakeyaml's contexts read "while parsing a flow mapping", "while scanning a quoted scalar", ... */
    private static final Pattern CONTEXT = Pattern.compile("while (?:parsing|scanning) an? (.+)");

    private MalformedYaml() {
    }

    /** @return {@code malformed YAML: CONTEXT: PROBLEM (the CONSTRUCT began at LINE:COL)} */
    static String message(MarkedYamlEngineException e) {
        String context = e.getContext() == null ? "" : e.getContext() + ": ";
        return "malformed YAML: " + context + e.getProblem() + began(e);
    }

    private static String began(MarkedYamlEngineException e) {
        Optional<Mark> start = e.getContextMark();
        // Without a problem mark the problem is reported at the context mark already.
        if (start.isEmpty() || e.getProblemMark().isEmpty() || e.getContext() == null
                || Position.of(start).equals(Position.of(e.getProblemMark()))) {
            return "";
        }
        Matcher what = CONTEXT.matcher(e.getContext());
        Position at = Position.of(start);
        return " (" + (what.matches() ? "the " + what.group(1) : "it") + " began at " + at.line() + ":" + at.column()
                + ")";
    }
}
