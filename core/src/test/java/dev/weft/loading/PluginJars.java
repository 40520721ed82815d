package dev.weft.loading;

import dev.weft.api.PluginFactory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Builds real plugin jars at test time: compiles sources against the plugin API with javac, then
 * writes the classes, a PF4J manifest and any resources into a jar.
 *
 * <p>javac is run through {@link java.util.spi.ToolProvider} (in java.base) rather than
 * {@code javax.tools}: the tests run patched into module dev.weft.core, which does not read
 * java.compiler, and java.base's tool lookup needs no extra module flags.
 */
public final class PluginJars {

    private PluginJars() {
    }

    /** @return a new jar description */
    public static Spec jar(String fileName) {
        return new Spec(fileName);
    }

    /** @return where the dev.weft.api module is (a jar or a classes directory) */
    public static Path apiLocation() {
        return ModuleLayer.boot().configuration().findModule("dev.weft.api")
                .flatMap(m -> m.reference().location())
                .map(Path::of)
                .orElseGet(() -> {
                    try {
                        return Path.of(PluginFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    /** @return a factory class named {@code p.F} whose plugin is called {@code name} */
    public static String factory(String pkg, String cls, String name, String constructorBody, String staticBody) {
        return """
                package %1$s;

                import dev.weft.api.*;
                import java.util.List;

                public final class %2$s implements PluginFactory {
                    static { %5$s }
                    public %2$s() { %4$s }
                    @Override public String name() { return "%3$s"; }
                    @Override public String description() { return "test plugin %3$s"; }
                    @Override public List<OptionSpec> options() {
                        return List.of(OptionSpec.of("greeting", OptionType.STRING, "hi", "what to say"),
                                OptionSpec.of("times", OptionType.INTEGER, "1", "how often"),
                                OptionSpec.optional("pause", OptionType.DURATION, "how long to wait first"));
                    }
                    @Override public List<EventType<?>> events() { return List.of(Said.TYPE); }
                    @Override public TaskPlugin create(Options options) {
                        // Two range checks, both reported, so a test can see every problem of one entry.
                        List<OptionException.Problem> problems = new java.util.ArrayList<>();
                        if (options.integer("times").orElse(1) < 1) {
                            problems.add(new OptionException.Problem("times", "option 'times': must be at least 1"));
                        }
                        if (options.string("greeting").orElse("hi").isBlank()) {
                            problems.add(new OptionException.Problem("greeting", "option 'greeting': must not be blank"));
                        }
                        if (!problems.isEmpty()) {
                            throw new OptionException(problems);
                        }
                        return new TaskPlugin() {
                            @Override public String name() { return "%3$s"; }
                            // Wraps a text result in the plugin's name, so a test can read the nesting.
                            @Override public Object around(Invocation invocation) throws Exception {
                                Object result = invocation.proceed();
                                return result instanceof String s ? "%3$s(" + s + ")" : result;
                            }
                        };
                    }
                }
                """.formatted(pkg, cls, name, constructorBody, staticBody);
    }

    /** @return the payload record {@code Said} with its event type {@code <name>-said} */
    public static String said(String pkg, String name) {
        return """
                package %1$s;

                import dev.weft.api.EventType;

                public record Said(String text) {
                    public static final EventType<Said> TYPE = EventType.of("%2$s-said", Said.class);
                }
                """.formatted(pkg, name);
    }

    /** A jar to build. Not thread-safe. */
    public static final class Spec {
        private final String fileName;
        private final Map<String, String> sources = new LinkedHashMap<>();
        private final Map<String, String> manifest = new LinkedHashMap<>();
        private final Map<String, String> resources = new LinkedHashMap<>();
        private final List<Path> modulePath = new ArrayList<>();
        private boolean writeManifest = true;

        private Spec(String fileName) {
            this.fileName = fileName;
        }

        /** Adds a source file by its path, such as {@code p/F.java} or {@code module-info.java}. */
        public Spec source(String path, String text) {
            sources.put(path, text);
            return this;
        }

        /** A whole plugin module: module-info, a factory and its event payload. */
        public Spec plugin(String module, String pkg, String name) {
            return plugin(module, pkg, name, "", "");
        }

        /** A whole plugin module whose factory runs the given code in its constructor and static initialiser. */
        public Spec plugin(String module, String pkg, String name, String constructorBody, String staticBody) {
            source("module-info.java", "module " + module + " { requires dev.weft.api; exports " + pkg
                    + "; provides dev.weft.api.PluginFactory with " + pkg + ".F; }");
            source(pkg.replace('.', '/') + "/F.java", factory(pkg, "F", name, constructorBody, staticBody));
            source(pkg.replace('.', '/') + "/Said.java", said(pkg, name));
            return this;
        }

        /** Sets Plugin-Id, Plugin-Version and Plugin-Requires. */
        public Spec descriptor(String id, String version, String requires) {
            manifest.put("Plugin-Id", id);
            manifest.put("Plugin-Version", version);
            manifest.put("Plugin-Requires", requires);
            return this;
        }

        /** Sets one manifest entry. */
        public Spec manifest(String key, String value) {
            manifest.put(key, value);
            return this;
        }

        /** Writes no META-INF/MANIFEST.MF at all. */
        public Spec noManifest() {
            writeManifest = false;
            return this;
        }

        /** Adds a resource file, such as a META-INF/services entry. */
        public Spec resource(String path, String text) {
            resources.put(path, text);
            return this;
        }

        /** Compiles against another module too (a plugin this one depends on). */
        public Spec against(Path jar) {
            modulePath.add(jar);
            return this;
        }

        /** Compiles and writes the jar into a directory. @return the jar */
        public Path build(Path dir) {
            try {
                Path work = Files.createTempDirectory(dir, "build-");
                Path src = work.resolve("src");
                Path classes = work.resolve("classes");
                List<String> args = new ArrayList<>(List.of("--release", "17", "-nowarn", "-d", classes.toString()));
                List<Path> path = new ArrayList<>(modulePath);
                path.add(0, apiLocation());
                String joined = path.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
                args.addAll(sources.containsKey("module-info.java")
                        ? List.of("--module-path", joined) : List.of("--class-path", joined));
                for (Map.Entry<String, String> source : sources.entrySet()) {
                    Path file = src.resolve(source.getKey());
                    Files.createDirectories(file.getParent());
                    Files.writeString(file, source.getValue());
                    args.add(file.toString());
                }
                if (!sources.isEmpty()) {
                    javac(args);
                } else {
                    Files.createDirectories(classes);
                }
                Path jar = dir.resolve(fileName);
                writeJar(jar, classes);
                return jar;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void writeJar(Path jar, Path classes) throws IOException {
            try (OutputStream out = Files.newOutputStream(jar);
                 JarOutputStream zip = writeManifest ? new JarOutputStream(out, manifest()) : new JarOutputStream(out);
                 Stream<Path> files = Files.walk(classes)) {
                for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                    zip.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                    zip.write(Files.readAllBytes(file));
                    zip.closeEntry();
                }
                for (Map.Entry<String, String> resource : resources.entrySet()) {
                    zip.putNextEntry(new JarEntry(resource.getKey()));
                    zip.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
        }

        private Manifest manifest() {
            Manifest m = new Manifest();
            m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.forEach((k, v) -> m.getMainAttributes().put(new Attributes.Name(k), v));
            return m;
        }
    }

    private static void javac(List<String> args) {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new IllegalStateException("no javac in this JDK (module jdk.compiler missing)"));
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int code = javac.run(print, print, args.toArray(String[]::new));
        if (code != 0) {
            throw new IllegalStateException("javac failed (" + code + "): " + log.toString(StandardCharsets.UTF_8));
        }
    }
}
