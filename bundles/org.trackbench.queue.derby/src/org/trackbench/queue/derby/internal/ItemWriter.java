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
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;

/** Inserts a validated request, streaming its blob encrypted, inside the caller's transaction. */
final class ItemWriter {

    private static final String INSERT = "INSERT INTO TB_QUEUE_ITEM (ID, ENTITY_TYPE, IDEMPOTENCY_KEY, PAYLOAD, STATUS,"
            + " CREATED_AT, NEXT_ATTEMPT_AT, ORDERING_GROUP, ORDERED, BLOB_CONTENT_TYPE) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DUPLICATE_KEY_STATE = "23505";

    private final long maxBlobBytes;
    private final BlobCipher cipher;
    private final Duration ledgerRetention;
    /**
     * Ids come from here rather than a Derby identity column: Derby's identity generator gives up with
     * "lock could not be obtained" (40XL1) under concurrent inserts, and the embedded database belongs
     * to this process alone, so a counter seeded from the highest stored id is safe.
     */
    private final AtomicLong lastId;

    ItemWriter(long maxBlobBytes, long highestStoredId, BlobCipher cipher, Duration ledgerRetention) {
        this.maxBlobBytes = maxBlobBytes;
        this.cipher = cipher;
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
        String group = request.orderingGroup();
        UUID key = request.idempotencyKey() != null ? request.idempotencyKey() : UUID.randomUUID();
        long id = lastId.incrementAndGet();
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
            if (request.blob() == null) {
                insert.setNull(10, Types.VARCHAR);
            } else {
                insert.setString(10, request.blobContentType());
            }
            insert.executeUpdate();
        } catch (SQLException e) {
            if (DUPLICATE_KEY_STATE.equals(e.getSQLState())) {
                throw new IllegalArgumentException("idempotencyKey " + key
                        + " is already queued; expected a key not used before, or none to let the store choose", e);
            }
            throw e;
        }
        long blobSize = request.blob() == null ? 0 : insertBlob(connection, id, request);
        if (request.transition() != null) {
            if (request.transition().type().equals("start")) {
                Ledger.retire(connection, now.minus(ledgerRetention));
            }
            Ledger.append(connection, request.transition());
        }
        ItemStatus status = group != null && GroupBlocking.blockIfHeldByFailure(connection, group, id) ? ItemStatus.BLOCKED
                : ItemStatus.PENDING;
        return new QueueItem(id, request.entityType(), key, request.payload(), blobSize,
                request.blob() == null ? null : request.blobContentType(), status, 0, now, null, dueAt(request, now),
                null, group, request.ordered());
    }

    /** When the request's item is first due: now, or the time it is held until. */
    static Instant dueAt(EnqueueRequest request, Instant now) {
        Instant notBefore = request.notBefore();
        return notBefore != null && notBefore.isAfter(now) ? notBefore.truncatedTo(ChronoUnit.MILLIS) : now;
    }

    private long insertBlob(Connection connection, long id, EnqueueRequest request) throws SQLException {
        InputStream source;
        try {
            source = request.blob().open();
        } catch (IOException e) {
            throw new QueueException("Cannot read the blob of the " + request.entityType() + " item being enqueued: " + e, e);
        }
        try (SizeLimitedInputStream blob = new SizeLimitedInputStream(source, maxBlobBytes);
                PreparedStatement insert = connection
                        .prepareStatement("INSERT INTO TB_QUEUE_BLOB (ITEM_ID, DATA, KEY_ID, NONCE) VALUES (?, ?, ?, ?)");
                PreparedStatement size = connection
                        .prepareStatement("UPDATE TB_QUEUE_ITEM SET BLOB_SIZE = ? WHERE ID = ?")) {
            BlobCipher.Sealed sealed = cipher.seal(id, blob);
            insert.setLong(1, id);
            insert.setBinaryStream(2, sealed.ciphertext());
            insert.setString(3, sealed.keyId());
            insert.setString(4, sealed.nonce());
            try {
                insert.executeUpdate();
            } catch (SQLException e) {
                if (blob.count() > maxBlobBytes) {
                    throw new IllegalArgumentException("blob of the " + request.entityType()
                            + " item is larger than maxBlobBytes = " + maxBlobBytes + " bytes; expected at most that", e);
                }
                throw e;
            }
            size.setLong(1, blob.count());
            size.setLong(2, id);
            size.executeUpdate();
            return blob.count();
        } catch (IOException e) {
            throw new QueueException("Cannot read the blob of the " + request.entityType() + " item being enqueued: " + e, e);
        }
    }
}
