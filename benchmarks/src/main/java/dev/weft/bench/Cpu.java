package dev.weft.bench;

import java.lang.management.ManagementFactory;

/**
 * The CPU time this JVM has used, all threads together (loop, workers, GC, JIT). On a shared
 * machine wall time also counts the time other processes held the cores; CPU time per call does
 * not, so the two side by side show whether a slow figure is weft's or the neighbours'.
 */
final class Cpu {

    private static final com.sun.management.OperatingSystemMXBean OS =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private Cpu() {
    }

    /** @return nanoseconds of CPU used by this process so far */
    static long processNanos() {
        return OS.getProcessCpuTime();
    }
}
