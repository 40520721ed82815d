package dev.weft.example.hello;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.weft.api.Options;
import dev.weft.testkit.FakePanel;
import dev.weft.testkit.FakeSubmission;
import dev.weft.testkit.FakeTaskContext;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The hello plugin's hooks, driven with weft's testkit: no scheduler, no threads. */
class HelloPluginTests {

    private final FakeTaskContext task = new FakeTaskContext("greet");

    private HelloPlugin attach(Map<String, ?> options) {
        HelloPluginFactory factory = new HelloPluginFactory();
        HelloPlugin plugin = (HelloPlugin) factory.create(Options.parse(factory.options(), options));
        plugin.attach(task);
        return plugin;
    }

    @Test
    void greetsEachAcceptedCallWithAHelloSaidEvent() {
        HelloPlugin plugin = attach(Map.of("greeting", "hi"));
        FakeSubmission call = new FakeSubmission(task.task(), "ada");

        plugin.beforeSubmit(call);

        assertEquals(Optional.empty(), call.vetoReason());
        assertEquals(List.of(HelloSaid.TYPE), task.registered());
        assertEquals(List.of(new HelloSaid("hi, ada")), task.emitted(HelloSaid.TYPE));
    }

    @Test
    void vetoesTheArgumentsItIsToldToRefuse() {
        HelloPlugin plugin = attach(Map.of("refuse", List.of("bad")));
        FakeSubmission call = new FakeSubmission(task.task(), "bad");

        plugin.beforeSubmit(call);

        assertEquals(Optional.of("hello refuses 'bad'"), call.vetoReason());
        assertEquals(List.of(), task.emitted());
    }

    @Test
    void itsPanelCountsGreetingsAndRefusals() {
        HelloPlugin plugin = attach(Map.of("refuse", List.of("bad")));
        plugin.beforeSubmit(new FakeSubmission(task.task(), "ada"));
        plugin.beforeSubmit(new FakeSubmission(task.task(), "bad"));
        FakePanel panel = new FakePanel();

        plugin.describe(panel);

        assertEquals(List.of("Said 1", "Refused 1"), panel.lines());
    }
}
