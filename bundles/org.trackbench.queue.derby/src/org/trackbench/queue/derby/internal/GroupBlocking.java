package org.trackbench.queue.derby.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps the visible {@code blocked} state true: an item is blocked exactly when a failed ordered item of its
 * group precedes it. (Claiming never depends on this state: an unsent ordered predecessor already holds an item.)
 */
final class GroupBlocking {

    private GroupBlocking() {
    }

    /** The groups holding a failed ordered item. */
    static Set<String> groupsWithFailures(Connection connection) throws SQLException {
        Set<String> groups = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(
                "SELECT DISTINCT ORDERING_GROUP FROM TB_QUEUE_ITEM WHERE STATUS = 'failed' AND ORDERED = TRUE")) {
            while (rows.next()) {
                groups.add(rows.getString(1));
            }
        }
        return groups;
    }

    /** Blocks item {@code id} if a failed ordered item of its group precedes it; returns whether it did. */
    static boolean blockIfHeldByFailure(Connection connection, String group, long id) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE TB_QUEUE_ITEM SET STATUS = 'blocked'"
                + " WHERE ID = ? AND STATUS = 'pending' AND EXISTS (SELECT 1 FROM TB_QUEUE_ITEM F WHERE F.ORDERING_GROUP = ?"
                + " AND F.ORDERED = TRUE AND F.STATUS = 'failed' AND F.ID < ?)")) {
            update.setLong(1, id);
            update.setString(2, group);
            update.setLong(3, id);
            return update.executeUpdate() == 1;
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
