package dev.weft.cli;

import dev.weft.WeftConfig;
import java.io.PrintStream;
import java.nio.file.Path;

/** The warning for a configuration file that sets nothing: valid, but often the wrong file. */
final class EmptyConfig {

    private EmptyConfig() {
    }

    static void warnIfEmpty(WeftConfig config, Path file, PrintStream warnings) {
        if (config.isEmpty()) {
            warnings.println("weft: warning: " + file + " sets nothing (no executor, plugins or chains): every"
                    + " setting is its default and no task has a chain");
        }
    }
}
