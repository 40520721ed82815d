package dev.weft.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Jars that cannot become a module are refused with what is wrong and the JDK's reason. */
class WorkflowLoaderTests {

    @TempDir
    Path dir;

    @Test
    void aFileThatIsNotAZipIsSaidNotToBeAValidJar() throws IOException {
        Path jar = Files.writeString(dir.resolve("notajar.jar"), "this is text, not a zip file\n");

        assertEquals("notajar.jar is not a valid jar: it is corrupt or not a zip file (zip END header not found)",
                refusal(jar));
    }

    @Test
    void aJarWithoutADescriptorAndAClassInTheUnnamedPackageIsToldWhatAnAutomaticModuleNeeds() throws IOException {
        Path jar = jar("nodesc.jar", "Foo.class");

        assertEquals("nodesc.jar has no module-info.class, so it would be an automatic module, and it cannot be one: "
                + "Foo.class found in top-level directory (unnamed package not allowed in module). An automatic "
                + "module may not have classes in the unnamed package, and needs a valid module name, from its "
                + "manifest's Automatic-Module-Name or else its file name", refusal(jar));
    }

    @Test
    void aJarWithoutADescriptorWhoseFileNameIsNoModuleNameIsToldWhatAnAutomaticModuleNeeds() throws IOException {
        Path jar = jar("int.jar", "demo/Demo.class");

        assertEquals("int.jar has no module-info.class, so it would be an automatic module, and it cannot be one: "
                + "int: Invalid module name: 'int' is not a Java identifier. An automatic module may not have "
                + "classes in the unnamed package, and needs a valid module name, from its manifest's "
                + "Automatic-Module-Name or else its file name", refusal(jar));
    }

    private String refusal(Path jar) {
        return assertThrows(UsageException.class, () -> WorkflowLoader.load(jar)).getMessage();
    }

    /** A jar holding one entry: the module system reads only its name, so the bytes need not be a class. */
    private Path jar(String name, String entry) throws IOException {
        Path jar = dir.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(new byte[] {0});
            out.closeEntry();
        }
        return jar;
    }
}
