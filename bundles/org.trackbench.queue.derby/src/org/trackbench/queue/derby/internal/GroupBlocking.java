package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;

/**
 * Keeps the visible {@code blocked} state true: an item is blocked exactly when a failed ordered item of its
 * group precedes it. (Claiming never depends on this state: an unsent ordered predecessor already holds an item.)
 */
final class GroupBlocking {

    private GroupBlocking() {
    }

    static boolean groupHoldsFailure(Connection connection, String group) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM TB_QUEUE_ITEM WHERE ORDERING_GROUP = ?"
                + " AND ORDERED = TRUE AND STATUS = 'failed' FETCH FIRST 1 ROWS ONLY")) {
            query.setString(1, group);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        }
    }

    /** Blocks the pending items that follow a failed ordered item; returns how many. */
    static int blockFollowers(Connection connection, String group, long failedId) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'blocked'"
                + " WHERE ORDERING_GROUP = ? AND ID > ? AND STATUS = 'pending'")) {
            update.setString(1, group);
            update.setLong(2, failedId);
            return update.executeUpdate();
        }
    }

    /** Recomputes the blocked state of the given groups after failed items were retried or deleted. */
    static void recompute(Connection connection, Collection<String> groups) throws SQLException {
        try (PreparedStatement release = connection.prepareStatement(
                "UPDATE TB_QUEUE_ITEM SET STATUS = 'pending' WHERE ORDERING_GROUP = ? AND STATUS = 'blocked'");
                PreparedStatement block = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'blocked'"
                        + " WHERE ORDERING_GROUP = ? AND STATUS = 'pending' AND ID > (SELECT MIN(F.ID) FROM TB_QUEUE_ITEM F"
                        + " WHERE F.ORDERING_GROUP = ? AND F.ORDERED = TRUE AND F.STATUS = 'failed')")) {
            for (String group : groups) {
                release.setString(1, group);
                release.executeUpdate();
                block.setString(1, group);
                block.setString(2, group);
                block.executeUpdate();
            }
        }
    }
}
