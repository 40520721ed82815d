package dev.weft.core.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a configuration file's text, saying in plain words why it cannot: no Java class names. */
public final class ConfigFile {

    private ConfigFile() {
    }

    /**
     * @param file the file
     * @return its text
     * @throws dev.weft.ConfigException naming the file and why it cannot be read
     */
    public static String read(Path file) {
        Problems problems = new Problems(file.toString());
        // Checked first: reading a directory fails with a message that differs between systems.
        if (Files.isDirectory(file)) {
            problems.add(Position.FILE, "is a directory, not a configuration file");
        } else {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                problems.add(Position.FILE, "no such file");
            } catch (CharacterCodingException e) {
                problems.add(Position.FILE, "is not UTF-8 text");
            } catch (AccessDeniedException e) {
                problems.add(Position.FILE, "cannot read the configuration: permission denied");
            } catch (FileSystemException e) {
                // Its message repeats the path, which the problem already starts with.
                String reason = e.getReason() != null ? e.getReason() : e.getClass().getSimpleName();
                problems.add(Position.FILE, "cannot read the configuration: " + reason);
            } catch (IOException e) {
                problems.add(Position.FILE, "cannot read the configuration: " + e.getMessage());
            }
        }
        problems.throwIfAny();
        throw new AssertionError("unreachable");
    }
}
