package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.product.HeadlessProduct;

/**
 * The headless product from launch to "Trackbench ready" (queue, sync and tracker up), as the product measures it
 * itself: on a fresh data directory (the Derby database is created) and restarted on an existing one.
 */
class StartupBenchmark {

    private static final Pattern READY = Pattern.compile("Trackbench ready in (\\d+) ms");

    private final QueueStoreFixture directories = new QueueStoreFixture();

    @Test
    void headlessStartToReady() throws Exception {
        Path home = directories.newDirectory("startup");
        BenchmarkReport report = new BenchmarkReport("startup", "Headless product: launch to ready");
        report.add(Measurement.measure("fresh data directory", "ms", () -> readyMillis(directories.newDirectory("startup"))));
        readyMillis(home);
        report.add(Measurement.measure("restart on an existing database", "ms", () -> readyMillis(home)));
        report.note("The workbench start and the Queue view over 1,000,000 items are measured once the workbench"
                + " (issue 5) exists.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("restart on an existing database"));
    }

    private static double readyMillis(Path home) throws Exception {
        try (HeadlessProduct product = HeadlessProduct.launch(home, null)) {
            Matcher ready = READY.matcher(product.log());
            if (!ready.find()) {
                throw new IllegalStateException("the product logged no start-up time:\n" + product.log());
            }
            product.terminate();
            return Integer.parseInt(ready.group(1));
        }
    }
}
