package dev.weft.cli;

import dev.weft.Scheduler;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Shows how a run is going, from a timer on the loop thread: on a terminal one line redrawn in
 * place (at most 10 times a second); otherwise a plain log line at most once a second, so that
 * logs and CI output stay readable.
 */
final class Progress {

    private static final Duration LIVE_EVERY = Duration.ofMillis(100);
    private static final Duration LOG_EVERY = Duration.ofSeconds(1);

    private final Scheduler scheduler;
    private final PrintStream out;
    private final boolean live;
    private final long startNanos = System.nanoTime();
    private int lastWidth;

    private Progress(Scheduler scheduler, PrintStream out, boolean live) {
        this.scheduler = scheduler;
        this.out = out;
        this.live = live;
    }

    /**
     * Starts showing progress when the run starts.
     *
     * @param scheduler the scheduler, before its run
     * @param out where to write
     * @param live whether {@code out} is a terminal that understands {@code \r}
     * @return the progress, to {@link #finish()} after the run
     */
    static Progress start(Scheduler scheduler, PrintStream out, boolean live) {
        Progress progress = new Progress(scheduler, out, live);
        scheduler.onStart(progress::tick, dev.weft.api.On.hiddenHandler());
        return progress;
    }

    private void tick() {
        if (!scheduler.running()) {
            return;
        }
        show();
        scheduler.callLater(live ? LIVE_EVERY : LOG_EVERY, this::tick);
    }

    private void show() {
        String line = line(RunCounts.of(scheduler), Duration.ofNanos(System.nanoTime() - startNanos));
        if (live) {
            // Pad over the previous line's tail: the new one may be shorter.
            out.print("\r" + line + " ".repeat(Math.max(0, lastWidth - line.length())));
            lastWidth = line.length();
        } else {
            out.println("weft: " + line);
        }
        out.flush();
    }

    /** Ends the live line, so that what follows starts on a fresh one. */
    void finish() {
        if (live && lastWidth > 0) {
            out.println();
        }
    }

    static String line(RunCounts c, Duration elapsed) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        return String.format(Locale.ROOT,
                "submitted %d  running %d  done %d  failed %d  vetoed %d  retried %d  %.1f calls/s  %.1fs",
                c.submitted(), c.running(), c.done(), c.failed(), c.vetoed(), c.retried(), c.ended() / seconds, seconds);
    }
}
