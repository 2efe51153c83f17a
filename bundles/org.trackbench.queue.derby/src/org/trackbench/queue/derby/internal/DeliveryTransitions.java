package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.trackbench.core.queue.AttemptOutcome;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.UnknownItemException;

/** The sender's transitions: claim under a lease, then sent, pending again, or failed. */
final class DeliveryTransitions {

    /**
     * Ordered items wait for every earlier unsent ordered item of their group. The optimizer overrides keep
     * Derby walking the (STATUS, ID) index and probing each group by index, stopping after the first rows:
     * left to itself it scans and sorts every pending item, 100 ms per claim with 10,000 waiting instead of
     * 0.3 ms (measured here).
     */
    private static final String NOT_HELD = " AND (Q.ORDERING_GROUP IS NULL OR NOT EXISTS (SELECT 1 FROM TB_QUEUE_ITEM P"
            + " --DERBY-PROPERTIES index=IX_ITEM_GROUP, joinStrategy=NESTEDLOOP\n"
            + " WHERE P.ORDERING_GROUP = Q.ORDERING_GROUP AND P.ORDERED = TRUE AND P.ID < Q.ID AND P.STATUS <> 'sent'))";
    private static final String CANDIDATES = "SELECT " + ItemRows.COLUMNS
            + " FROM TB_QUEUE_ITEM Q --DERBY-PROPERTIES index=IX_ITEM_STATUS_ID\n WHERE Q.STATUS = ";
    /** Due pending items, oldest first. */
    private static final String DUE = CANDIDATES + "'pending' AND Q.NEXT_ATTEMPT_AT <= ?" + NOT_HELD
            + " ORDER BY Q.ID FETCH FIRST ? ROWS ONLY";
    /** Claimed items whose lease ran out: their sender died or hangs. */
    private static final String EXPIRED = CANDIDATES + "'in_flight' AND Q.LEASE_UNTIL <= ?" + NOT_HELD
            + " ORDER BY Q.ID FETCH FIRST ? ROWS ONLY";
    /**
     * When a claim can next return something: the earliest next attempt of the pending items nothing holds, or
     * the earliest lease to run out. A held item's own next attempt says nothing: it waits for its predecessor.
     */
    private static final String NEXT_CLAIMABLE = "SELECT MIN(Q.NEXT_ATTEMPT_AT) FROM TB_QUEUE_ITEM Q"
            + " --DERBY-PROPERTIES index=IX_ITEM_STATUS_ID\n WHERE Q.STATUS = 'pending'" + NOT_HELD
            + " UNION ALL SELECT MIN(LEASE_UNTIL) FROM TB_QUEUE_ITEM WHERE STATUS = 'in_flight'";
    private static final String LEASE = "UPDATE TB_QUEUE_ITEM SET STATUS = 'in_flight', LEASE_UNTIL = ?, LAST_ATTEMPT_AT = ?"
            + " WHERE ID = ? AND (STATUS = 'pending' OR (STATUS = 'in_flight' AND LEASE_UNTIL <= ?))";

    private DeliveryTransitions() {
    }

    static List<QueueItem> claim(Connection connection, int max, Duration lease, Instant now) throws SQLException {
        if (max < 1) {
            throw new IllegalArgumentException("max " + max + " is out of range; expected at least 1");
        }
        if (lease == null || lease.isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease " + lease + " is not accepted; expected a positive duration");
        }
        List<QueueItem> due = new ArrayList<>(candidates(connection, EXPIRED, now, max));
        if (due.size() < max) {
            due.addAll(candidates(connection, DUE, now, max - due.size()));
        }
        List<QueueItem> claimed = new ArrayList<>(due.size());
        try (PreparedStatement update = connection.prepareStatement(LEASE)) {
            for (QueueItem item : due) {
                update.setLong(1, now.plus(lease).toEpochMilli());
                update.setLong(2, now.toEpochMilli());
                update.setLong(3, item.id());
                update.setLong(4, now.toEpochMilli());
                if (update.executeUpdate() == 1) {
                    claimed.add(new QueueItem(item.id(), item.entityType(), item.idempotencyKey(), item.payload(),
                            item.blobSize(), item.blobContentType(), ItemStatus.IN_FLIGHT, item.attempts(),
                            item.createdAt(), now, item.nextAttemptAt(), item.lastError(), item.orderingGroup(),
                            item.ordered()));
                }
            }
        }
        return claimed;
    }

    static Optional<Instant> nextClaimable(Connection connection) throws SQLException {
        Optional<Instant> earliest = Optional.empty();
        try (PreparedStatement query = connection.prepareStatement(NEXT_CLAIMABLE); ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                long millis = rows.getLong(1);
                if (!rows.wasNull() && earliest.map(at -> millis < at.toEpochMilli()).orElse(true)) {
                    earliest = Optional.of(Instant.ofEpochMilli(millis));
                }
            }
        }
        return earliest;
    }

    /**
     * Returns every in-flight item to pending. Only called while opening: the embedded database is locked to
     * this process, so every lease found then belongs to a process that died before finishing its attempt.
     */
    static List<Long> releaseOrphanedLeases(Connection connection) throws SQLException {
        List<Long> ids;
        try (PreparedStatement query = connection.prepareStatement("SELECT ID FROM TB_QUEUE_ITEM WHERE STATUS = 'in_flight'")) {
            ids = AdminOperations.ids(query);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE TB_QUEUE_ITEM SET STATUS = 'pending', LEASE_UNTIL = NULL WHERE STATUS = 'in_flight'")) {
            update.executeUpdate();
        }
        return ids;
    }

    private static List<QueueItem> candidates(Connection connection, String sql, Instant now, int max)
            throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, now.toEpochMilli());
            query.setInt(2, max);
            return ItemRows.readAll(query);
        }
    }

    /** Marks the item sent and drops its blob row; whether it had one. */
    static boolean markSent(Connection connection, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'sent',"
                + " LEASE_UNTIL = NULL, LAST_ERROR = NULL, BLOB_SIZE = 0, BLOB_CONTENT_TYPE = NULL"
                + " WHERE ID = ? AND STATUS = 'in_flight'");
                PreparedStatement dropBlob = connection.prepareStatement("DELETE FROM TB_QUEUE_BLOB WHERE ITEM_ID = ?")) {
            update.setLong(1, id);
            requireInFlight(connection, id, update.executeUpdate(), "sent");
            dropBlob.setLong(1, id);
            return dropBlob.executeUpdate() > 0;
        }
    }

    static void reschedule(Connection connection, long id, AttemptOutcome outcome) throws SQLException {
        backToPending(connection, id, outcome, false);
    }

    /** As {@link #reschedule}, spending nothing, marked as waiting for a handler of its type. */
    static void awaitHandler(Connection connection, long id, Instant retryAt, String reason) throws SQLException {
        backToPending(connection, id, new AttemptOutcome(retryAt, reason, false), true);
    }

    private static void backToPending(Connection connection, long id, AttemptOutcome outcome, boolean awaitsHandler)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'pending',"
                + " LEASE_UNTIL = NULL, NEXT_ATTEMPT_AT = ?, LAST_ERROR = ?, ATTEMPTS = ATTEMPTS + ?, AWAITS_HANDLER = ?"
                + " WHERE ID = ? AND STATUS = 'in_flight'")) {
            update.setLong(1, outcome.nextAttemptAt().toEpochMilli());
            update.setString(2, ItemRows.truncateError(outcome.error()));
            update.setInt(3, outcome.countsAsAttempt() ? 1 : 0);
            update.setBoolean(4, awaitsHandler);
            update.setLong(5, id);
            requireInFlight(connection, id, update.executeUpdate(), "rescheduled");
        }
    }

    /** Makes the items waiting for a handler of {@code entityType} due {@code now}; returns their ids. */
    static List<Long> releaseAwaitingHandler(Connection connection, String entityType, Instant now) throws SQLException {
        List<Long> released;
        try (PreparedStatement query = connection.prepareStatement("SELECT ID FROM TB_QUEUE_ITEM"
                + " WHERE AWAITS_HANDLER AND ENTITY_TYPE = ? AND STATUS = 'pending' ORDER BY ID")) {
            query.setString(1, entityType);
            released = AdminOperations.ids(query);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET NEXT_ATTEMPT_AT = ?,"
                + " AWAITS_HANDLER = FALSE WHERE AWAITS_HANDLER AND ENTITY_TYPE = ? AND STATUS = 'pending'")) {
            update.setLong(1, now.toEpochMilli());
            update.setString(2, entityType);
            update.executeUpdate();
        }
        return released;
    }

    /** Returns the ids of the followers it blocked. */
    /** Makes a claimed item a dead letter; {@code rejected}: the server refused it, and its key is spent. */
    static List<Long> markFailed(Connection connection, long id, String reason, boolean rejected) throws SQLException {
        QueueItem item = ItemRows.find(connection, id).orElseThrow(() -> new UnknownItemException(id));
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'failed',"
                + " LEASE_UNTIL = NULL, LAST_ERROR = ?, ATTEMPTS = ATTEMPTS + 1" + (rejected ? ", KEY_SPENT = TRUE" : "")
                + " WHERE ID = ? AND STATUS = 'in_flight'")) {
            update.setString(1, ItemRows.truncateError(reason == null ? "failed" : reason));
            update.setLong(2, id);
            requireInFlight(connection, id, update.executeUpdate(), "failed");
        }
        if (item.ordered() && item.orderingGroup() != null) {
            List<Long> followers = AdminOperations.idsWithStatus(connection, item.orderingGroup(), id, "pending");
            GroupBlocking.blockFollowers(connection, item.orderingGroup(), id);
            return followers;
        }
        return List.of();
    }

    private static void requireInFlight(Connection connection, long id, int updated, String transition)
            throws SQLException {
        if (updated == 1) {
            return;
        }
        QueueItem item = ItemRows.find(connection, id).orElseThrow(() -> new UnknownItemException(id));
        throw new QueueException("Item " + id + " cannot be " + transition + ": it is " + item.status().label()
                + ", and only an in_flight (claimed) item can be");
    }
}
