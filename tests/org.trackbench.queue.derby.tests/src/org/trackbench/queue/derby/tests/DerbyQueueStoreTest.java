package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.derby.jdbc.EmbeddedDriver;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.ledger.Transition;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.RetentionHold;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.DatabaseDamage;
import org.trackbench.testing.QueueStoreFixture;

/** The contract, plus what is Derby's own: events, schema migration, damaged databases. Runs in Equinox. */
class DerbyQueueStoreTest extends QueueStoreContractTest {

    private static final long DEFAULT_MAX_BLOB = 20L * 1024 * 1024;

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private Path directory;
    private QueueStore store;

    @BeforeEach
    void openFreshStore() {
        directory = fixture.newDirectory("contract");
        store = fixture.configure(directory, DEFAULT_MAX_BLOB);
    }

    @Override
    protected QueueStore store() {
        return store;
    }

    @Override
    protected QueueStore restartAsAfterCrash() {
        store = fixture.configure(directory, DEFAULT_MAX_BLOB);
        return store;
    }

    @Override
    protected QueueStore withMaxBlobBytes(long maxBlobBytes) {
        store = fixture.configure(directory, maxBlobBytes);
        return store;
    }

    @Test
    void aPayloadTheHandlerOfItsTypeRefusesIsNotStored() {
        EntityHandler checking = new EntityHandler() {
            @Override
            public String entityType() {
                return "checked";
            }

            @Override
            public void validate(String payloadJson) {
                if (!payloadJson.contains("\"level\"")) {
                    throw new IllegalArgumentException("checked level is missing; expected {\"level\":1..5}");
                }
            }

            @Override
            public OutboundRequest request(QueueItem item) {
                return OutboundRequest.postJson("/api/v1/checked");
            }

            @Override
            public String summary(QueueItem item) {
                return "checked";
            }
        };
        ServiceRegistration<EntityHandler> registration = fixture.context().registerService(EntityHandler.class, checking,
                new Hashtable<>(Map.of(EntityHandler.ENTITY_TYPE, "checked")));
        try {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> store.enqueue(EnqueueRequest.of("checked", "{\"lvl\":3}")));
            assertEquals("checked level is missing; expected {\"level\":1..5}", refused.getMessage());
            assertEquals(0, store.count(QueueQuery.all(1).withEntityTypes(Set.of("checked"))), "nothing is stored");
            store.enqueue(EnqueueRequest.of("checked", "{\"level\":3}"));
        } finally {
            registration.unregister();
        }
        store.enqueue(EnqueueRequest.of("checked", "{\"lvl\":3}"));
        assertEquals(2, store.count(QueueQuery.all(1).withEntityTypes(Set.of("checked"))),
                "without a handler the item is stored as it is, to wait for one");
    }

    @Test
    void aHeldGroupKeepsItsItemsThroughPurgeAndDelete() throws InterruptedException {
        String entry = "2b1f0d2e-5c3a-4f0e-9a8b-7c6d5e4f3a2b";
        QueueItem start = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(entry, true));
        QueueItem other = store.enqueue(EnqueueRequest.of("note", "{\"text\":\"not held\"}"));
        store.claim(10, LEASE);
        store.markSent(start.id());
        store.markSent(other.id());
        // The store keeps milliseconds and purges what was sent before now.
        Thread.sleep(5);
        RetentionHold hold = () -> Map.of(entry, "the running time entry");
        // Service events are synchronous: the store has bound the hold when registerService returns.
        ServiceRegistration<RetentionHold> registration = fixture.context().registerService(RetentionHold.class, hold, null);
        try {
            store.purgeSent(Duration.ZERO);
            assertTrue(store.find(other.id()).isEmpty(), "what is not held is purged");
            assertTrue(store.find(start.id()).isPresent(), "the held entry's start survives the purge");

            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> store.delete(List.of(start.id())));
            assertTrue(refused.getMessage().contains("item " + start.id() + " belongs to the running time entry (" + entry + ")"),
                    refused.getMessage());
            assertTrue(store.find(start.id()).isPresent(), "nothing was deleted");

            QueueItem shot = store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-30T09:05:00Z\"}")
                    .inGroup(entry, false).withBlob(BlobSource.of(new byte[] { 7 }), "image/png"));
            store.replace(shot.id(), EnqueueRequest.of("screenshot_omitted",
                    "{\"capturedAt\":\"2026-11-30T09:05:00Z\",\"reason\":\"deleted_by_user\"}").inGroup(entry, false));
            assertEquals("screenshot_omitted", store.find(shot.id()).orElseThrow().entityType(),
                    "a replacement keeps the held group's record, so no hold refuses it");
        } finally {
            registration.unregister();
        }
        store.purgeSent(Duration.ZERO);
        assertTrue(store.find(start.id()).isEmpty(), "once released, it is purged like any sent item");
    }

    @Test
    void storeIsRegisteredWithItsConfiguration() {
        assertTrue(Files.isRegularFile(directory.resolve("service.properties")), "the database lives where configured");
        assertEquals(0, totalItems());
    }

    @Test
    void committedChangesArePostedAsEvents() throws InterruptedException {
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        ServiceRegistration<EventHandler> registration = fixture.context().registerService(EventHandler.class,
                events::add, new Hashtable<>(Map.of(EventConstants.EVENT_TOPIC, QueueEvents.TOPIC_ALL)));
        try {
            QueueItem item = givenNote("a");
            Event enqueued = events.poll(30, TimeUnit.SECONDS);
            assertEquals(QueueEvents.TOPIC_ENQUEUED, enqueued.getTopic());
            assertEquals(item.id(), enqueued.getProperty(QueueEvents.ITEM_ID));
            assertEquals("note", enqueued.getProperty(QueueEvents.ENTITY_TYPE));

            store.claim(1, LEASE);
            store.markSent(item.id());

            assertEquals(ItemStatus.IN_FLIGHT.label(), events.poll(30, TimeUnit.SECONDS).getProperty(QueueEvents.STATUS));
            Event sent = events.poll(30, TimeUnit.SECONDS);
            assertEquals(QueueEvents.TOPIC_CHANGED, sent.getTopic());
            assertEquals(ItemStatus.SENT.label(), sent.getProperty(QueueEvents.STATUS));
        } finally {
            registration.unregister();
        }
    }

    @Test
    void databaseOfTheFirstSchemaIsMigratedInPlace() throws Exception {
        Path old = fixture.newDirectory("schema-v1");
        createFirstSchemaDatabase(old);

        QueueStore migrated = fixture.configure(old, DEFAULT_MAX_BLOB);

        List<QueueItem> items = migrated.claim(10, LEASE);
        assertEquals(2, items.size());
        QueueItem shot = items.get(1);
        assertEquals("screenshot", shot.entityType());
        assertEquals(4, shot.blobSize());
        assertEquals("application/octet-stream", shot.blobContentType(), "old blobs get a generic media type");
        try (InputStream in = migrated.openBlob(shot.id())) {
            assertEquals("JPEG", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        }
        QueueItem fresh = migrated.enqueue(EnqueueRequest.of("note", "{}"));
        assertTrue(fresh.id() > shot.id());
    }

    @Test
    void anItemThatWaitedForAHandlerBeforeSchema4IsReleasedWhenOneArrives() throws Exception {
        Path old = fixture.newDirectory("schema-v1-waiting");
        // How the sync of schema 3 set an item aside: pending, a late next attempt, the reason as its last error.
        createFirstSchemaDatabase(old, "UPDATE TB_QUEUE_ITEM SET NEXT_ATTEMPT_AT = " + Long.MAX_VALUE / 2
                + ", LAST_ERROR = 'no handler installed for entity type note' WHERE ID = 1");

        QueueStore migrated = fixture.configure(old, DEFAULT_MAX_BLOB);

        assertEquals(1, migrated.releaseAwaitingHandler("note"), "the migration marked it as waiting");
        assertEquals(List.of(1L, 2L), migrated.claim(10, LEASE).stream().map(QueueItem::id).toList());
    }

    @Test
    void itemsFailedBeforeSchema7AreSortedIntoRefusedAndUnknownForTheirRepair() throws Exception {
        Path old = fixture.newDirectory("schema-v1-failed");
        createFirstSchemaDatabase(old, "UPDATE TB_QUEUE_ITEM SET STATUS = 'failed', LAST_ERROR = 'HTTP 422: unknown project'"
                + " WHERE ID = 1", "UPDATE TB_QUEUE_ITEM SET ENTITY_TYPE = 'note', STATUS = 'failed',"
                + " LAST_ERROR = 'gave up after 10 attempts; last: timed out' WHERE ID = 2");
        fixture.configure(old, DEFAULT_MAX_BLOB);
        QueueAdmin admin = new Configurations().await(fixture.context(), QueueAdmin.class);

        QueueItem refused = admin.edit(1, "{\"project\":\"Acme\"}");
        QueueItem unknown = admin.edit(2, "{\"project\":\"Acme\"}");

        assertNotEquals(UUID.fromString("6b0f1c2e-1111-4a4a-9c9c-000000000001"), refused.idempotencyKey());
        assertEquals(UUID.fromString("6b0f1c2e-1111-4a4a-9c9c-000000000002"), unknown.idempotencyKey());
    }

    @Test
    void theTimeEntriesStillQueuedFillTheLedgerWhenADatabaseReachesSchema8() throws Exception {
        Path old = fixture.newDirectory("schema-v1-ledger");
        String entry = "6b0f1c2e-2222-4a4a-9c9c-000000000001";
        createFirstSchemaDatabase(old, event(3, entry, "start", "2026-11-30T09:00:00Z", ",\"description\":\"Before\""),
                event(4, entry, "pause", "2026-11-30T09:10:00Z", ""), event(5, entry, "resume", "2026-11-30T09:15:00Z", ""));
        fixture.configure(old, DEFAULT_MAX_BLOB);

        LedgerEntry restored = new Configurations().await(TimeLedger.class, "").latest().orElseThrow();

        assertEquals(UUID.fromString(entry), restored.id());
        assertEquals("Before", restored.description());
        assertEquals(List.of("start", "pause", "resume"), restored.transitions().stream().map(Transition::type).toList());
        assertEquals(Duration.ofMinutes(10), restored.worked(), "time worked read from the instants of old events");
    }

    private static String event(long id, String entry, String type, String at, String more) {
        return "INSERT INTO TB_QUEUE_ITEM (ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, STATUS, CREATED_AT, NEXT_ATTEMPT_AT,"
                + " ORDERING_GROUP, ORDERED) VALUES (" + id + ", 'time_entry_event', '" + UUID.randomUUID() + "', '{\"type\":\""
                + type + "\",\"at\":\"" + at + "\"" + more + "}', 'sent', " + id + ", " + id + ", '" + entry + "', TRUE)";
    }

    @Test
    void aNewDatabaseAndAMigratedOneKeepTheirLogInFilesOfSixteenMegabytes() throws Exception {
        Path old = fixture.newDirectory("schema-v1-log");
        createFirstSchemaDatabase(old);

        for (Path database : List.of(directory, old)) {
            fixture.configure(database, DEFAULT_MAX_BLOB).enqueue(EnqueueRequest.of("note", "{}")
                    .withBlob(BlobSource.of(new byte[4 * 1024 * 1024]), "application/octet-stream"));

            try (Stream<Path> files = Files.list(database.resolve("log"))) {
                assertEquals(1, files.filter(file -> file.getFileName().toString().endsWith(".dat")).count(),
                        "Derby's default starts a new log file every megabyte: " + database);
            }
        }
    }

    @Test
    void anEmptyDirectoryBecomesTheDatabase() throws Exception {
        Path empty = fixture.newDirectory("empty");
        Files.createDirectories(empty);

        QueueStore created = fixture.configure(empty, DEFAULT_MAX_BLOB);
        QueueItem item = created.enqueue(EnqueueRequest.of("note", "{}"));

        assertTrue(created.find(item.id()).isPresent());
        assertTrue(Files.isRegularFile(empty.resolve("service.properties")));
    }

    @Test
    void aCreationCutShortIsDiscardedAndTheDatabaseCreatedAnew() throws Exception {
        Path target = fixture.newDirectory("cut-short");
        Path leftover = target.resolveSibling("." + target.getFileName() + ".creating");
        Files.createDirectories(leftover.resolve(target.getFileName()).resolve("seg0"));
        Files.writeString(leftover.resolve(target.getFileName()).resolve("service.properties"), "half written");

        QueueStore created = fixture.configure(target, DEFAULT_MAX_BLOB);

        assertTrue(created.countByStatus().values().stream().allMatch(count -> count == 0), "an empty queue");
        assertTrue(Files.notExists(leftover), "the half-made database is gone");
    }

    @Test
    void corruptDatabaseIsReportedNotRegisteredAndLeftUntouched() throws Exception {
        givenNote("precious");
        Path corrupt = directory;
        fixture.configure(fixture.newDirectory("elsewhere"), DEFAULT_MAX_BLOB);
        Await.until("Derby released the database", Duration.ofSeconds(30), () -> !Files.exists(corrupt.resolve("db.lck")));
        DatabaseDamage.garble(corrupt);
        Map<String, Long> before = snapshot(corrupt);

        String reason = fixture.refusal(corrupt);

        assertTrue(reason.contains(corrupt.toString()), reason);
        assertTrue(reason.contains("left untouched"), reason);
        assertEquals(before, snapshot(corrupt), "the damaged files are kept exactly as they were");
    }

    @Test
    void databaseLockedByAnotherProcessIsReportedNotRegistered() throws Exception {
        givenNote("kept");
        Path locked = directory;
        fixture.configure(fixture.newDirectory("elsewhere"), DEFAULT_MAX_BLOB);

        try (DerbyInAnotherProcess other = DerbyInAnotherProcess.holding(fixture.context(), locked,
                Duration.ofSeconds(60))) {
            String reason = fixture.refusal(locked);

            assertTrue(reason.contains(locked.toString()), reason);
            assertTrue(reason.contains("Another instance of Derby may have already booted"), reason);
        }
        QueueStore reopened = fixture.configure(locked, DEFAULT_MAX_BLOB);
        assertEquals(1, reopened.countByStatus().get(ItemStatus.PENDING), "nothing was lost");
    }

    /** Runs where file modes bind: root writes anywhere, so there it is skipped (CI runs as root). */
    @Test
    void readOnlyDatabaseIsReportedNotRegisteredAndLeftUntouched() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root ignores file modes");
        givenNote("read only");
        Path readOnly = directory;
        fixture.configure(fixture.newDirectory("elsewhere"), DEFAULT_MAX_BLOB);
        Await.until("Derby released the database", Duration.ofSeconds(30), () -> !Files.exists(readOnly.resolve("db.lck")));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        try {
            Map<String, Long> before = snapshot(readOnly);

            String reason = fixture.refusal(readOnly);

            assertTrue(reason.contains(readOnly.toString()) && reason.contains("not writable"), reason);
            assertEquals(before, snapshot(readOnly), "the files are kept exactly as they were");
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void directoryThatIsNotADatabaseIsNeverTouched() throws Exception {
        Path foreign = fixture.newDirectory("foreign");
        Files.createDirectories(foreign);
        Files.writeString(foreign.resolve("notes.txt"), "mine");

        String reason = fixture.refusal(foreign);

        assertTrue(reason.contains("holds no Derby database"), reason);
        try (Stream<Path> files = Files.list(foreign)) {
            assertEquals(List.of(foreign.resolve("notes.txt")), files.toList());
        }
    }

    /** Builds a database exactly as the first released schema left it, using the store's own V1 script. */
    private void createFirstSchemaDatabase(Path target, String... laterChanges) throws IOException, SQLException {
        Bundle storeBundle = Stream.of(fixture.context().getBundles())
                .filter(b -> b.getSymbolicName().equals("org.trackbench.queue.derby")).findFirst().orElseThrow();
        URL script = storeBundle.getEntry("db/V1__queue.sql");
        String sql;
        try (InputStream in = script.openStream()) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.createDirectories(target.getParent());
        EmbeddedDriver driver = new EmbeddedDriver();
        try (Connection connection = driver.connect("jdbc:derby:" + target + ";create=true", new Properties());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE TB_SCHEMA_VERSION (VERSION INT NOT NULL)");
            statement.execute("INSERT INTO TB_SCHEMA_VERSION VALUES (1)");
            for (String ddl : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl.strip());
                }
            }
            statement.execute("INSERT INTO TB_QUEUE_ITEM (ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, STATUS,"
                    + " CREATED_AT, NEXT_ATTEMPT_AT) VALUES (1, 'note', '6b0f1c2e-1111-4a4a-9c9c-000000000001', '{}', 'pending', 1, 1)");
            statement.execute("INSERT INTO TB_QUEUE_ITEM (ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, STATUS,"
                    + " CREATED_AT, NEXT_ATTEMPT_AT, BLOB_SIZE) VALUES (2, 'screenshot', '6b0f1c2e-1111-4a4a-9c9c-000000000002', '{}',"
                    + " 'pending', 2, 2, 4)");
            try (PreparedStatement blob = connection
                    .prepareStatement("INSERT INTO TB_QUEUE_BLOB (ITEM_ID, DATA) SELECT ID, ? FROM TB_QUEUE_ITEM"
                            + " WHERE ENTITY_TYPE = 'screenshot'")) {
                blob.setBytes(1, "JPEG".getBytes(StandardCharsets.US_ASCII));
                blob.executeUpdate();
            }
            for (String change : laterChanges) {
                statement.execute(change);
            }
        }
        try {
            driver.connect("jdbc:derby:" + target + ";shutdown=true", new Properties()).close();
        } catch (SQLException expected) {
            assertEquals("08006", expected.getSQLState(), expected.getMessage());
        }
    }

    /** Checksums of the database's files; Derby's lock files (db.lck, dbex.lck) hold no data and come and go with each boot attempt. */
    private static Map<String, Long> snapshot(Path root) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Map<String, Long> sums = new TreeMap<>();
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> !f.getFileName().toString().endsWith(".lck")).filter(Files::isRegularFile).toList()) {
                    sums.put(root.relativize(file).toString(), checksum(Files.readAllBytes(file)));
                }
                return sums;
            } catch (java.io.UncheckedIOException | java.nio.file.NoSuchFileException e) {
                if (attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static long checksum(byte[] bytes) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(bytes);
        return crc.getValue() ^ ((long) bytes.length << 32);
    }
}
