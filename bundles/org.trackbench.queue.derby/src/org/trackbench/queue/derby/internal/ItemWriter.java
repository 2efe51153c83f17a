package org.trackbench.queue.derby.internal;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;

/**
 * Inserts a validated request inside the caller's transaction, its blob first stored as an encrypted file
 * ({@link BlobFiles}) that the rows then name.
 */
final class ItemWriter {

    private static final String INSERT = "INSERT INTO TB_QUEUE_ITEM (ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, STATUS,"
            + " CREATED_AT, NEXT_ATTEMPT_AT, ORDERING_GROUP, ORDERED, BLOB_CONTENT_TYPE, BLOB_SIZE)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_BLOB = "INSERT INTO TB_QUEUE_BLOB (ITEM_ID, KEY_ID, NONCE, IN_FILE)"
            + " VALUES (?, ?, ?, TRUE)";
    private static final String DUPLICATE_KEY_STATE = "23505";

    private final long maxBlobBytes;
    private final BlobFiles blobs;
    private final BlockingOrder blocking;
    private final CrashPoint crashPoint;
    private final Duration ledgerRetention;
    /**
     * Ids come from here rather than a Derby identity column: Derby's identity generator gives up with
     * "lock could not be obtained" (40XL1) under concurrent inserts, and the embedded database belongs
     * to this process alone, so a counter seeded from the highest stored id is safe.
     */
    private final AtomicLong lastId;

    ItemWriter(long maxBlobBytes, long highestStoredId, BlobFiles blobs, BlockingOrder blocking, CrashPoint crashPoint,
            Duration ledgerRetention) {
        this.maxBlobBytes = maxBlobBytes;
        this.blobs = blobs;
        this.blocking = blocking;
        this.crashPoint = crashPoint;
        this.ledgerRetention = ledgerRetention;
        this.lastId = new AtomicLong(highestStoredId);
    }

    static long highestStoredId(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT COALESCE(MAX(ID), 0) FROM TB_QUEUE_ITEM")) {
            row.next();
            return row.getLong(1);
        }
    }

    /**
     * Inserts the item pending, then blocks it if a failed ordered item precedes it. The caller runs this under
     * {@link BlockingOrder#join}, so no failure of the group lands in between.
     */
    QueueItem insert(Connection connection, EnqueueRequest request, Instant now) throws SQLException {
        long id = lastId.incrementAndGet();
        if (request.blob() == null) {
            return insertRows(connection, id, request, null, now);
        }
        BlobFiles.Written blob = writeBlob(id, request);
        try {
            QueueItem item = insertRows(connection, id, request, blob, now);
            crashPoint.after(BlobStep.ROWS_INSERTED, id);
            return item;
        } catch (SQLException | RuntimeException e) {
            blobs.delete(List.of(id));
            throw e;
        }
    }

    private QueueItem insertRows(Connection connection, long id, EnqueueRequest request, BlobFiles.Written blob,
            Instant now) throws SQLException {
        String group = request.orderingGroup();
        UUID key = request.idempotencyKey() != null ? request.idempotencyKey() : UUID.randomUUID();
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setLong(1, id);
            insert.setString(2, request.entityType());
            insert.setString(3, key.toString());
            insert.setString(4, request.payload());
            insert.setString(5, ItemStatus.PENDING.label());
            insert.setLong(6, now.toEpochMilli());
            insert.setLong(7, dueAt(request, now).toEpochMilli());
            insert.setString(8, group);
            insert.setBoolean(9, request.ordered());
            if (blob == null) {
                insert.setNull(10, Types.VARCHAR);
            } else {
                insert.setString(10, request.blobContentType());
            }
            insert.setLong(11, blob == null ? 0 : blob.size());
            insert.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE_KEY_STATE.equals(e.getSQLState())) {
                throw new IllegalArgumentException("idempotencyKey " + key
                        + " is already queued; expected a key not used before, or none to let the store choose", e);
            }
            throw e;
        }
        if (blob != null) {
            try (PreparedStatement insert = connection.prepareStatement(INSERT_BLOB)) {
                insert.setLong(1, id);
                insert.setString(2, blob.keyId());
                insert.setString(3, blob.nonce());
                insert.executeUpdate();
            }
        }
        if (request.transition() != null) {
            if (request.transition().type().equals("start")) {
                Ledger.retire(connection, now.minus(ledgerRetention));
            }
            Ledger.append(connection, request.transition());
        }
        ItemStatus status = group != null && blocking.mayHoldFailure(group)
                && GroupBlocking.blockIfHeldByFailure(connection, group, id) ? ItemStatus.BLOCKED : ItemStatus.PENDING;
        return new QueueItem(id, request.entityType(), key, request.payload(), blob == null ? 0 : blob.size(),
                blob == null ? null : request.blobContentType(), status, 0, now, null, dueAt(request, now),
                null, group, request.ordered());
    }

    /** When the request's item is first due: now, or the time it is held until. */
    static Instant dueAt(EnqueueRequest request, Instant now) {
        Instant notBefore = request.notBefore();
        return notBefore != null && notBefore.isAfter(now) ? notBefore.truncatedTo(ChronoUnit.MILLIS) : now;
    }

    private BlobFiles.Written writeBlob(long id, EnqueueRequest request) {
        InputStream source;
        try {
            source = request.blob().open();
        } catch (IOException e) {
            throw new QueueException("Cannot read the blob of the " + request.entityType() + " item being enqueued: " + e, e);
        }
        try (SizeLimitedInputStream blob = new SizeLimitedInputStream(source, maxBlobBytes)) {
            return blobs.write(id, blob);
        } catch (SizeLimitedInputStream.BlobTooLargeException e) {
            throw new IllegalArgumentException("blob of the " + request.entityType()
                    + " item is larger than maxBlobBytes = " + maxBlobBytes + " bytes; expected at most that", e);
        } catch (IOException e) {
            throw new QueueException("Cannot store the blob of the " + request.entityType() + " item being enqueued in "
                    + blobs.file(id) + ": " + e, e);
        }
    }
}
