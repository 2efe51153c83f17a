package org.trackbench.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.sync.SyncState;
import org.trackbench.headless.internal.AuditCommand;
import org.trackbench.headless.internal.ConfigCommand;
import org.trackbench.headless.internal.LoginCommand;
import org.trackbench.headless.internal.QueueCommands;
import org.trackbench.testing.SyncRig;

/**
 * The console commands as the registry hands them to Gogo, over a real queue: each test pauses the sync so
 * the items stay where the test put them.
 */
class ConsoleCommandsTest {

    private SyncRig rig;
    private QueueCommands queue;

    @BeforeEach
    void givenAPausedSync() {
        rig = SyncRig.start();
        rig.sync.pause();
        queue = rig.configurations.await(QueueCommands.class, "");
    }

    @AfterEach
    void closeRig() {
        rig.close();
    }

    @Test
    void loginStoresTheTokenAndLeavesAnAdminsPauseAlone() {
        LoginCommand login = rig.configurations.await(LoginCommand.class, "");

        String answer = login.login("", false, false, rig.token);

        assertTrue(answer.startsWith("Token stored for " + rig.server.baseUri()), answer);
        assertEquals(SyncState.PAUSED, rig.sync.status().state(), "a sign-in is not a resume");
    }

    @Test
    void anotherAccountsTokenWaitsUntilTheItemsQueuedUnderTheOldOneAreDeliveredOrCarriedAway() {
        LoginCommand login = rig.configurations.await(LoginCommand.class, "");
        note("written under the first sign-in");

        String refused = login.login("", false, false, UUID.randomUUID().toString());
        String renewed = login.login("", true, false, rig.token + "-renewed");

        assertTrue(refused.contains("1 item(s) queued under the token stored for " + rig.server.baseUri())
                && refused.contains("--same-account") && refused.contains("Nothing was changed"), refused);
        assertTrue(renewed.startsWith("Token stored for "), renewed);
        assertEquals(rig.token + "-renewed", rig.tokens.token(rig.server.baseUri()).orElseThrow());
    }

    @Test
    void theListingIsFilteredByStatusTypeAndText() {
        QueueItem failed = failed(note("broken"));
        note("waiting");
        QueueItem other = rig.store.enqueue(EnqueueRequest.of("activity", "{\"level\":3}"));

        assertEquals(List.of(failed.id()), ids(queue.queue("failed", "", "20", "")));
        assertEquals(List.of(other.id()), ids(queue.queue("", "activity", "20", "")));
        assertEquals(2, ids(queue.queue("pending", "", "20", "")).size());
        assertEquals(List.of(failed.id()), ids(queue.queue("", "", "20", "", "broken")));
    }

    @Test
    void aFullPageTellsHowToContinue() {
        QueueItem first = note("one");
        QueueItem second = note("two");

        String page = queue.queue("", "", "1", "");
        assertEquals(List.of(second.id()), ids(page));
        assertTrue(page.contains("more: trackbench:queue -a " + second.id()), page);
        assertEquals(List.of(first.id()), ids(queue.queue("", "", "1", String.valueOf(second.id()))));
    }

    @Test
    void showNamesTheFailedItemThatHoldsABlockedOne() {
        String entry = UUID.randomUUID().toString();
        QueueItem start = rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(entry, true));
        QueueItem stop = rig.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(entry, true));
        failed(start);

        String shown = queue.show(String.valueOf(stop.id()));

        assertEquals(ItemStatus.BLOCKED, rig.store.find(stop.id()).orElseThrow().status());
        assertEquals("item " + start.id() + " (failed: rejected by the test)", field(shown, "held by"), shown);
        assertTrue(shown.contains("\"type\" : \"stop\""), "the payload as indented JSON:\n" + shown);
    }

    @Test
    void retryAndDeleteChangeOnlyTheItemsTheyName() {
        QueueItem failed = failed(note("retry me"));
        QueueItem doomed = note("delete me");
        QueueItem kept = note("keep me");

        assertTrue(queue.retry(false, "", "", "", false, String.valueOf(failed.id())).startsWith("Retrying 1 of 1"));
        assertTrue(queue.delete("", "", "", false, String.valueOf(doomed.id())).startsWith("Deleted 1"));

        assertEquals(ItemStatus.PENDING, rig.store.find(failed.id()).orElseThrow().status());
        assertTrue(rig.store.find(doomed.id()).isEmpty());
        assertEquals(ItemStatus.PENDING, rig.store.find(kept.id()).orElseThrow().status());
    }

    @Test
    void badArgumentsPrintUsageAndChangeNothing() {
        QueueItem failed = failed(note("still failed"));
        long unknown = failed.id() + 1_000;

        assertTrue(queue.retry(false, "", "", "", false, "abc").contains("usage: trackbench:retry"));
        assertTrue(queue.retry(true, "", "", "", false, String.valueOf(failed.id())).contains("either --failed or ids"));
        assertTrue(queue.delete("", "", "", false, String.valueOf(failed.id()), String.valueOf(unknown)).contains("nothing was deleted"));
        assertTrue(queue.purge("soon").contains("usage: trackbench:purge"));
        assertTrue(queue.queue("lost", "", "20", "").contains("expected one of pending"));
        assertTrue(queue.queue("", "", "0", "").contains("limit 0 is out of range"));
        assertTrue(queue.enqueue("note", "[1, 2]").contains("usage: trackbench:enqueue"));

        assertEquals(ItemStatus.FAILED, rig.store.find(failed.id()).orElseThrow().status());
        assertEquals(1, rig.store.countByStatus().values().stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void anExportHoldsTheSelectedItemsWithSecretsRedactedAndNoBlob() throws Exception {
        failed(note("exported"));
        rig.store.enqueue(EnqueueRequest.of("plugin", "{\"apiKey\":\"" + rig.token + "\",\"n\":7}")
                .withBlob(BlobSource.of(new byte[] { 1, 2, 3 }), "application/octet-stream"));
        Path file = Files.createTempDirectory("export").resolve("items.jsonl");

        assertTrue(queue.export("", "plugin", file.toString()).startsWith("Exported 1 item(s)"));
        String exported = Files.readString(file);
        assertTrue(exported.contains("\"apiKey\":\"[redacted]\"") && exported.contains("\"n\":7"), exported);
        assertTrue(!exported.contains(rig.token), "the secret-looking value is not exported");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        assertTrue(queue.export("failed", "", file.toString()).startsWith("Exported 1 item(s)"));
        assertTrue(Files.readString(file).contains("\"status\":\"failed\""));
        assertTrue(queue.export("gone", "", file.toString()).contains("usage: trackbench:export"));
    }

    @Test
    void configSavesCheckedValuesAndGoesBackToTheDefault() {
        ConfigCommand config = rig.configurations.await(ConfigCommand.class, "");

        assertTrue(config.config(false, "org.trackbench.capture", "format", "gif").contains("expected one of jpeg, png"));
        assertTrue(config.config(false, "org.trackbench.capture", "intervalSeconds", "0").contains("is not accepted"));
        assertTrue(config.config(false, "org.trackbench.capture", "colour", "red").contains("has no setting 'colour'"));
        assertTrue(config.config(false, "org.trackbench.nothing").contains("no settings 'org.trackbench.nothing'"));
        assertTrue(config.config(false, "org.trackbench.server", "token", "secret").contains("is a secret"),
                "a secret setting is never written to the configuration files");
        assertEquals("(default)", field(config.config(false, "org.trackbench.capture"), "intervalSeconds"));

        assertTrue(config.config(false, "org.trackbench.capture", "intervalSeconds", "120").contains("= 120 (was 300)"));
        assertEquals("120", field(config.config(false, "org.trackbench.capture"), "intervalSeconds"));
        config.config(true, "org.trackbench.capture", "intervalSeconds");
        assertEquals("(default)", field(config.config(false, "org.trackbench.capture"), "intervalSeconds"));
    }

    @Test
    void aBulkRepairByErrorShowsItsDryRunAndChangesNothingWithoutYes() {
        QueueItem start = failed(rig.store.enqueue(EnqueueRequest.of("note", "{\"text\":\"start\"}").inGroup("g1", true)),
                "HTTP 422: unknown project Acme");
        QueueItem follower = rig.store.enqueue(EnqueueRequest.of("note", "{\"text\":\"next\"}").inGroup("g1", true));
        QueueItem other = failed(note("other"), "HTTP 400: bad request");

        String dryRun = queue.retry(false, "", "", "unknown project", false);

        assertTrue(dryRun.startsWith("Dry run: retry would change 1 of the 1 item(s) matching error \"unknown project\""),
                dryRun);
        assertTrue(dryRun.contains("by status: failed 1; 1 blocked item(s) not matched would be released"), dryRun);
        assertTrue(dryRun.contains("Run the same command with --yes to retry them."), dryRun);
        assertEquals(ItemStatus.FAILED, status(start), "a dry run changes nothing");

        String fixed = queue.setfield("", "", "unknown project", true, "project", "\"Acme Corp\"");
        assertTrue(fixed.startsWith("Set project to \"Acme Corp\": 1 item(s) changed"), fixed);
        assertEquals(List.of(ItemStatus.PENDING, ItemStatus.PENDING, ItemStatus.FAILED),
                List.of(status(start), status(follower), status(other)));
        assertEquals("{\"text\":\"start\",\"project\":\"Acme Corp\"}", rig.store.find(start.id()).orElseThrow().payload());
        assertTrue(queue.setfield("failed", "", "", true, "project", "Acme").contains("is not JSON"));
        assertTrue(queue.delete("failed", "", "", true).startsWith("Delete: 1 item(s) changed"));
        assertTrue(rig.store.find(other.id()).isEmpty());
        assertTrue(queue.retry(false, "lost", "", "", false).contains("usage: trackbench:retry"));
    }

    @Test
    void editRepairsAFailedItemInPlaceAndRefusesWhatCannotBeSent() {
        QueueItem broken = failed(note("brokn"));
        QueueItem waiting = note("waiting");

        String answer = queue.edit(String.valueOf(broken.id()), "{\"text\":\"broken\"}");

        assertTrue(answer.startsWith("Item " + broken.id() + " edited; it is pending, sent under its idempotency key"),
                answer);
        QueueItem repaired = rig.store.find(broken.id()).orElseThrow();
        assertEquals("{\"text\":\"broken\"}", repaired.payload());
        assertEquals(broken.idempotencyKey(), repaired.idempotencyKey(), "the test failed it without a refusal");
        assertTrue(queue.edit(String.valueOf(waiting.id()), "{}").contains("is pending; only a failed or blocked item"));
        assertTrue(queue.edit(String.valueOf(broken.id() + 1000), "{}").contains("nothing was changed"));
        assertTrue(queue.edit("seven", "{}").contains("usage: trackbench:edit <id>"));
    }

    @Test
    void theConsolesChangesAreInTheAuditTrailAsTheConsolesAndNoTokenIs() {
        QueueItem broken = failed(note("broken"));
        QueueItem spare = note("spare");
        LoginCommand login = rig.configurations.await(LoginCommand.class, "");
        ConfigCommand config = rig.configurations.await(ConfigCommand.class, "");
        AuditCommand audit = rig.configurations.await(AuditCommand.class, "");

        queue.retry(false, "", "", "", false, String.valueOf(broken.id()));
        queue.delete("", "", "", false, String.valueOf(spare.id()));
        login.login("", false, false, rig.token);
        config.config(false, "org.trackbench.capture", "intervalSeconds", "120");
        config.config(true, "org.trackbench.capture", "intervalSeconds");

        String trail = audit.audit("20", "", "", "console");
        List<String[]> rows = trail.lines().skip(1).map(line -> line.split(" {2,}")).toList();
        assertEquals(List.of("settings", "settings", "sign-in", "delete", "retry"),
                rows.stream().map(cells -> cells[3]).toList(), trail);
        assertTrue(rows.stream().allMatch(cells -> cells[1].equals(System.getProperty("user.name"))
                && cells[2].equals("console")), trail);
        assertEquals(List.of("0", "0", "0", "1", "1"), rows.stream().map(cells -> cells[4]).toList(), trail);
        assertTrue(rows.get(3)[5].equals("item " + spare.id()) && rows.get(1)[5].contains("300 → 120"), trail);
        assertFalse(trail.contains(rig.token), "the token never enters the trail");
        assertEquals(1, audit.audit("20", "1h", "delete").lines().count() - 1);
        assertTrue(audit.audit("20", "yesterday", "").contains("neither an age"));
        assertTrue(audit.audit("20", "", "undo").contains("action 'undo' is not one; expected one of retry, edit,"));
    }

    private QueueItem note(String text) {
        return rig.store.enqueue(EnqueueRequest.of("note", "{\"text\":\"" + text + "\"}"));
    }

    /**
     * Fails {@code item} as the sync would; it must be the only item due. It is made due first: a sync run that
     * slipped in before the rig's pause (seen once in six runs) sets a note aside for want of a handler.
     */
    private QueueItem failed(QueueItem item) {
        return failed(item, "rejected by the test");
    }

    private QueueItem failed(QueueItem item, String reason) {
        rig.store.retry(List.of(item.id()));
        List<Long> claimed = rig.store.claim(10, Duration.ofMinutes(1)).stream().map(QueueItem::id).toList();
        assertEquals(List.of(item.id()), claimed, () -> "the item to fail is the only one due; " + rig.describe());
        rig.store.markFailed(item.id(), reason);
        return rig.store.find(item.id()).orElseThrow();
    }

    private ItemStatus status(QueueItem item) {
        return rig.store.find(item.id()).orElseThrow().status();
    }

    /** The second column of the row whose first column is {@code name}; columns are two or more spaces apart. */
    private static String field(String table, String name) {
        return table.lines().map(line -> line.split(" {2,}")).filter(cells -> cells[0].equals(name) && cells.length > 1)
                .map(cells -> cells[1]).findFirst().orElseThrow(() -> new AssertionError("no row " + name + " in\n" + table));
    }

    /** The ids of a listing's rows, in the order shown. */
    private static List<Long> ids(String listing) {
        return listing.lines().skip(1).filter(line -> line.matches("\\d+ .*")).map(line -> Long.parseLong(line.split(" ")[0])).toList();
    }
}
