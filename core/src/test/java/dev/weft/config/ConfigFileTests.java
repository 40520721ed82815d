package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.weft.ConfigException;
import dev.weft.WeftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A configuration file that cannot be read is one problem naming the file, in plain words. */
class ConfigFileTests {

    @TempDir
    Path dir;

    private static String problem(Path file) {
        return assertThrows(ConfigException.class, () -> WeftConfig.read(file)).getMessage();
    }

    @Test
    void aMissingFileIsNoSuchFile() {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(missing + ": no such file", problem(missing));
    }

    @Test
    void aDirectoryIsNotAConfigurationFile() throws IOException {
        Path conf = Files.createDirectory(dir.resolve("conf"));
        assertEquals(conf + ": is a directory, not a configuration file", problem(conf));
    }

    @Test
    void aFileThatIsNotUtf8IsSaidToBeSo() throws IOException {
        Path latin1 = Files.write(dir.resolve("latin1.yaml"), new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertEquals(latin1 + ": is not UTF-8 text", problem(latin1));
    }

    @Test
    void aPathThroughAFileGivesTheSystemsReasonWithoutRepeatingThePath() throws IOException {
        // Tests run as root here, so an unreadable file cannot be made; a path through a regular
        // file fails in the same branch, with a reason and the path in the exception's message.
        Path file = Files.writeString(dir.resolve("plain.yaml"), "executor: { type: sequential }\n");
        Path through = file.resolve("weft.yaml");
        String problem = problem(through);
        assertEquals(through + ": cannot read the configuration: Not a directory", problem);
    }
}
