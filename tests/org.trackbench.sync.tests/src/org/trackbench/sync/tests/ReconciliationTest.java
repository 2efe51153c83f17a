package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.ledger.DayReconciliation;
import org.trackbench.core.ledger.EntryDifference;
import org.trackbench.core.ledger.Reconciliation;
import org.trackbench.server.AppliedItem;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.SyncRig;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tracked against delivered: entries tracked here and delivered are proven per day; an entry an admin deleted on the
 * server shows as missing there, with its day's time short; re-queued from the ledger under new keys, it is back,
 * each of its events applied once more and no more; an entry only the server holds is named too.
 */
class ReconciliationTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ZoneId ZONE = ZoneOffset.UTC;
    /** Made up per run: no credential lives in the test sources. */
    private final String adminToken = UUID.randomUUID().toString();
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anEntryTheServerLostIsShownMissingAndRequeuedFromTheLedger() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of())) {
            Reconciliation reconciliation = rig.configurations.await(Reconciliation.class, "");
            LocalDate today = LocalDate.now(ZONE);
            Instant nine = today.atTime(9, 0).toInstant(ZoneOffset.UTC);
            UUID kept = rig.track(nine, Duration.ofMinutes(30), "Reconciled");
            UUID lost = rig.track(nine.plus(Duration.ofHours(1)), Duration.ofMinutes(45), "Reconciled");
            rig.awaitDelivered(DELIVERY);
            assertTrue(reconciliation.reconcile(today, today, ZONE).get(0).proven(),
                    reconciliation.reconcile(today, today, ZONE).toString());
            ApiContract.load().assertConforms("TimeEntries", new ObjectMapper().readTree(http.send(HttpRequest
                    .newBuilder(URI.create(rig.server.baseUri() + "/api/v1/time-entries?from=" + nine + "&to="
                            + nine.plus(Duration.ofDays(1)))).header("Authorization", "Bearer " + rig.token).build(),
                    HttpResponse.BodyHandlers.ofString()).body()));

            assertEquals(200, delete(rig, lost));
            DayReconciliation short45 = reconciliation.reconcile(today, today, ZONE).get(0);

            assertEquals(Duration.ofMinutes(75), short45.tracked());
            assertEquals(Duration.ofMinutes(30), short45.confirmed());
            assertEquals(Duration.ZERO, short45.queued());
            assertEquals(List.of(lost), short45.differences().stream().map(EntryDifference::entryId).toList());
            EntryDifference missing = short45.differences().get(0);
            assertEquals(EntryDifference.Kind.MISSING_ON_SERVER, missing.kind());
            assertEquals("here: start 10:00:00, stop 10:45:00", missing.detail());

            QueueAdmin admin = rig.configurations.await(
                    FrameworkUtil.getBundle(ReconciliationTest.class).getBundleContext(), QueueAdmin.class);
            assertEquals(2, admin.requeue(List.of(lost)));
            rig.awaitDelivered(DELIVERY);

            assertTrue(reconciliation.reconcile(today, today, ZONE).get(0).proven(), "restored");
            List<AppliedItem> applied = rig.server.applied().stream().filter(item -> lost.toString()
                    .equals(item.timeEntryId())).toList();
            assertEquals(List.of("start", "stop", "start", "stop"), applied.stream().map(AppliedItem::detail).toList(),
                    "first under the old keys, then once under new ones");
            assertEquals(4, applied.stream().map(AppliedItem::idempotencyKey).distinct().count());
            assertTrue(rig.server.applied().stream().filter(item -> kept.toString().equals(item.timeEntryId())).count() == 2);
        }
    }

    @Test
    void anEntryOnlyTheServerHoldsIsNamed() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of())) {
            Reconciliation reconciliation = rig.configurations.await(Reconciliation.class, "");
            LocalDate yesterday = LocalDate.now(ZONE).minusDays(1);
            String elsewhere = UUID.randomUUID().toString();
            Instant at = yesterday.atTime(14, 0).toInstant(ZoneOffset.UTC);
            assertEquals(201, post(rig, elsewhere, "{\"type\":\"start\",\"at\":\"" + at + "\",\"description\":\"Laptop\"}"));

            List<DayReconciliation> days = reconciliation.reconcile(yesterday, yesterday.plusDays(1), ZONE);

            assertEquals(2, days.size());
            EntryDifference only = days.get(0).differences().get(0);
            assertEquals(EntryDifference.Kind.ONLY_ON_SERVER, only.kind());
            assertEquals("Laptop", only.description());
            assertTrue(days.get(1).differences().isEmpty());
        }
    }


    private int delete(SyncRig rig, UUID entry) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(rig.server.baseUri() + "/api/v1/admin/time-entries/" + entry))
                .header("Authorization", "Bearer " + adminToken).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private int post(SyncRig rig, String entry, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(rig.server.baseUri() + "/api/v1/time-entries/" + entry
                + "/events")).header("Authorization", "Bearer " + rig.token).header("Idempotency-Key",
                        UUID.randomUUID().toString()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
