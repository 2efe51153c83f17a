package org.trackbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a process cost over a window of time, read from outside it ({@code /proc}): CPU time and resident memory.
 *
 * @param length the window
 * @param cpuNanos CPU time spent in it, every thread
 * @param startKiB resident memory at its start
 * @param endKiB resident memory at its end
 */
record Window(Duration length, long cpuNanos, long startKiB, long endKiB) {

    /** Waits {@code settle}, then measures the process over {@code length}. */
    static Window over(ProcessHandle process, Duration length, Duration settle) throws IOException, InterruptedException {
        Thread.sleep(settle.toMillis());
        long cpu = cpuNanos(process);
        long start = residentKiB(process);
        Thread.sleep(length.toMillis());
        return new Window(length, cpuNanos(process) - cpu, start, residentKiB(process));
    }

    double cpuPercent() {
        return 100.0 * cpuNanos / length.toNanos();
    }

    double endMiB() {
        return endKiB / 1024.0;
    }

    double growthMiB() {
        return (endKiB - startKiB) / 1024.0;
    }

    static long cpuNanos(ProcessHandle process) {
        return process.info().totalCpuDuration().orElseThrow(() -> new IllegalStateException("no CPU time for process "
                + process.pid())).toNanos();
    }

    static long residentKiB(ProcessHandle process) throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:")).map(line -> line.replaceAll("\\D", "")).mapToLong(Long::parseLong)
                .findFirst().orElseThrow();
    }
}
