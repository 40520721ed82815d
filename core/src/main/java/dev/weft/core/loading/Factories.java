package dev.weft.core.loading;

import dev.weft.PluginInfo;
import dev.weft.PluginState;
import dev.weft.api.EventType;
import dev.weft.api.OptionSpec;
import dev.weft.api.PluginFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads what a factory says about itself, catching factories that misbehave while they do. */
final class Factories {

    private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

    private Factories() {
    }

    /**
     * Describes a started factory.
     *
     * @throws Reasons.LoadFailure naming the factory class, if it answers badly
     */
    static PluginInfo describe(PluginFactory factory, String version, String source, Optional<String> sha256) {
        String type = factory.getClass().getName();
        String name;
        List<String> events = new ArrayList<>();
        List<OptionSpec> options;
        String description;
        try {
            name = factory.name();
            if (name == null || !KEBAB.matcher(name).matches()) {
                throw new Reasons.LoadFailure("factory " + type + " has name '" + name
                        + "', which is not kebab-case (such as 'call-limiter')");
            }
            options = List.copyOf(factory.options());
            for (EventType<?> event : factory.events()) {
                events.add(event.name());
            }
            description = factory.description() == null ? "" : factory.description();
        } catch (Reasons.LoadFailure e) {
            throw e;
        } catch (RuntimeException | LinkageError e) {
            throw new Reasons.LoadFailure("factory " + type + " failed to describe itself: " + Reasons.of(e), e);
        }
        return new PluginInfo(name, version, source, PluginState.STARTED, Optional.empty(), description, events,
                options, sha256);
    }

    /** @return the version of the module that defines a type, or "unknown" */
    static String versionOf(Class<?> type) {
        Module module = type.getModule();
        if (module.isNamed()) {
            Optional<String> raw = module.getDescriptor().rawVersion();
            if (raw.isPresent()) {
                return raw.get();
            }
        }
        Package pkg = type.getPackage();
        String impl = pkg == null ? null : pkg.getImplementationVersion();
        return impl == null ? "unknown" : impl;
    }
}
