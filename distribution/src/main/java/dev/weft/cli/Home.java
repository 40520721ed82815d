package dev.weft.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The installation's folders, found through the {@code weft.home} system property that
 * {@code bin/weft} sets: {@code plugins/} and {@code conf/weft.yaml} are the defaults of
 * {@code --plugins} and {@code --config}.
 */
final class Home {

    /** The system property {@code bin/weft} sets to the installation folder. */
    static final String PROPERTY = "weft.home";

    private final Optional<Path> dir;

    private Home(Optional<Path> dir) {
        this.dir = dir;
    }

    /** @return the installation named by {@code weft.home}, or none when run some other way */
    static Home fromSystem() {
        String home = System.getProperty(PROPERTY, "");
        return new Home(home.isBlank() ? Optional.empty() : Optional.of(Path.of(home).toAbsolutePath().normalize()));
    }

    /** @return the installation's {@code plugins/} folder, if there is one */
    Optional<Path> pluginsDir() {
        return dir.map(d -> d.resolve("plugins")).filter(Files::isDirectory);
    }

    /** @return the installation's {@code conf/weft.yaml}, if there is one */
    Optional<Path> defaultConfig() {
        return dir.map(d -> d.resolve("conf").resolve("weft.yaml")).filter(Files::isRegularFile);
    }
}
