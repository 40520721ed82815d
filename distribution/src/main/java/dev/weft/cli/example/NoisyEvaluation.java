package dev.weft.cli.example;

import dev.weft.TaskFunction;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Evaluates Branin at a trial the way a real AutoML evaluation behaves: it takes 10 to 200 ms,
 * about 10% of attempts fail with a transient {@link IOException}, about 5% hang for
 * {@value #HANG_MILLIS} ms (interruptibly, so a timeout can cut them off), and the value it
 * returns carries a little noise.
 *
 * <p>What happens to an attempt depends only on the seed, the trial and the attempt's number, so
 * a run with the same seed sees the same failures, and a retried attempt draws afresh.
 */
final class NoisyEvaluation implements TaskFunction<Trial, Double> {

    private static final long serialVersionUID = 1L;

    static final double HANG_RATE = 0.05;
    static final double FAILURE_RATE = 0.10;
    static final long HANG_MILLIS = 5_000;
    static final double NOISE = 0.05;

    private final long seed;
    private final ConcurrentHashMap<Integer, AtomicInteger> attempts = new ConcurrentHashMap<>();

    NoisyEvaluation(long seed) {
        this.seed = seed;
    }

    @Override
    public Double apply(Trial trial) throws IOException, InterruptedException {
        int attempt = attempts.computeIfAbsent(trial.id(), id -> new AtomicInteger()).incrementAndGet();
        SplittableRandom random = new SplittableRandom(seed * 1_000_003L + trial.id() * 31L + attempt);
        double fate = random.nextDouble();
        if (fate < HANG_RATE) {
            Thread.sleep(HANG_MILLIS);
        }
        Thread.sleep(10 + random.nextInt(191));
        if (fate < HANG_RATE + FAILURE_RATE) {
            throw new IOException("evaluation of trial " + trial + " lost its worker connection (attempt "
                    + attempt + ")");
        }
        return Branin.value(trial.x1(), trial.x2()) + NOISE * random.nextGaussian();
    }
}
