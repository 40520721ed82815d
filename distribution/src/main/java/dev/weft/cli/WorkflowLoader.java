package dev.weft.cli;

import dev.weft.Workflow;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolutionException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads the {@link Workflow} of a jar: the jar becomes a module (named, or automatic when it has
 * no descriptor) in a layer of its own on top of weft's, so it sees {@code dev.weft.core} and
 * keeps its own classes apart.
 */
final class WorkflowLoader {

    private WorkflowLoader() {
    }

    /**
     * @param jar the workflow jar
     * @return its one workflow
     * @throws UsageException naming the jar when it is missing, not a module, does not resolve, or
     *     holds no workflow or several
     */
    static Workflow load(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new UsageException("workflow jar " + jar + " does not exist or is not a file");
        }
        ModuleLayer layer = layerOf(jar);
        List<ServiceLoader.Provider<Workflow>> found;
        try {
            // The loader also sees the parent layers, weft's own example among them: keep the jar's.
            found = ServiceLoader.load(layer, Workflow.class).stream()
                    .filter(p -> p.type().getModule().getLayer() == layer)
                    .toList();
        } catch (ServiceConfigurationError e) {
            throw new UsageException(jar.getFileName() + ": cannot list its workflows: " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            throw new UsageException(jar.getFileName() + " provides no dev.weft.Workflow: declare "
                    + "'provides dev.weft.Workflow with YourClass;' in its module-info (or list the class in "
                    + "META-INF/services/dev.weft.Workflow)");
        }
        if (found.size() > 1) {
            throw new UsageException(jar.getFileName() + " provides several workflows ("
                    + found.stream().map(p -> p.type().getName()).collect(Collectors.joining(", "))
                    + "); a workflow jar must provide exactly one");
        }
        try {
            return found.get(0).get();
        } catch (ServiceConfigurationError e) {
            throw new UsageException(jar.getFileName() + ": cannot create " + found.get(0).type().getName() + ": "
                    + (e.getCause() == null ? e.getMessage() : e.getCause().toString()), e);
        }
    }

    private static ModuleLayer layerOf(Path jar) {
        ModuleLayer parent = Workflow.class.getModule().getLayer() == null ? ModuleLayer.boot()
                : Workflow.class.getModule().getLayer();
        ModuleFinder finder = ModuleFinder.of(jar);
        Set<ModuleReference> modules;
        try {
            modules = finder.findAll();
        } catch (FindException e) {
            throw new UsageException(ModuleJarProblem.explain(jar, e), e);
        }
        if (modules.size() != 1) {
            throw new UsageException(jar.getFileName() + " is not a jar weft can load as a module");
        }
        String name = modules.iterator().next().descriptor().name();
        try {
            Configuration configuration = parent.configuration().resolve(finder, ModuleFinder.of(), Set.of(name));
            return parent.defineModulesWithOneLoader(configuration, ClassLoader.getSystemClassLoader());
        } catch (FindException | ResolutionException | LayerInstantiationException e) {
            throw new UsageException(jar.getFileName() + ": module " + name + " does not resolve: " + e.getMessage()
                    + " (a workflow jar may require only weft's modules and the JDK's)", e);
        }
    }
}
