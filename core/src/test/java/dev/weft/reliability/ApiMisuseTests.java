package dev.weft.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.weft.Action;
import dev.weft.Chain;
import dev.weft.ExceptionPolicy;
import dev.weft.ExitState;
import dev.weft.api.ManualClock;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.SchedulerNotRunningException;
import dev.weft.Task;
import dev.weft.TaskFunction;
import dev.weft.api.Clock;
import dev.weft.api.EventType;
import dev.weft.api.On;
import dev.weft.api.OptionSpec;
import dev.weft.api.Options;
import dev.weft.api.PluginFactory;
import dev.weft.api.SchedulerEvents;
import dev.weft.api.TaskEvents;
import dev.weft.api.TaskPlugin;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Misusing the API gets a clear exception that names the argument or the state at fault. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ApiMisuseTests {

    private static final Path CORE = Path.of("src/main/java/dev/weft");
    private static final Path API = Path.of("../plugin-api/src/main/java/dev/weft/api");
    private static final ExecutorService POOL = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "misuse-pool");
        t.setDaemon(true);
        return t;
    });

    private static List<PublicMethods.Declared> publicMethods() throws Exception {
        List<PublicMethods.Declared> all = new ArrayList<>();
        all.addAll(PublicMethods.of(CORE.resolve("Scheduler.java"), Scheduler.class, Scheduler.Builder.class));
        all.addAll(PublicMethods.of(CORE.resolve("Task.java"), Task.class));
        all.addAll(PublicMethods.of(CORE.resolve("RunOptions.java"), RunOptions.class));
        all.addAll(PublicMethods.of(CORE.resolve("ExceptionPolicy.java"), ExceptionPolicy.class,
                ExceptionPolicy.Builder.class));
        all.addAll(PublicMethods.of(CORE.resolve("Chain.java"), Chain.class));
        all.addAll(PublicMethods.of(API.resolve("On.java"), On.class));
        return all;
    }

    @Test
    void everyPublicMethodRejectsNullNamingTheParameter() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (PublicMethods.Declared d : publicMethods()) {
            for (int i = 0; i < d.params().size(); i++) {
                if (!d.method().getParameterTypes()[i].isPrimitive() && !d.params().get(i).nullable()) {
                    checked++;
                    String problem = nullProblem(d, i);
                    if (problem != null) {
                        wrong.add(problem);
                    }
                }
            }
        }
        assertTrue(checked > 60, "only " + checked + " parameters checked: the source parser missed methods");
        assertEquals(List.of(), wrong);
    }


    /** @return what was wrong when passing null as parameter i, or null if it was rejected by name */
    private static String nullProblem(PublicMethods.Declared d, int nullAt) {
        Method m = d.method();
        Class<?>[] types = m.getParameterTypes();
        Object[] args = new Object[types.length];
        for (int i = 0; i < types.length; i++) {
            args[i] = i == nullAt ? null : dummy(m.getDeclaringClass(), types[i]);
        }
        String expected = d.params().get(nullAt).name();
        // A one-argument option setter may name the option it sets: timeout(limit) -> "timeout",
        // andWhen(predicate) -> "when".
        String option = types.length != 1 ? expected
                : m.getName().matches("and[A-Z].*") ? Character.toLowerCase(m.getName().charAt(3)) + m.getName().substring(4)
                : m.getName();
        String where = d + " with " + expected + "=null";
        try {
            m.invoke(Modifier.isStatic(m.getModifiers()) ? null : receiver(m.getDeclaringClass()), args);
            return where + ": accepted null";
        } catch (InvocationTargetException e) {
            Throwable t = e.getCause();
            if (t instanceof NullPointerException && (expected.equals(t.getMessage()) || option.equals(t.getMessage()))) {
                return null;
            }
            return where + ": threw " + t;
        } catch (ReflectiveOperationException e) {
            return where + ": " + e;
        }
    }

    private static Object receiver(Class<?> type) {
        if (type == Scheduler.class) {
            return Scheduler.withThreads(1);
        } else if (type == Scheduler.Builder.class) {
            return Scheduler.builder();
        } else if (type == Task.class) {
            return Scheduler.withThreads(1).task("t", x -> x);
        } else if (type == RunOptions.class) {
            return RunOptions.defaults();
        } else if (type == ExceptionPolicy.class) {
            return ExceptionPolicy.always(Action.CONTINUE);
        } else if (type == ExceptionPolicy.Builder.class) {
            return ExceptionPolicy.builder();
        } else if (type == Chain.class) {
            return Chain.empty();
        } else if (type == On.class) {
            return On.defaults();
        }
        throw new IllegalArgumentException("no receiver for " + type);
    }

    private static Object dummy(Class<?> owner, Class<?> type) {
        // Event names and types must be known to the receiver, so only the null is at fault.
        if (type == String.class) {
            return owner == Task.class ? "submitted" : "start";
        }
        if (type == EventType.class) {
            return owner == Task.class ? TaskEvents.SUBMITTED : SchedulerEvents.START;
        }
        TaskPlugin plugin = () -> "dummy";
        Map<Class<?>, Object> values = Map.ofEntries(
                Map.entry(Object.class, "argument"),
                Map.entry(Duration.class, Duration.ofMillis(1)),
                Map.entry(Runnable.class, (Runnable) () -> { }),
                Map.entry(Consumer.class, (Consumer<Object>) x -> { }),
                Map.entry(BiConsumer.class, (BiConsumer<Object, Object>) (x, y) -> { }),
                Map.entry(Function.class, (Function<Object, Object>) x -> Chain.empty()),
                Map.entry(Supplier.class, (Supplier<Object>) () -> plugin),
                Map.entry(BooleanSupplier.class, (BooleanSupplier) () -> true),
                Map.entry(On.class, On.defaults()),
                Map.entry(On[].class, new On[0]),
                Map.entry(TaskPlugin[].class, new TaskPlugin[0]),
                Map.entry(TaskFunction.class, (TaskFunction<Object, Object>) x -> x),
                Map.entry(TaskPlugin.class, plugin),
                Map.entry(Chain.class, Chain.empty()),
                Map.entry(RunOptions.class, RunOptions.defaults()),
                Map.entry(ExceptionPolicy.class, ExceptionPolicy.always(Action.CONTINUE)),
                Map.entry(Action.class, Action.CONTINUE),
                Map.entry(ExecutorService.class, POOL),
                Map.entry(Clock.class, new ManualClock()),
                Map.entry(Class.class, IllegalStateException.class),
                Map.entry(Map.class, Map.of()),
                Map.entry(Throwable.class, new IllegalStateException("cause")),
                Map.entry(PluginFactory.class, new PluginFactory() {
                    @Override
                    public String name() {
                        return "dummy";
                    }

                    @Override
                    public List<OptionSpec> options() {
                        return List.of();
                    }

                    @Override
                    public TaskPlugin create(Options options) {
                        return plugin;
                    }
                }),
                Map.entry(int.class, 1),
                Map.entry(long.class, 1L),
                Map.entry(boolean.class, true));
        Object value = values.get(type);
        if (value == null) {
            throw new IllegalArgumentException("no dummy for parameter type " + type.getName() + "; add one");
        }
        return value;
    }

    @Test
    void submittingToAFinishedSchedulerNamesTheTaskAndTheState() {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("double", x -> x * 2);
        scheduler.onStart(() -> task.submit(1));
        scheduler.run();

        SchedulerNotRunningException e = assertThrows(SchedulerNotRunningException.class, () -> task.submit(2));
        assertEquals("cannot submit to 'double': the scheduler is not running", e.getMessage());
        assertThrows(SchedulerNotRunningException.class, () -> scheduler.submit(x -> x, 1));
        assertThrows(SchedulerNotRunningException.class, () -> scheduler.callLater(Duration.ZERO, () -> { }));
        assertEquals(1, scheduler.eventCount("future-submitted"), "nothing was submitted by the refused calls");
    }

    @Test
    void runCalledTwiceAtOnceFailsForTheSecondCallerAndTheFirstRunGoesOn() throws Exception {
        Scheduler scheduler = Scheduler.withThreads(1);
        Task<Integer, Integer> task = scheduler.task("t", x -> x);
        CountDownLatch started = new CountDownLatch(1);
        scheduler.onStart(started::countDown);
        AtomicReference<Object> first = new AtomicReference<>();
        Thread loop = new Thread(() -> {
            try {
                first.set(scheduler.run(RunOptions.defaults().endOnEmpty(false)));
            } catch (RuntimeException e) {
                first.set(e);
            }
        });
        loop.start();
        assertTrue(started.await(5, TimeUnit.SECONDS));

        IllegalStateException e = assertThrows(IllegalStateException.class, scheduler::run);
        assertEquals("the scheduler is already running; run() cannot be called twice at once", e.getMessage());
        assertTrue(scheduler.running(), "the first run is unharmed");
        assertTrue(task.submit(1).isPresent(), "and still accepts calls");
        scheduler.stop();
        loop.join(5_000);
        assertFalse(loop.isAlive());
        assertEquals(ExitState.Code.STOPPED, ((ExitState) first.get()).code());

        scheduler.onStart(() -> task.submit(2)); // it can run again once the first run returned
        assertEquals(ExitState.Code.EXHAUSTED, scheduler.run().code());
    }

    @Test
    void subscribingToAnUnknownEventNameListsTheKnownOnes() {
        Scheduler scheduler = Scheduler.sequential();
        Task<Integer, Integer> task = scheduler.task("t", x -> x,
                Chain.of(new VetoPlugin(x -> false, x -> 0L, new LoopGuard())));

        IllegalArgumentException s = assertThrows(IllegalArgumentException.class,
                () -> scheduler.on("future-results", e -> { }));
        assertTrue(s.getMessage().contains("has no event 'future-results'"), s.getMessage());
        assertTrue(s.getMessage().contains("future-result"), "suggests or lists the close name: " + s.getMessage());
        for (EventType<?> known : SchedulerEvents.ALL) {
            assertTrue(s.getMessage().contains(known.name()), known + " listed in: " + s.getMessage());
        }

        IllegalArgumentException t = assertThrows(IllegalArgumentException.class, () -> task.on("vetoed", e -> { }));
        for (String known : List.of("submitted", "done", "result", "exception", "cancelled", "chaos-vetoed")) {
            assertTrue(t.getMessage().contains(known), known + " listed in: " + t.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> task.eventCount("nope"));
        assertThrows(IllegalArgumentException.class, () -> scheduler.eventCount("nope"));
    }
}
