package dev.weft.loading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.core.loading.CoreVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The version Plugin-Requires is checked against is the one the build declares. */
class CoreVersionTests {

    @Test
    void theCoreVersionMatchesTheParentPomsWeftCoreVersion() throws IOException {
        // Tests run from core/; the parent pom is the reactor root's.
        String pom = Files.readString(Path.of("..", "pom.xml"));
        Matcher m = Pattern.compile("<weft\\.core\\.version>([^<]+)</weft\\.core\\.version>").matcher(pom);
        m.find();
        assertEquals(m.group(1), CoreVersion.VALUE);
    }
}
