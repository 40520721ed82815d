package dev.weft.cli;

import java.io.IOException;
import java.lang.module.FindException;
import java.nio.file.Path;
import java.util.jar.JarFile;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Says why {@link java.lang.module.ModuleFinder} refused a workflow jar, in terms of what its
 * author can fix: the JDK's own messages ("Error reading x.jar", "Unable to derive module
 * descriptor for x.jar") keep the reason in their cause and do not say what an automatic module is.
 */
final class ModuleJarProblem {

    private ModuleJarProblem() {
    }

    /**
     * @param jar the jar the finder was given
     * @param e what the finder threw
     * @return one line naming the jar, what is wrong with it and the JDK's reason
     */
    static String explain(Path jar, FindException e) {
        String name = jar.getFileName().toString();
        Throwable cause = e.getCause();
        if (cause instanceof ZipException) {
            return name + " is not a valid jar: it is corrupt or not a zip file (" + cause.getMessage() + ")";
        }
        if (cause != null && !hasDescriptor(jar)) {
            return name + " has no module-info.class, so it would be an automatic module, and it cannot be one: "
                    + cause.getMessage() + ". An automatic module may not have classes in the unnamed package, "
                    + "and needs a valid module name, from its manifest's Automatic-Module-Name or else its file name";
        }
        return name + " is not a usable module: " + e.getMessage() + (cause == null ? "" : ": " + cause.getMessage());
    }

    private static boolean hasDescriptor(Path jar) {
        // Opened as the module system opens it: a multi-release jar may keep its descriptor under META-INF/versions.
        try (JarFile file = new JarFile(jar.toFile(), false, ZipFile.OPEN_READ, Runtime.version())) {
            return file.getJarEntry("module-info.class") != null;
        } catch (IOException e) {
            // Unreadable now, though the finder got past the zip: keep the JDK's own words.
            return true;
        }
    }
}
