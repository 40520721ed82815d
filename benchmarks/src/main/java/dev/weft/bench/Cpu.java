package dev.weft.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time: the whole JVM's (loop, workers, GC, JIT), and the current thread's, split into user
 * and kernel time. On a shared machine wall time also counts the time other processes held the
 * cores; CPU time per call does not, so the two side by side show whether a slow figure is
 * weft's or the neighbours'. The thread's split shows where the thread that hands out calls
 * spends its time: in its own code, or in the kernel waking other threads.
 */
final class Cpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private Cpu() {
    }

    /** @return nanoseconds of CPU used by this process so far */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }

    /** @return the CPU the current thread has used so far */
    static OfThread currentThread() {
        return new OfThread(THREADS.getCurrentThreadCpuTime(), THREADS.getCurrentThreadUserTime());
    }

    /**
     * One thread's CPU time in nanoseconds, or its use between two readings.
     *
     * @param totalNanos user and kernel time together
     * @param userNanos user time: counted in clock ticks on Linux (10 ms), so a share is only
     *     meaningful over runs of a good part of a second
     */
    record OfThread(long totalNanos, long userNanos) {

        /** No reading: a load that does not measure its dispatching thread. */
        static final OfThread NONE = new OfThread(0, 0);

        /** @return the use from {@code earlier} to this reading */
        OfThread since(OfThread earlier) {
            return new OfThread(totalNanos - earlier.totalNanos, userNanos - earlier.userNanos);
        }

        /**
         * @return the share of the time spent in the kernel, 0 to 1; the user time's clock ticks
         *     can put the raw figure slightly out of that range, so it is clamped
         */
        double kernelShare() {
            if (totalNanos <= 0) {
                return 0;
            }
            return Math.min(1, Math.max(0, (double) (totalNanos - userNanos) / totalNanos));
        }
    }
}
