package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PluginWarningsTests {

    private static final String AMBIGUOUS = "ambiguous: Plugin-Id 'retry' comes from a.jar and b.jar; remove one, "
            + "or pin one in the configuration (plugins: { retry: { source: a.jar } })";

    @Test
    void twoJarsFailingForOneReasonThatNamesThemBothAreOneWarning() {
        List<String> lines = PluginWarnings.lines(List.of(failed("retry", "a.jar", AMBIGUOUS),
                failed("retry", "b.jar", AMBIGUOUS)));

        assertEquals(List.of("weft: warning: plugin retry failed: " + AMBIGUOUS), lines);
    }

    @Test
    void eachOtherProblemIsAWarningNamingItsJar() {
        List<String> lines = PluginWarnings.lines(List.of(failed("broken.jar", "broken.jar", "corrupt jar"),
                failed("retry", "a.jar", "needs weft 9"), failed("retry", "b.jar", "needs weft 8"),
                new PluginInfo("trace", "1.0", "c.jar", PluginState.DISABLED, Optional.of("disabled in the "
                        + "configuration"), "", List.of(), List.of(), Optional.empty())));

        assertEquals(List.of("weft: warning: plugin broken.jar failed: corrupt jar",
                "weft: warning: plugin retry (a.jar) failed: needs weft 9",
                "weft: warning: plugin retry (b.jar) failed: needs weft 8"), lines);
    }

    @Test
    void jarsFailingForOneReasonThatNamesNeitherAreOneWarningNamingBoth() {
        List<String> lines = PluginWarnings.lines(List.of(failed("retry", "a.jar", "needs weft 9"),
                failed("retry", "b.jar", "needs weft 9")));

        assertEquals(List.of("weft: warning: plugin retry (a.jar, b.jar) failed: needs weft 9"), lines);
    }

    private static PluginInfo failed(String name, String source, String reason) {
        return new PluginInfo(name, "1.0", source, PluginState.FAILED, Optional.of(reason), "", List.of(), List.of(),
                Optional.empty());
    }
}
