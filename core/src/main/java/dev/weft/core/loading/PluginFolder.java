package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.pf4j.PluginDescriptor;

/**
 * Loads the jars of a plugins folder. Each entry is checked as a file first (a directory, an empty
 * or corrupt file, a digest not on the trusted list), then by descriptor (a missing one, two jars
 * with one {@code Plugin-Id}), and only then given to PF4J.
 */
public final class PluginFolder {

    private final LoadSettings settings;
    private final WeftPluginManager manager;
    private final List<Path> candidates = new ArrayList<>();
    private final List<Found> rejected = new ArrayList<>();
    private final Map<Path, String> digests = new HashMap<>();

    private PluginFolder(LoadSettings settings, Path dir) {
        this.settings = settings;
        for (Path entry : list(dir)) {
            check(entry);
        }
        this.manager = new WeftPluginManager(dir, settings.parent(), settings.coreVersion(), settings.disabled(),
                digests);
    }

    /**
     * Loads a folder.
     *
     * @param settings what to load
     * @param dir the folder
     * @return the loaded folder, holding PF4J's manager until closed
     */
    public static PluginFolder open(LoadSettings settings, Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("plugins folder " + dir + " does not exist or is not a directory");
        }
        return new PluginFolder(settings, dir);
    }

    /** @return every factory and every failure found in the folder */
    public List<Found> load() {
        List<Found> out = new ArrayList<>(rejected);
        Map<String, List<Path>> byId = new LinkedHashMap<>();
        Map<Path, PluginDescriptor> descriptors = new HashMap<>();
        for (Path jar : candidates) {
            try {
                PluginDescriptor d = manager.describe(jar);
                descriptors.put(jar, d);
                byId.computeIfAbsent(d.getPluginId(), k -> new ArrayList<>()).add(jar);
            } catch (RuntimeException e) {
                out.add(Found.unusable(jarInfo(jar, Optional.empty(), Optional.empty(), digest(jar),
                        PluginState.FAILED, Reasons.of(e))));
            }
        }
        List<Path> toLoad = new ArrayList<>();
        byId.forEach((id, jars) -> {
            if (jars.size() == 1) {
                toLoad.add(jars.get(0));
                return;
            }
            String names = jars.stream().map(j -> j.getFileName().toString()).collect(Collectors.joining(" and "));
            Optional<String> pin = Optional.ofNullable(settings.pins().get(id));
            for (Path jar : jars) {
                String file = jar.getFileName().toString();
                PluginDescriptor d = descriptors.get(jar);
                if (pin.isPresent() && pin.get().equals(file)) {
                    toLoad.add(jar);
                } else {
                    PluginState state = pin.isPresent() && jars.stream()
                            .anyMatch(j -> j.getFileName().toString().equals(pin.get()))
                            ? PluginState.DISABLED : PluginState.FAILED;
                    String reason = state == PluginState.DISABLED
                            ? "Plugin-Id '" + id + "' is also in " + pin.get() + ", which the configuration pins"
                            : Ambiguity.message("Plugin-Id '" + id + "'", id, names, pin);
                    out.add(Found.unusable(jarInfo(jar, Optional.of(id), Optional.of(d.getVersion()), digest(jar),
                            state, reason)));
                }
            }
        });
        out.addAll(manager.loadAll(toLoad));
        return out;
    }

    /** Unloads one jar through PF4J, and the jars that depend on it. @return the ids unloaded */
    public List<String> unload(String pluginId) {
        return manager.unloadWithDependents(pluginId);
    }

    /** Stops and unloads every jar through PF4J. */
    public void close() {
        manager.closeAll();
    }

    private void check(Path entry) {
        String file = entry.getFileName().toString();
        Optional<String> problem;
        Optional<String> sha = Optional.empty();
        if (Files.isDirectory(entry)) {
            problem = Optional.of("a directory, not a plugin jar (drop the plugin's .jar file itself)");
        } else if (!file.endsWith(".jar")) {
            problem = Optional.of("not a .jar file");
        } else if (size(entry) == 0) {
            problem = Optional.of("empty file (0 bytes), not a jar");
        } else {
            sha = Optional.of(Digests.sha256(entry));
            digests.put(entry, sha.get());
            problem = zipProblem(entry);
            if (problem.isEmpty() && settings.trustedSha256().isPresent()
                    && !settings.trustedSha256().get().contains(sha.get())) {
                problem = Optional.of("not trusted: its SHA-256 digest " + sha.get()
                        + " is not in trusted-plugins");
            }
        }
        if (problem.isPresent()) {
            rejected.add(Found.unusable(jarInfo(entry, Optional.empty(), Optional.empty(), sha,
                    PluginState.FAILED, problem.get())));
        } else {
            candidates.add(entry);
        }
    }

    private Optional<String> digest(Path jar) {
        return Optional.ofNullable(digests.get(jar));
    }

    private static Optional<String> zipProblem(Path jar) {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.size();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("corrupt jar: " + Reasons.of(e));
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + dir, e);
        }
    }

    static PluginInfo jarInfo(Path jar, Optional<String> id, Optional<String> version, Optional<String> sha,
                              PluginState state, String reason) {
        String file = jar.getFileName().toString();
        return new PluginInfo(id.orElse(file), version.orElse("unknown"), file, state, Optional.of(reason), "",
                List.of(), List.of(), sha);
    }
}
