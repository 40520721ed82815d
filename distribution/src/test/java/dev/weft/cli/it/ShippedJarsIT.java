package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** What the installation ships: its own jars and their libraries, never test code. */
class ShippedJarsIT {

    @Test
    void neitherLibNorPluginsHoldsThePluginTestkit() throws IOException {
        for (String folder : List.of("lib", "plugins")) {
            List<String> jars = jars(Weft.home().resolve(folder));

            assertTrue(!jars.isEmpty(), folder + "/ is empty");
            assertEquals(List.of(), jars.stream().filter(name -> name.contains("testkit")).toList(),
                    "test-only jars in " + folder + "/: " + jars);
        }
    }

    private static List<String> jars(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).filter(name -> name.endsWith(".jar")).sorted().toList();
        }
    }
}
