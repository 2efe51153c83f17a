package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * What the headless product costs while the server is unwell and items wait: CPU time and resident memory of its
 * process over a window, against a server answering every request 503 with {@code Retry-After: 30}, and against one
 * whose health check answers while its API does not. A tracker runs all day on a laptop: waiting must cost next to
 * nothing.
 */
class DegradedServerBenchmark {

    private static final Duration WINDOW = Duration.ofSeconds(BenchSize.pick(15, 60));
    private static final Duration SETTLE = Duration.ofSeconds(5);

    private final Configurations configurations = new Configurations();
    private final String token = UUID.randomUUID().toString();
    /** Short paths: the product's console socket lives in its data directory. */
    @TempDir
    Path homes;

    @Test
    void waitingOnAnUnwellServerCostsNextToNothing() throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        BenchmarkReport report = new BenchmarkReport("degraded-server", "The headless product over " + WINDOW.toSeconds()
                + " s with items waiting on an unwell server");
        try {
            Faults retryAfter = Faults.none().withErrorRate(503, 1.0).withRetryAfter(Duration.ofSeconds(30), false);
            Faults apiDown = Faults.none().withErrorRate(503, 1.0);
            for (Map.Entry<String, Faults> scenario : List.of(Map.entry("every request 503, Retry-After: 30", retryAfter),
                    Map.entry("health check up, API 503", apiDown))) {
                double[] cost = measure(server, scenario.getValue());
                report.add(new Measurement(scenario.getKey() + ": CPU", "% of one core", new double[] { cost[0] }));
                report.add(new Measurement(scenario.getKey() + ": resident memory growth", "MiB", new double[] { cost[1] }));
            }
        } finally {
            server.setFaults(Faults.none());
        }
        report.note("CPU: the process's CPU time over the window (after " + SETTLE.toSeconds() + " s to settle) divided by"
                + " the window; memory: VmRSS at the window's end minus at its start. The product runs with the JVM"
                + " options of its launch configuration, 20 time entries' events queued.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("CPU"));
    }

    /** {CPU in % of one core, RSS growth in MiB} over the window. */
    private double[] measure(ReferenceServer server, Faults faults) throws Exception {
        server.setFaults(faults);
        Path home = Files.createTempDirectory(homes, "degraded");
        try (LaunchedProduct product = LaunchedProduct.launch(home, server.baseUri(), token)) {
            try (GogoConsole console = product.console()) {
                console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
                for (int entry = 0; entry < 20; entry++) {
                    console.run("trackbench:start Waiting " + entry);
                    console.run("trackbench:stop");
                }
            }
            Thread.sleep(SETTLE.toMillis());
            Duration cpuBefore = product.handle().info().totalCpuDuration().orElseThrow();
            long rssBefore = Window.residentKiB(product.handle());
            Thread.sleep(WINDOW.toMillis());
            Duration cpu = product.handle().info().totalCpuDuration().orElseThrow().minus(cpuBefore);
            long rssGrowth = Window.residentKiB(product.handle()) - rssBefore;
            product.terminate();
            return new double[] { 100.0 * cpu.toNanos() / WINDOW.toNanos(), rssGrowth / 1024.0 };
        }
    }
}
