package dev.weft.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.WeftConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file that sets nothing is valid, and says so, so that a caller can warn about it. */
class EmptyConfigTests {

    @TempDir
    Path dir;

    @Test
    void aZeroByteFileIsValidAndEmpty() throws IOException {
        WeftConfig config = WeftConfig.read(Files.writeString(dir.resolve("weft.yaml"), ""));
        assertTrue(config.isEmpty());
        assertEquals(WeftConfig.Executor.defaults(), config.executor());
        assertEquals(Set.of(), config.taskNames());
        assertEquals(Optional.empty(), config.trustedPlugins());
    }

    @Test
    void aFileOfCommentsAnEmptyDocumentOrAnEmptyMappingIsEmpty() {
        assertTrue(WeftConfig.parse("# tasks:\n#   evaluate: { chain: [ retry ] }\n\n", "w.yaml").isEmpty());
        assertTrue(WeftConfig.parse("---\n", "w.yaml").isEmpty());
        assertTrue(WeftConfig.parse("{}\n", "w.yaml").isEmpty());
        assertTrue(WeftConfig.empty().isEmpty());
    }

    @Test
    void aFileWithAnyKeyIsNotEmptyEvenIfItsValueIsTheDefault() {
        assertFalse(WeftConfig.parse("tasks: {}\n", "w.yaml").isEmpty());
        assertFalse(WeftConfig.parse("executor:\n", "w.yaml").isEmpty());
    }
}
