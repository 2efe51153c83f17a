package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.UnknownItemException;

/** An admin's repair of one item's payload in place: same id, same place in its group, due at once. */
final class PayloadEdit {

    /**
     * What an edit did.
     *
     * @param before the item as it was
     * @param after the item as it is now
     * @param newKey whether it got a new idempotency key, the server having refused the old one
     */
    record Result(QueueItem before, QueueItem after, boolean newKey) {
    }

    private PayloadEdit() {
    }

    /** @throws IllegalArgumentException if the item is neither failed nor blocked; nothing is changed then */
    static Result apply(Connection connection, long id, String payload, Instant now) throws SQLException {
        QueueItem before = ItemRows.find(connection, id).orElseThrow(() -> new UnknownItemException(id));
        if (before.status() != ItemStatus.FAILED && before.status() != ItemStatus.BLOCKED) {
            throw new IllegalArgumentException("item " + id + " is " + before.status().label() + "; only a failed or"
                    + " blocked item is edited (a pending one is still being delivered as it is)");
        }
        boolean newKey = keySpent(connection, id);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE TB_QUEUE_ITEM SET PAYLOAD = ?, IDEMPOTENCY_KEY = ?, KEY_SPENT = FALSE WHERE ID = ?")) {
            update.setString(1, payload);
            update.setString(2, (newKey ? UUID.randomUUID() : before.idempotencyKey()).toString());
            update.setLong(3, id);
            update.executeUpdate();
        }
        AdminOperations.retry(connection, List.of(id), now);
        return new Result(before, ItemRows.find(connection, id).orElseThrow(), newKey);
    }

    private static boolean keySpent(Connection connection, long id) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT KEY_SPENT FROM TB_QUEUE_ITEM WHERE ID = ?")) {
            query.setLong(1, id);
            try (ResultSet row = query.executeQuery()) {
                return row.next() && row.getBoolean(1);
            }
        }
    }
}
