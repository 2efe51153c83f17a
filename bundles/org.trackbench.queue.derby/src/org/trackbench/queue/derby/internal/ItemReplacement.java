package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.UnknownItemException;

/**
 * An unsent item withdrawn in favour of another in place: same id, same place in its group, its blob deleted. What a
 * screenshot deleted under review or dropped over the quota becomes: its omission marker.
 */
final class ItemReplacement {

    private ItemReplacement() {
    }

    /** @throws IllegalArgumentException naming why the item cannot be replaced, or by this; nothing is changed then */
    static QueueItem apply(Connection connection, long id, EnqueueRequest replacement, Instant now) throws SQLException {
        QueueItem item = ItemRows.find(connection, id).orElseThrow(() -> new UnknownItemException(id));
        if (item.status() != ItemStatus.PENDING && item.status() != ItemStatus.BLOCKED) {
            throw new IllegalArgumentException("item " + id + " is " + item.status().label() + "; only a pending or"
                    + " blocked item is replaced (one in flight, sent or failed may be on the server already)");
        }
        if (item.ordered()) {
            throw new IllegalArgumentException("item " + id + " is an ordered member of group " + item.orderingGroup()
                    + "; only an unordered item is replaced, the order of the group's events being kept");
        }
        if (!Objects.equals(replacement.orderingGroup(), item.orderingGroup()) || replacement.ordered()
                || replacement.blob() != null || replacement.transition() != null) {
            throw new IllegalArgumentException("the replacement of item " + id + " is not accepted; expected an"
                    + " unordered member of group " + item.orderingGroup() + " without a blob or ledger transition");
        }
        UUID key = replacement.idempotencyKey() != null ? replacement.idempotencyKey() : UUID.randomUUID();
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET ENTITY_TYPE = ?,"
                + " PAYLOAD = ?, IDEMPOTENCY_KEY = ?, KEY_SPENT = FALSE, BLOB_SIZE = 0, BLOB_CONTENT_TYPE = NULL,"
                + " ATTEMPTS = 0, LAST_ATTEMPT_AT = NULL, LAST_ERROR = NULL, AWAITS_HANDLER = FALSE, NEXT_ATTEMPT_AT = ?"
                + " WHERE ID = ?");
                PreparedStatement dropBlob = connection.prepareStatement("DELETE FROM TB_QUEUE_BLOB WHERE ITEM_ID = ?")) {
            update.setString(1, replacement.entityType());
            update.setString(2, replacement.payload());
            update.setString(3, key.toString());
            update.setLong(4, ItemWriter.dueAt(replacement, now).toEpochMilli());
            update.setLong(5, id);
            update.executeUpdate();
            dropBlob.setLong(1, id);
            dropBlob.executeUpdate();
        }
        return ItemRows.find(connection, id).orElseThrow();
    }
}
