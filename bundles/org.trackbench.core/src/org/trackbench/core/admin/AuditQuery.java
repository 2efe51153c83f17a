package org.trackbench.core.admin;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * Which entries of the audit trail to read, newest first.
 *
 * @param since only entries recorded at or after this instant, {@code null} for all
 * @param actions only these actions; empty for all
 * @param text a substring to find in the user, origin or detail, ignoring case; {@code null} or blank for none
 * @param limit at most this many entries, 1 to {@value #MAX_LIMIT}
 */
public record AuditQuery(Instant since, Set<AdminAction> actions, String text, int limit) {

    public static final int MAX_LIMIT = 10_000;

    public AuditQuery {
        actions = Set.copyOf(Objects.requireNonNull(actions, "actions"));
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit " + limit + " is out of range; expected 1 to " + MAX_LIMIT);
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditQuery latest(int limit) {
        return new AuditQuery(null, Set.of(), null, limit);
    }

    public AuditQuery since(Instant newSince) {
        return new AuditQuery(newSince, actions, text, limit);
    }

    public AuditQuery withActions(Set<AdminAction> newActions) {
        return new AuditQuery(since, newActions, text, limit);
    }

    public AuditQuery withText(String newText) {
        return new AuditQuery(since, actions, newText, limit);
    }
}
