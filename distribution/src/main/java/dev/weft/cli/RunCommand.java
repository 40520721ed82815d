package dev.weft.cli;

import dev.weft.ConfigException;
import dev.weft.ExitState;
import dev.weft.PluginRegistry;
import dev.weft.RunOptions;
import dev.weft.Scheduler;
import dev.weft.Task;
import dev.weft.WeftConfig;
import dev.weft.Workflow;
import dev.weft.api.OptionException;
import dev.weft.api.PluginException;
import dev.weft.cli.example.BraninSearch;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code weft run}: runs a workflow (a jar's, or the bundled example), shows progress, and prints
 * the event tree and a summary.
 */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a workflow: the one a jar provides (a dev.weft.Workflow service), or without a jar "
                + "the bundled example, a random search over the noisy Branin function.",
            "Prints live progress, then the event tree and a summary."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:finished: out of work, or stopped", "1:ended by an exception",
            "2:usage or configuration error; nothing ran", "3:ended by its --timeout"})
final class RunCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "The configuration: executor and plugin chains per task. Default: the installation's "
                    + "conf/weft.yaml for the bundled example; none for a workflow jar.")
    private Optional<Path> config;

    @Option(names = "--plugins", paramLabel = "DIR",
            description = "The plugins folder. Default: the installation's plugins/.")
    private Optional<Path> plugins;

    @Option(names = "--workers", paramLabel = "N",
            description = "Worker threads, overriding the configuration's executor. Default: the configuration's, "
                    + "else one per processor.")
    private Optional<Integer> workers;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "End the run after this long (such as 2s or 1.5m), cancelling the calls still running; "
                    + "exit code 3.")
    private Optional<Duration> timeout;

    @Option(names = "--no-trace", description = "Leave the trace plugin out of every chain.")
    private boolean noTrace;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "The seed the workflow uses for its randomness. Default: ${DEFAULT-VALUE}.")
    private long seed;

    @Parameters(arity = "0..1", paramLabel = "WORKFLOW.jar",
            description = "A jar that provides one dev.weft.Workflow. Without it, the bundled example runs.")
    private Optional<Path> jar;

    @Override
    public Integer call() {
        PrintStream out = System.out;
        PrintStream err = System.err;
        Home home = Home.fromSystem();
        if (workers.isPresent() && workers.get() < 1) {
            throw new UsageException("--workers must be at least 1, not " + workers.get());
        }

        Optional<Path> configFile = config.or(() -> jar.isPresent() ? Optional.empty() : home.defaultConfig());
        WeftConfig weftConfig = configFile.map(file -> read(file, home, err)).orElseGet(WeftConfig::empty);
        configFile.ifPresent(file -> EmptyConfig.warnIfEmpty(weftConfig, file, err));
        Workflow workflow = jar.map(WorkflowLoader::load).orElseGet(BraninSearch::new);

        try (PluginRegistry registry = PluginLoading.load(plugins, home, weftConfig)) {
            Function<String, dev.weft.Chain> configured = PluginLoading.chains(registry, weftConfig, err);
            Function<String, dev.weft.Chain> chains = noTrace ? task -> configured.apply(task).without("trace")
                    : configured;
            int threads = workers.orElse(weftConfig.executor().workers());
            boolean sequential = workers.isEmpty() && weftConfig.executor().type() == WeftConfig.ExecutorType.SEQUENTIAL;
            Scheduler.Builder builder = Scheduler.builder().chains(chains);
            Scheduler scheduler = (sequential ? builder.sequential() : builder.threads(threads)).build();

            define(workflow, scheduler, new Workflow.Context(threads, seed));
            weftConfig.requireTasks(scheduler.tasks().stream().map(Task::name).toList());

            TraceFiles traces = TraceFiles.listen(scheduler);
            boolean terminal = System.console() != null;
            Progress progress = Progress.start(scheduler, err, terminal);
            RunOptions options = RunOptions.defaults().endOnEmpty(true)
                    // A CLI run ends when it ends: calls still running then are cancelled and
                    // their threads interrupted, not waited for (one may ignore interrupts).
                    .waitForCalls(false)
                    .onException(workflow.onException());
            if (timeout.isPresent()) {
                options = options.timeout(timeout.get());
            }

            long start = System.nanoTime();
            ExitState exit;
            Optional<Throwable> raised = Optional.empty();
            try {
                exit = scheduler.run(options);
            } catch (RuntimeException | Error e) {
                raised = Optional.of(e);
                exit = new ExitState(ExitState.Code.EXCEPTION, Optional.of(e));
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            progress.finish();

            out.println(scheduler.render(terminal));
            String result = workflow.summary();
            if (!result.isBlank()) {
                out.println(result.strip());
                out.println();
            }
            out.println(Summary.paragraph(workflow.name(), exit, took, RunCounts.of(scheduler),
                    traces.files(), configFile));
            raised.ifPresent(e -> {
                err.println("weft: the run ended by an exception:");
                e.printStackTrace(err);
            });
            out.flush();
            return ExitCodes.of(exit);
        }
    }

    /**
     * Reads the configuration. When its shape has a problem, checks it as {@code weft check}
     * does, so that the error also lists the problems of its chains: one run shows them all.
     */
    private WeftConfig read(Path file, Home home, PrintStream err) {
        try {
            return WeftConfig.read(file);
        } catch (ConfigException shapeProblems) {
            PluginLoading.check(file, plugins, home, err);
            throw shapeProblems; // not reached: the check fails on the same problems, and more
        }
    }

    private static void define(Workflow workflow, Scheduler scheduler, Workflow.Context context) {
        try {
            workflow.define(scheduler, context);
        } catch (OptionException e) {
            // A plugin refused the task it was attached to: a configuration error.
            throw new UsageException(workflow.name() + ": " + e.getMessage(), e);
        } catch (PluginException e) {
            throw new UsageException(workflow.name() + ": " + e.getMessage(), e);
        } catch (Exception e) {
            // The workflow's own code failed: say so, and keep its stack trace for its author.
            throw new IllegalStateException("workflow " + workflow.name() + " failed in define(), before anything ran: "
                    + e, e);
        }
    }
}
