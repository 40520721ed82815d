package dev.weft.cli.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds workflow jars at test time: compiles sources against the installation's lib/ and jars them. */
final class WorkflowJars {

    private WorkflowJars() {
    }

    /**
     * @param dir a scratch folder
     * @param name the jar's file name
     * @param sources file path (such as {@code demo/Squares.java}) to source text; a
     *     {@code module-info.java} makes it a named module
     * @return the jar
     */
    static Path build(Path dir, String name, Map<String, String> sources) throws IOException {
        Path src = Files.createDirectories(dir.resolve(name + "-src"));
        Path classes = Files.createDirectories(dir.resolve(name + "-classes"));
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
        }
        List<String> files;
        try (Stream<Path> walk = Files.walk(src)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        boolean named = sources.containsKey("module-info.java");
        Path lib = Weft.home().resolve("lib");
        List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        // A named module reads weft from the module path; a plain jar compiles against the same jars.
        if (named) {
            args.addAll(List.of("--module-path", lib.toString()));
        } else {
            try (Stream<Path> jars = Files.list(lib)) {
                args.addAll(List.of("-cp", jars.map(Path::toString).collect(Collectors.joining(File.pathSeparator))));
            }
        }
        args.addAll(files);
        int code = javac.run(null, diagnostics, diagnostics, args.toArray(String[]::new));
        assertTrue(code == 0, () -> "javac failed for " + name + ":\n" + diagnostics.toString(StandardCharsets.UTF_8));

        Path jar = dir.resolve(name);
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().putValue("Manifest-Version", "1.0");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(file));
                out.closeEntry();
            }
            for (Map.Entry<String, String> resource : sources.entrySet()) {
                if (resource.getKey().startsWith("META-INF/")) {
                    out.putNextEntry(new JarEntry(resource.getKey()));
                    out.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
