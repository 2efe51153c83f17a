package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.Transition;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;

/**
 * Queues the events of time entries the server lost again, from the ledger: each as it was first queued, in the
 * entry's group and order, under a new idempotency key, since a server that still remembers the old keys would
 * answer them without creating anything. Checks every entry before it queues any.
 */
final class LedgerRequeue {

    private LedgerRequeue() {
    }

    static List<QueueItem> requeue(Connection connection, List<UUID> entryIds, ItemWriter writer, Instant now)
            throws SQLException {
        List<LedgerEntry> entries = new ArrayList<>();
        for (UUID id : entryIds) {
            LedgerEntry entry = Ledger.entry(connection, id).orElseThrow(() -> new IllegalArgumentException(
                    "time entry " + id + " is not in the ledger (never tracked here, or past its retention)"));
            long waiting = waiting(connection, id);
            if (waiting > 0) {
                throw new IllegalArgumentException("time entry " + id + " still has " + waiting + " event(s) waiting"
                        + " in the queue; they are delivered as they are, nothing needs queueing again");
            }
            entries.add(entry);
        }
        List<QueueItem> queued = new ArrayList<>();
        for (LedgerEntry entry : entries) {
            for (Transition transition : entry.transitions()) {
                queued.add(writer.insert(connection, EnqueueRequest.of(EntityTypes.TIME_ENTRY_EVENT, transition.payload())
                        .inGroup(entry.id().toString(), true), now));
            }
        }
        return queued;
    }

    private static long waiting(Connection connection, UUID entry) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM TB_QUEUE_ITEM"
                + " WHERE ORDERING_GROUP = ? AND ENTITY_TYPE = ? AND STATUS <> 'sent'")) {
            count.setString(1, entry.toString());
            count.setString(2, EntityTypes.TIME_ENTRY_EVENT);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }
}
