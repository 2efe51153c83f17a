package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * What each product costs through a working day, measured from outside the process ({@code /proc}: CPU time and
 * resident memory) in windows: idle, tracking with a screenshot per interval, a degraded server, a backlog drained;
 * beside them, in the same run, a floor: a bare JVM that opens the same Derby database and waits.
 */
class WorkingDayBenchmark {

    private static final Duration IDLE = Duration.ofSeconds(BenchSize.pick(6, 120));
    private static final Duration TRACKING = Duration.ofSeconds(BenchSize.pick(8, 600));
    private static final long TRACKING_INTERVAL_SECONDS = BenchSize.pick(2, 60);
    private static final Duration DEGRADED = Duration.ofSeconds(BenchSize.pick(6, 120));
    private static final int BACKLOG_ENTRIES = BenchSize.pick(5, 30);
    private static final Duration BACKLOG_CAPTURE = Duration.ofSeconds(BenchSize.pick(4, 120));
    private static final Duration SETTLE = Duration.ofSeconds(BenchSize.pick(3, 30));
    private static final Pattern READY_IN = Pattern.compile("Trackbench ready in (\\d+) ms");
    private static final Pattern UNDELIVERED = Pattern.compile("pending (\\d+), in flight (\\d+)");
    private static final Pattern WORKBENCH_READY_IN = Pattern.compile("Trackbench workbench ready in (\\d+) ms");

    private final Configurations configurations = new Configurations();
    private final String token = UUID.randomUUID().toString();
    /** Short paths: the product's console socket lives in its data directory. */
    @TempDir
    Path homes;

    @Test
    void aWorkingDayCostsNextToNothingWhileTheProductWaits() throws Exception {
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", ""), ReferenceServer.class);
        BenchmarkReport report = new BenchmarkReport("working-day", "A working day: what each product costs");
        try {
            Path home = Files.createTempDirectory(homes, "day");
            headless(server, home, report);
            floor(home, report);
            workbench(report);
        } finally {
            server.setFaults(Faults.none());
        }
        report.add(ratio("headless idle memory / floor", "headless idle: resident memory", "floor: resident memory",
                report));
        report.add(ratio("workbench idle memory / floor", "workbench idle: resident memory", "floor: resident memory",
                report));
        report.limitGoal("idle CPU ≤ 0.2 % of one core", "headless idle: CPU", 0.2);
        report.limitGoal("tracking CPU ≤ 0.5 %", "headless tracking: CPU", 0.5);
        report.limitGoal("degraded server CPU ≤ 2 %", "headless, server 503 + Retry-After: CPU", 2.0);
        report.limitGoal("headless memory ≤ 1.5× the floor", "headless idle memory / floor", 1.5);
        report.limitGoal("workbench memory ≤ 2.5× the floor", "workbench idle memory / floor", 2.5);
        report.limitGoal("memory flat while tracking (≤ 8 MiB/h)", "headless tracking: memory growth in the second half",
                8);
        report.limitGoal("memory returned after a drain (≤ 16 MiB above before)", "headless after the drain: memory kept",
                16);
        report.limitGoal("headless start to ready ≤ 1.5 s fresh", "headless start, fresh data directory", 1_500);
        report.limitGoal("headless restart ≤ 1.0 s", "headless start, existing database", 1_000);
        report.limitGoal("workbench window up ≤ 2.5 s (a restart)", "workbench start to window up", 2_500);
        report.note(String.format("Windows: idle %d s, tracking %d s (a screenshot every %d s of the desktop, JPEG;"
                + " growth measured over its second half, scaled to an hour), degraded %d s, each after %d s to settle."
                + " CPU: the process's CPU time over the window divided by the window; memory: VmRSS. Backlog: %d time"
                + " entries' events and %d s of screenshots at one a second, queued with the sync paused, then drained."
                + " The products run with the JVM options of their launch configuration (eclipse.ini) and class-data"
                + " sharing as run-product.sh sets it up; the day runs on a restart, which maps the archive the first"
                + " start wrote; the floor runs with the same options.", IDLE.toSeconds(), TRACKING.toSeconds(), TRACKING_INTERVAL_SECONDS, DEGRADED.toSeconds(),
                SETTLE.toSeconds(), BACKLOG_ENTRIES, BACKLOG_CAPTURE.toSeconds()));
        report.write();

        assertTrue(Files.readString(report.markdown()).contains("floor: resident memory"));
    }

    private void headless(ReferenceServer server, Path home, BenchmarkReport report) throws Exception {
        // The first start creates the database and, as it exits, the class-data archive; the day runs on a restart.
        try (LaunchedProduct fresh = LaunchedProduct.launch(home, server.baseUri(), token, "Trackbench ready",
                LaunchedProduct.classDataSharing(home))) {
            report.add(single("headless start, fresh data directory", "ms", readyMillis(fresh.log(), READY_IN)));
            fresh.terminate();
        }
        try (LaunchedProduct product = LaunchedProduct.launch(home, server.baseUri(), token, "Trackbench ready",
                LaunchedProduct.classDataSharing(home))) {
            report.add(single("headless start, existing database", "ms", readyMillis(product.log(), READY_IN)));
            try (GogoConsole console = product.console()) {
                console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
                Window idle = Window.over(product.handle(), IDLE, SETTLE);
                report.add(single("headless idle: CPU", "% of one core", idle.cpuPercent()));
                report.add(single("headless idle: resident memory", "MiB", idle.endMiB()));

                console.run("trackbench:config org.trackbench.capture intervalSeconds " + TRACKING_INTERVAL_SECONDS);
                console.run("trackbench:capture accept");
                console.run("trackbench:start Working day");
                // Two halves: the first takes the heap to what a screenshot needs; growth in the second is drift.
                Window first = Window.over(product.handle(), TRACKING.dividedBy(2), SETTLE);
                Window second = Window.over(product.handle(), TRACKING.dividedBy(2), Duration.ZERO);
                console.run("trackbench:stop");
                report.add(single("headless tracking: CPU", "% of one core", (first.cpuPercent() + second.cpuPercent()) / 2));
                report.add(single("headless tracking: resident memory at its end", "MiB", second.endMiB()));
                report.add(single("headless tracking: memory growth in the second half", "MiB/h", second.growthMiB()
                        * Duration.ofHours(1).toSeconds() / second.length().toSeconds()));

                server.setFaults(Faults.none().withErrorRate(503, 1.0).withRetryAfter(Duration.ofSeconds(30), false));
                console.run("trackbench:start Server unwell");
                console.run("trackbench:stop");
                Window degraded = Window.over(product.handle(), DEGRADED, SETTLE);
                report.add(single("headless, server 503 + Retry-After: CPU", "% of one core", degraded.cpuPercent()));
                server.setFaults(Faults.none());

                backlog(console, product, report);
            }
            product.terminate();
        }
    }

    /** Queues a backlog with the sync paused, drains it, and sees how much memory the process keeps afterwards. */
    private static void backlog(GogoConsole console, LaunchedProduct product, BenchmarkReport report) throws Exception {
        console.run("trackbench:sync resume");
        Await.until("nothing left to send", Duration.ofMinutes(5), () -> undelivered(console) == 0, () -> "");
        Thread.sleep(SETTLE.toMillis());
        long before = Window.residentKiB(product.handle());
        console.run("trackbench:sync pause");
        console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
        for (int entry = 0; entry < BACKLOG_ENTRIES; entry++) {
            console.run("trackbench:start Backlog " + entry);
            console.run("trackbench:pause");
            console.run("trackbench:resume");
            console.run("trackbench:stop");
        }
        console.run("trackbench:start Screenshots piling up");
        Thread.sleep(BACKLOG_CAPTURE.toMillis());
        console.run("trackbench:stop");
        long queued = undelivered(console);
        long cpuBefore = Window.cpuNanos(product.handle());
        long began = System.nanoTime();
        console.run("trackbench:sync resume");
        Await.until("the backlog drained", Duration.ofMinutes(10), () -> undelivered(console) == 0, () -> "");
        long drainNanos = System.nanoTime() - began;
        double drainCpu = 100.0 * (Window.cpuNanos(product.handle()) - cpuBefore) / drainNanos;
        long peak = Window.residentKiB(product.handle());
        Thread.sleep(SETTLE.toMillis() * 2);
        long after = Window.residentKiB(product.handle());
        report.add(single("headless drain of " + queued + " items: CPU", "% of one core", drainCpu));
        report.add(single("headless drain: resident memory at its end", "MiB", peak / 1024.0));
        report.add(single("headless after the drain: memory kept", "MiB", (after - before) / 1024.0));
    }

    /** Pending and in flight, as {@code trackbench:status} counts them ("queue  pending 12, in flight 3, …"). */
    private static long undelivered(GogoConsole console) {
        Matcher queue = UNDELIVERED.matcher(console.run("trackbench:status"));
        if (!queue.find()) {
            throw new IllegalStateException("trackbench:status shows no queue counts");
        }
        return Long.parseLong(queue.group(1)) + Long.parseLong(queue.group(2));
    }

    /** The bare JVM on the headless product's database, with the product's JVM options. */
    private static void floor(Path home, BenchmarkReport report) throws Exception {
        Path plugins = LaunchedProduct.installed(LaunchedProduct.HEADLESS).resolve("plugins");
        List<String> classpath = new ArrayList<>();
        try (var files = Files.list(plugins)) {
            files.filter(file -> file.getFileName().toString().matches("(derby|org\\.apache\\.derby\\.(shared|tools))_.*\\.jar"))
                    .map(Path::toString).forEach(classpath::add);
        }
        classpath.add(Path.of(DerbyFloor.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
        List<String> command = new ArrayList<>(List.of(LaunchedProduct.javaExecutable()));
        command.addAll(LaunchedProduct.jvmOptions(LaunchedProduct.installed(LaunchedProduct.HEADLESS)));
        command.addAll(List.of("-Dderby.stream.error.file=" + home.resolve("floor-derby.log"), "-cp",
                String.join(":", classpath), DerbyFloor.class.getName(), home.resolve("data").resolve("queue").toString()));
        Path out = home.resolve("floor.out");
        long launched = System.nanoTime();
        Process floor = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Await.until("the floor is ready", LaunchedProduct.START, () -> read(out).contains(DerbyFloor.READY)
                    || !floor.isAlive(), () -> read(out));
            assertTrue(floor.isAlive(), read(out));
            report.add(single("floor start, existing database", "ms", (System.nanoTime() - launched) / 1e6));
            Window idle = Window.over(floor.toHandle(), IDLE, SETTLE);
            report.add(single("floor: CPU", "% of one core", idle.cpuPercent()));
            report.add(single("floor: resident memory", "MiB", idle.endMiB()));
        } finally {
            floor.destroy();
            floor.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private void workbench(BenchmarkReport report) throws Exception {
        Path home = Files.createTempDirectory(homes, "workbench");
        try (LaunchedProduct fresh = LaunchedProduct.launchWorkbench(home, "Trackbench workbench ready",
                LaunchedProduct.classDataSharing(home))) {
            fresh.terminate();
        }
        try (LaunchedProduct workbench = LaunchedProduct.launchWorkbench(home, "Trackbench workbench ready",
                LaunchedProduct.classDataSharing(home))) {
            report.add(single("workbench start to window up", "ms", readyMillis(workbench.log(), WORKBENCH_READY_IN)));
            Window idle = Window.over(workbench.handle(), IDLE, SETTLE);
            report.add(single("workbench idle: CPU", "% of one core", idle.cpuPercent()));
            report.add(single("workbench idle: resident memory", "MiB", idle.endMiB()));
            workbench.terminate();
        }
    }

    private static Measurement ratio(String scenario, String numerator, String denominator, BenchmarkReport report) {
        return single(scenario, "×", report.median(numerator) / report.median(denominator));
    }

    private static Measurement single(String scenario, String unit, double value) {
        return new Measurement(scenario, unit, new double[] { value });
    }

    private static double readyMillis(String log, Pattern line) {
        Matcher ready = line.matcher(log);
        if (!ready.find()) {
            throw new IllegalStateException("the product logged no start-up time:\n" + log);
        }
        return Integer.parseInt(ready.group(1));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
