package dev.weft.cli;

import dev.weft.ExitState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The paragraph {@code weft run} ends with: how the run ended, its counts, and where the trace went. */
final class Summary {

    private Summary() {
    }

    static String paragraph(String workflow, ExitState exit, Duration took, RunCounts c, List<String> traces,
            Optional<Path> config) {
        StringBuilder sb = new StringBuilder();
        sb.append("weft: ").append(workflow).append(" ended ").append(exit.code())
                .append(" (exit code ").append(ExitCodes.of(exit)).append(") after ")
                .append(String.format(Locale.ROOT, "%.1fs", took.toMillis() / 1000.0));
        exit.exception().ifPresent(e -> sb.append(", because of ").append(e));
        sb.append(": ").append(count(c.submitted(), "call", "calls")).append(" submitted, ")
                .append(c.done()).append(" returned a result, ")
                .append(c.failed()).append(" failed, ")
                .append(c.cancelled()).append(" cancelled; ")
                .append(count(c.vetoed(), "submission", "submissions")).append(" vetoed, ")
                .append(count(c.retried(), "retry", "retries")).append(", ")
                .append(count(c.timedOut(), "attempt", "attempts")).append(" timed out. ");
        sb.append("Configuration: ").append(config.map(Path::toString).orElse("none")).append(". ");
        if (traces.isEmpty()) {
            sb.append("No trace was written.");
        } else {
            sb.append("Trace: ").append(String.join(", ", traces))
                    .append(" (open it at https://ui.perfetto.dev or chrome://tracing).");
        }
        return sb.toString();
    }

    /** @return such as {@code 1 retry} or {@code 0 retries}: only one takes the singular */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
