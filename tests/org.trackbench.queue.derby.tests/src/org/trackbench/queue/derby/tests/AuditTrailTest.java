package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnknownItemException;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * The audit trail: every admin change is recorded in the transaction that makes it, with the operating-system user
 * and the bundle that asked; it has its own retention. The services are fetched with this bundle's context, so this
 * bundle is the origin.
 */
class AuditTrailTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String ORIGIN = "plug-in org.trackbench.queue.derby.tests";
    private static final String USER = System.getProperty("user.name");

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Configurations configurations = new Configurations();
    private final BundleContext context = FrameworkUtil.getBundle(AuditTrailTest.class).getBundleContext();
    private Path directory;
    private QueueStore store;

    @BeforeEach
    void openFreshStore() {
        directory = fixture.newDirectory("audit");
        store = fixture.configure(directory, 1024);
    }

    @Test
    void everyChangeIsRecordedWithWhoAskedFromWhereAndHowManyItems() {
        List<Long> failed = List.of(failed("HTTP 422: unknown project"), failed("HTTP 422: unknown project"));
        long other = failed("HTTP 400: bad");
        long note = store.enqueue(EnqueueRequest.of("note", "{}")).id();
        QueueAdmin admin = service(QueueAdmin.class);

        assertEquals(2, admin.retryFailed("HTTP 422: unknown project"));
        assertEquals(1, admin.delete(List.of(other)));
        assertEquals(2, admin.retry(List.of(note, failed.get(0))));
        assertEquals(0, admin.purgeSent(Duration.ofDays(7)));

        List<AuditEntry> entries = service(AuditTrail.class).entries(AuditQuery.latest(10));
        assertEquals(List.of(AdminAction.PURGE, AdminAction.RETRY, AdminAction.DELETE, AdminAction.RETRY),
                entries.stream().map(AuditEntry::action).toList(), "newest first");
        assertEquals(List.of(0L, 2L, 1L, 2L), entries.stream().map(AuditEntry::items).toList());
        assertEquals(List.of("sent items older than 168h", "items " + note + ", " + failed.get(0), "item " + other,
                "failed items whose last error is \"HTTP 422: unknown project\""),
                entries.stream().map(AuditEntry::detail).toList());
        assertTrue(entries.stream().allMatch(entry -> entry.user().equals(USER) && entry.origin().equals(ORIGIN)),
                entries.toString());
    }

    @Test
    void aChangeThatFailsRecordsNothing() {
        long item = store.enqueue(EnqueueRequest.of("note", "{}")).id();
        QueueAdmin admin = service(QueueAdmin.class);

        assertThrows(UnknownItemException.class, () -> admin.delete(List.of(item, item + 1000)));

        assertEquals(List.of(), service(AuditTrail.class).entries(AuditQuery.latest(10)));
        assertTrue(store.find(item).isPresent());
    }

    @SuppressWarnings("deprecation")
    @Test
    void aChangeThroughTheStoreItselfIsRecordedWithoutACaller() {
        long item = failed("HTTP 400: bad");

        store.retry(List.of(item));

        AuditEntry entry = service(AuditTrail.class).entries(AuditQuery.latest(1)).get(0);
        assertEquals(AdminAction.RETRY, entry.action());
        assertEquals("QueueStore API (caller not known)", entry.origin());
    }

    @Test
    void actionsOutsideTheQueueAreRecordedAndTheTrailIsFiltered() {
        AuditTrail trail = service(AuditTrail.class);
        Instant before = Instant.now().minusSeconds(1);

        trail.record(AdminAction.SETTINGS, "org.trackbench.sync pollIntervalMillis: 30000 → 60000", 0);
        trail.record(AdminAction.SYNC_PAUSE, "", 0);
        trail.record(AdminAction.EXPORT, "to /tmp/queue.csv", 12);

        assertEquals(List.of(AdminAction.EXPORT), trail.entries(AuditQuery.latest(10).withText("QUEUE.CSV"))
                .stream().map(AuditEntry::action).toList(), "text is found ignoring case");
        assertEquals(List.of(AdminAction.SYNC_PAUSE, AdminAction.SETTINGS), trail.entries(AuditQuery.latest(10)
                .withActions(Set.of(AdminAction.SETTINGS, AdminAction.SYNC_PAUSE))).stream().map(AuditEntry::action)
                .toList());
        assertEquals(3, trail.entries(AuditQuery.latest(10).since(before)).size());
        assertEquals(0, trail.entries(AuditQuery.latest(10).since(Instant.now().plusSeconds(60))).size());
        assertThrows(IllegalArgumentException.class, () -> trail.record(AdminAction.SETTINGS, null, 0));
    }

    @Test
    void entriesOutliveThePurgeOfSentItemsAndLeaveAfterTheirOwnRetention() throws Exception {
        service(AuditTrail.class).record(AdminAction.SIGN_IN, "a token stored for https://track.example.com", 0);
        fixture.configure(fixture.newDirectory("elsewhere"), 1024);
        Await.until("Derby released the database", Duration.ofSeconds(30), () -> !Files.exists(directory.resolve("db.lck")));
        backdateEveryEntry(Duration.ofDays(2));
        store = configurations.configure(QueueStoreFixture.PID, Map.of("databaseDirectory", directory.toString(),
                "maxBlobBytes", 1024L, "auditRetentionDays", 3), QueueStore.class);
        QueueAdmin admin = service(QueueAdmin.class);

        admin.purgeSent(Duration.ZERO);

        List<AuditEntry> kept = service(AuditTrail.class).entries(AuditQuery.latest(10));
        assertEquals(List.of(AdminAction.PURGE, AdminAction.SIGN_IN), kept.stream().map(AuditEntry::action).toList());

        store = configurations.configure(QueueStoreFixture.PID, Map.of("databaseDirectory", directory.toString(),
                "maxBlobBytes", 1024L, "auditRetentionDays", 1), QueueStore.class);
        service(QueueAdmin.class).purgeSent(Duration.ZERO);

        assertEquals(List.of(AdminAction.PURGE, AdminAction.PURGE), service(AuditTrail.class)
                .entries(AuditQuery.latest(10)).stream().map(AuditEntry::action).toList(),
                "the sign-in two days ago is past a retention of one day");
    }

    /** An item the server rejected with {@code reason}. */
    private long failed(String reason) {
        QueueItem item = store.enqueue(EnqueueRequest.of("note", "{}"));
        List<QueueItem> claimed = store.claim(10, LEASE);
        assertTrue(claimed.stream().anyMatch(c -> c.id() == item.id()), claimed.toString());
        claimed.stream().filter(c -> c.id() != item.id()).forEach(c -> store.markSent(c.id()));
        store.markFailed(item.id(), reason);
        return item.id();
    }

    private void backdateEveryEntry(Duration age) throws SQLException {
        EmbeddedDriver driver = new EmbeddedDriver();
        try (Connection connection = driver.connect("jdbc:derby:" + directory, new Properties());
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE TB_AUDIT SET RECORDED_AT = RECORDED_AT - " + age.toMillis());
        }
        try (Connection ignored = driver.connect("jdbc:derby:" + directory + ";shutdown=true", new Properties())) {
            throw new AssertionError("Derby did not report the shutdown of " + directory);
        } catch (SQLException expected) {
            assertEquals("08006", expected.getSQLState(), expected.getMessage());
        }
    }

    /** The service as this bundle gets it: bundle-scoped, so this bundle is recorded as the origin. */
    private <S> S service(Class<S> type) {
        return configurations.await(context, type);
    }
}
