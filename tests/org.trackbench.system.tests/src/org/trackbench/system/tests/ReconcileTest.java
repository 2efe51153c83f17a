package org.trackbench.system.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.ReferenceServer;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.product.GogoConsole;
import org.trackbench.testing.product.LaunchedProduct;

/**
 * The product's console proves a day delivered: two entries tracked and sent, one deleted on the server by its admin,
 * {@code trackbench:reconcile} names it missing there with the day's time short, {@code --requeue} queues it again from
 * the ledger, and the server holds it once more, each event applied once under its new key.
 */
class ReconcileTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);
    private static final Pattern ENTRY = Pattern.compile("entry ([0-9a-f-]{36})");

    /** Made up per run: no credential lives in the test sources. */
    private final String token = UUID.randomUUID().toString();
    private final String adminToken = UUID.randomUUID().toString();

    @TempDir
    Path home;

    @Test
    void anEntryDeletedOnTheServerIsShownMissingAndRequeued() throws Exception {
        ReferenceServer server = new Configurations().configure("org.trackbench.server",
                Map.of("port", 0, "token", token, "adminToken", adminToken, "dataDirectory", ""), ReferenceServer.class);
        try (LaunchedProduct product = LaunchedProduct.launch(home, server.baseUri(), token);
                GogoConsole console = product.console()) {
            console.run("trackbench:config org.trackbench.sync serverUrl " + server.baseUri());
            String kept = track(console, "Kept on the server");
            String lost = track(console, "Deleted by an admin");
            Await.until("both entries delivered", DELIVERY, () -> events(server) == 4, server.stats()::toString);
            assertTrue(console.run("trackbench:reconcile --days 1").contains("proven"), console.run("trackbench:reconcile"));

            assertEquals(200, delete(server, lost));
            String report = console.run("trackbench:reconcile --days 1");

            assertTrue(report.lines().anyMatch(line -> line.startsWith(lost) && line.contains("missing on server")
                    && line.contains("Deleted by an admin")), report);
            assertFalse(report.contains(kept), report);
            String requeued = console.run("trackbench:reconcile --days 1 --requeue");
            assertTrue(requeued.contains("Re-queued 2 event(s) of 1 entr(ies)"), requeued);
            Await.until("the entry delivered again", DELIVERY, () -> events(server) == 6, server.stats()::toString);
            Await.until("the day proven", DELIVERY, () -> console.run("trackbench:reconcile --days 1").contains("proven"),
                    () -> console.run("trackbench:reconcile --days 1"));
            List<AppliedItem> again = server.applied().stream().filter(item -> lost.equals(item.timeEntryId())).toList();
            assertEquals(List.of("start", "stop", "start", "stop"), again.stream().map(AppliedItem::detail).toList());
            assertEquals(4, again.stream().map(AppliedItem::idempotencyKey).distinct().count(), "new keys, each once");
            assertTrue(console.run("trackbench:audit -a requeue").contains(lost), "recorded in the audit trail");
        }
    }

    /** Time entry events applied: the screenshots the capture may take meanwhile do not count. */
    private static long events(ReferenceServer server) {
        return server.applied().stream().filter(item -> item.kind().equals("event")).count();
    }

    /** Starts and stops an entry; returns its id. */
    private static String track(GogoConsole console, String description) {
        String started = console.run("trackbench:start " + description);
        Matcher id = ENTRY.matcher(started);
        assertTrue(id.find(), started);
        console.run("trackbench:stop");
        return id.group(1);
    }

    private int delete(ReferenceServer server, String entry) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUri()
                + "/api/v1/admin/time-entries/" + entry)).header("Authorization", "Bearer " + adminToken).DELETE().build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
