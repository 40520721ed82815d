package dev.weft.example.hello;

import dev.weft.api.EventType;
import dev.weft.api.OptionException;
import dev.weft.api.OptionSpec;
import dev.weft.api.OptionType;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.TaskPlugin;
import java.util.List;

/** Makes the hello plugin; weft finds it through {@code provides} in module-info.java. */
public final class HelloPluginFactory implements PluginFactory {

    /** Loading instantiates every factory it finds, so the constructor does nothing. */
    public HelloPluginFactory() {
    }

    @Override
    public String name() {
        return "hello";
    }

    @Override
    public String description() {
        return "greets every call and refuses the arguments it is told to";
    }

    @Override
    public List<OptionSpec> options() {
        return List.of(
                OptionSpec.of("greeting", OptionType.STRING, "hello", "the word to greet each call with"),
                OptionSpec.optional("refuse", OptionType.STRING_LIST, "arguments (as text) whose calls are vetoed"));
    }

    @Override
    public List<EventType<?>> events() {
        return List.of(HelloSaid.TYPE);
    }

    @Override
    public TaskPlugin create(Options options) {
        String greeting = options.string("greeting").orElseThrow(); // its default applies when left out
        if (greeting.isBlank()) {
            throw new OptionException("greeting", "option 'greeting': must not be blank");
        }
        return new HelloPlugin(greeting, options.strings("refuse"));
    }
}
