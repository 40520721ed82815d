package dev.weft.core.loading;

import java.nio.file.Path;
import java.util.jar.Manifest;
import org.pf4j.ManifestPluginDescriptorFinder;

/** PF4J's manifest reader, with a clear failure for a jar that has no manifest at all. */
final class ManifestFinder extends ManifestPluginDescriptorFinder {

    @Override
    protected Manifest readManifestFromJar(Path jarPath) {
        Manifest manifest = super.readManifestFromJar(jarPath);
        if (manifest == null) {
            throw new Reasons.LoadFailure("missing plugin descriptor: the jar has no META-INF/MANIFEST.MF"
                    + " (it needs Plugin-Id and Plugin-Version entries)");
        }
        return manifest;
    }
}
