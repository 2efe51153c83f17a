package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * "Nothing lost, nothing applied twice", counted. The product runs as a child process, its time entry driven
 * at the console and screenshots taken every second, syncing to a server that fails about a fifth of the
 * requests (5xx, 429 with Retry-After, connections dropped mid-body or after applying, slow answers), and is
 * killed with SIGKILL at random moments, then restarted. Between the kills an admin acts at the console: retries the
 * failed items (the server rejects some), deletes failed screenshots, purges sent items, changes a sync setting.
 * After the last cycle and a final drain, every item the product queued (its export, and what the admin's actions
 * read before removing) must have been applied by the server exactly once, every transition the console
 * acknowledged must be among them, and every restart must have brought the tracker back as it was left.
 *
 * <p>Cycles: {@code -Dtrackbench.crash.cycles} (5 by default, 200 for the documented run); the figures go to
 * {@code target/reliability/crash-cycles.md}.
 */
class CrashCycleTest {

    private static final int CYCLES = Integer.getInteger("trackbench.crash.cycles", 5);
    private static final long SEED = Long.getLong("trackbench.crash.seed", 20261126L);
    private static final Duration DRAIN = Duration.ofMinutes(5);

    /** A token made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final Configurations configurations = new Configurations();
    private final ObjectMapper json = new ObjectMapper();
    private LaunchedProduct product;

    @TempDir
    Path home;

    @AfterEach
    void stopProduct() {
        if (product != null) {
            product.close();
        }
    }

    @Test
    void killedAtRandomItLosesNothingAndTheServerAppliesNothingTwice() throws Exception {
        Random random = new Random(SEED);
        ReferenceServer server = configurations.configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "dataDirectory", "", "faultSeed", SEED), ReferenceServer.class);
        server.setFaults(Faults.none().withErrorRate(500, 0.04).withErrorRate(503, 0.04).withErrorRate(429, 0.04)
                .withErrorRate(422, 0.02).withRetryAfter(Duration.ofSeconds(1), false).withDrops(0.03, 0.03).withLatency(Duration.ofMillis(30)));
        TimeEntryDriver driver = new TimeEntryDriver(random);
        QueueAdmin admin = new QueueAdmin(random, home);
        int notRestored = 0;
        long started = System.nanoTime();

        for (int cycle = 0; cycle < CYCLES; cycle++) {
            product = LaunchedProduct.launch(home, server.baseUri(), token);
            try (GogoConsole console = product.console()) {
                if (cycle == 0) {
                    configure(console, server);
                }
                notRestored += driver.restoredAsLeft(console) ? 0 : 1;
                driver.act(console, 1 + random.nextInt(6));
                driver.keepRunning(console);
                Thread.sleep(500 + random.nextInt(1_000));
                admin.act(console);
                Thread.sleep(500 + random.nextInt(1_000));
                if (random.nextBoolean()) {
                    driver.sendUnanswered(console);
                    Thread.sleep(random.nextInt(20));
                }
                product.kill();
            }
        }

        server.setFaults(Faults.none());
        product = LaunchedProduct.launch(home, server.baseUri(), token);
        Path export = home.resolve("export.jsonl");
        List<JsonNode> items;
        try (GogoConsole console = product.console()) {
            notRestored += driver.restoredAsLeft(console) ? 0 : 1;
            console.run("trackbench:retry --failed");
            console.run("trackbench:sync now");
            Await.until("the queue is drained", DRAIN, () -> drained(console), () -> console.run("trackbench:status"));
            console.run("trackbench:export " + export);
            items = Files.readAllLines(export, StandardCharsets.UTF_8).stream().map(this::parse).toList();
        }
        product.terminate();

        List<AppliedItem> applied = server.applied();
        Set<String> queuedKeys = items.stream().map(item -> item.get("idempotencyKey").asText()).collect(Collectors.toSet());
        // What the product ever held: the final export, and the records the admin read before removing them.
        Map<String, JsonNode> held = new HashMap<>();
        admin.seen().forEach(item -> held.put(item.get("idempotencyKey").asText(), item));
        items.forEach(item -> held.put(item.get("idempotencyKey").asText(), item));
        Set<String> appliedKeys = applied.stream().map(AppliedItem::idempotencyKey).collect(Collectors.toSet());
        long missing = queuedKeys.stream().filter(key -> !appliedKeys.contains(key)).count();
        long unknown = appliedKeys.stream().filter(key -> !held.containsKey(key)).count();
        long duplicated = applied.size() - appliedKeys.size();
        long unsent = items.stream().filter(item -> !item.get("status").asText().equals("sent")).count();
        long lostAcknowledged = lostAcknowledged(driver.acknowledged(), held.values());
        report(held.values(), applied, new Counts(missing, duplicated, lostAcknowledged, notRestored), admin.performed(),
                Duration.ofNanos(System.nanoTime() - started));

        assertTrue(held.size() > CYCLES, "the cycles queued items: " + held.size());
        assertEquals(0, missing, "queued items the server never applied");
        assertEquals(0, unknown, "applied items the queue does not hold");
        assertEquals(0, duplicated, "items applied twice");
        assertEquals(0, unsent, "items not sent after the drain");
        assertEquals(0, lostAcknowledged, "acknowledged transitions missing from the queue");
        assertEquals(0, notRestored, "restarts that did not bring the tracker back as it was left");
        try (Stream<Path> files = Files.list(home.resolve("data").resolve("queue").resolve("blobs"))) {
            assertEquals(List.of(), files.toList(), "no blob file outlives its sent screenshot or an interrupted enqueue");
        }
    }

    /** The figures the run is judged by. */
    private record Counts(long missing, long duplicated, long lostAcknowledged, int notRestored) {
    }

    private void configure(GogoConsole console, ReferenceServer server) {
        console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
        console.run("trackbench:config org.trackbench.sync backoffBaseMillis 100");
        console.run("trackbench:config org.trackbench.sync backoffCapMillis 2000");
        console.run("trackbench:config org.trackbench.sync pollIntervalMillis 1000");
        console.run("trackbench:config org.trackbench.capture screenSource.target '(trackbench.screen.source=synthetic)'");
        console.run("trackbench:config org.trackbench.capture intervalSeconds 1");
        // A new screen source restarts capture: the command answers once it is back.
        Await.until("capture accepts the terms", Duration.ofSeconds(30),
                () -> console.run("trackbench:capture accept").startsWith("Accepted"), () -> "");
    }

    /** Acknowledged transitions the queue does not hold, counted per entry and event type. */
    private static long lostAcknowledged(List<TimeEntryDriver.Acknowledged> acknowledged, Collection<JsonNode> items) {
        Map<String, Long> queued = items.stream().filter(item -> item.get("entityType").asText().equals("time_entry_event"))
                .collect(Collectors.groupingBy(item -> item.get("orderingGroup").asText() + "/"
                        + item.get("payload").get("type").asText(), Collectors.counting()));
        Map<String, Long> expected = acknowledged.stream()
                .collect(Collectors.groupingBy(ack -> ack.entry() + "/" + ack.type(), Collectors.counting()));
        return expected.entrySet().stream().mapToLong(entry -> Math.max(0, entry.getValue() - queued.getOrDefault(entry.getKey(), 0L)))
                .sum();
    }

    private void report(Collection<JsonNode> items, List<AppliedItem> applied, Counts counts, Map<String, Integer> actions,
            Duration took) throws IOException {
        Map<String, Long> byType = items.stream().collect(Collectors.groupingBy(item -> item.get("entityType").asText(),
                TreeMap::new, Collectors.counting()));
        String text = "| cycles | items queued | by type | admin actions | applied | missing | applied twice"
                + " | acknowledged lost | not restored | took |\n"
                + "|---|---|---|---|---|---|---|---|---|---|\n"
                + "| " + CYCLES + " | " + items.size() + " | " + byType + " | " + new TreeMap<>(actions) + " | "
                + applied.size() + " | " + counts.missing() + " | " + counts.duplicated() + " | " + counts.lostAcknowledged()
                + " | " + counts.notRestored() + " | " + took.toSeconds() + " s |\n";
        Path reports = Path.of(System.getProperty("trackbench.reports", "target/reliability"));
        Files.createDirectories(reports);
        Files.writeString(reports.resolve("crash-cycles.md"), text);
        System.out.print(text);
    }

    private boolean drained(GogoConsole console) {
        return console.run("trackbench:status").contains("pending 0, in flight 0, blocked 0, failed 0");
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
