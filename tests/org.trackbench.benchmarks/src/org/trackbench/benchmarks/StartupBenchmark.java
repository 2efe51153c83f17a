package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The products from launch to ready, as they measure it themselves: the headless one to "Trackbench ready"
 * (queue, sync and tracker up), the workbench to "Trackbench workbench ready" (its window up, the event loop
 * running); each on a fresh data directory (the Derby database is created) and restarted on an existing one, with
 * class-data sharing as {@code run-product.sh} sets it up (the restart maps the archive the first start wrote).
 */
class StartupBenchmark {

    private static final Pattern READY = Pattern.compile("Trackbench ready in (\\d+) ms");
    private static final String WORKBENCH_READY = "Trackbench workbench ready";
    private static final Pattern WORKBENCH_READY_IN = Pattern.compile(WORKBENCH_READY + " in (\\d+) ms");

    /** Short paths: the product's console socket lives in its data directory, and socket paths are short. */
    @TempDir
    Path homes;

    @Test
    void headlessStartToReady() throws Exception {
        Path home = Files.createTempDirectory(homes, "startup");
        BenchmarkReport report = new BenchmarkReport("startup", "Headless product: launch to ready");
        report.add(Measurement.measure("fresh data directory", "ms", () -> readyMillis(Files.createTempDirectory(homes, "startup"))));
        readyMillis(home);
        report.add(Measurement.measure("restart on an existing database", "ms", () -> readyMillis(home)));
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("restart on an existing database"));
    }

    @Test
    void workbenchStartToReady() throws Exception {
        Path home = Files.createTempDirectory(homes, "workbench");
        BenchmarkReport report = new BenchmarkReport("workbench-startup", "Workbench product: launch to window up");
        report.add(Measurement.measure("fresh data directory", "ms",
                () -> workbenchReadyMillis(Files.createTempDirectory(homes, "workbench"))));
        workbenchReadyMillis(home);
        report.add(Measurement.measure("restart on an existing database", "ms", () -> workbenchReadyMillis(home)));
        report.note("Under Xvfb (no GPU, no compositor); the window is up and the Queue view's first page is being"
                + " read when the line is logged.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("restart on an existing database"));
    }

    private static double readyMillis(Path home) throws Exception {
        try (LaunchedProduct product = LaunchedProduct.launch(home, null, null, "Trackbench ready",
                LaunchedProduct.classDataSharing(home))) {
            return startupMillis(product, READY);
        }
    }

    private static double workbenchReadyMillis(Path home) throws Exception {
        try (LaunchedProduct product = LaunchedProduct.launchWorkbench(home, WORKBENCH_READY,
                LaunchedProduct.classDataSharing(home))) {
            return startupMillis(product, WORKBENCH_READY_IN);
        }
    }

    private static double startupMillis(LaunchedProduct product, Pattern line) throws InterruptedException {
        Matcher ready = line.matcher(product.log());
        if (!ready.find()) {
            throw new IllegalStateException("the product logged no start-up time:\n" + product.log());
        }
        product.terminate();
        return Integer.parseInt(ready.group(1));
    }
}
