package org.trackbench.benchmarks;

import java.nio.file.Path;
import java.util.Locale;

/**
 * How big a benchmark run is: {@code smoke} (CI: one small run that proves the harness and the report) or
 * {@code full} (the figures in docs/performance.md), from system property {@code trackbench.bench.size}.
 */
final class BenchSize {

    static final boolean FULL = "full".equals(System.getProperty("trackbench.bench.size", "smoke"));
    /** Runs per scenario; the figure is their median, min and max its spread. */
    static final int RUNS = pick(1, 5);
    static final Path REPORTS = Path.of(System.getProperty("trackbench.bench.reports", "target/benchmarks"));

    private BenchSize() {
    }

    static int pick(int smoke, int full) {
        return FULL ? full : smoke;
    }

    /** The machine and run size, for every report's heading. */
    static String environment() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "%s size; %d cores, %d MiB max heap, Java %s, %s %s",
                FULL ? "full" : "smoke", runtime.availableProcessors(), runtime.maxMemory() >> 20,
                System.getProperty("java.version"), System.getProperty("os.name"), System.getProperty("os.arch"));
    }
}
