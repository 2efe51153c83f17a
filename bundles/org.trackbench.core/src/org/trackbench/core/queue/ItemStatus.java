package org.trackbench.core.queue;

import java.util.Map;
import java.util.Set;

/**
 * Where an item is in its life. The only paths are {@code PENDING → IN_FLIGHT → SENT | PENDING | FAILED};
 * {@code BLOCKED} items wait behind a failed ordered predecessor of their group and return to
 * {@code PENDING} when an admin retries or deletes it.
 */
public enum ItemStatus {
    /** Waiting to be delivered, at or after its next attempt time. */
    PENDING,
    /** Claimed by a sender under a lease; returns to {@code PENDING} if the lease expires. */
    IN_FLIGHT,
    /** Accepted by the server. Terminal; the blob is already dropped. */
    SENT,
    /** Dead letter: the server rejected the item itself, or its retries are spent. */
    FAILED,
    /** Held behind a failed ordered item of the same ordering group. */
    BLOCKED;

    /** The statuses of items not delivered yet: everything but {@link #SENT}. @since 1.5 */
    public static final Set<ItemStatus> UNDELIVERED = Set.of(PENDING, IN_FLIGHT, FAILED, BLOCKED);

    /**
     * How many items are not delivered yet, from counts by status such as {@code QueueStore.countByStatus()}.
     *
     * @since 1.5
     */
    public static long undelivered(Map<ItemStatus, Long> counts) {
        return UNDELIVERED.stream().mapToLong(status -> counts.getOrDefault(status, 0L)).sum();
    }

    /** Lower-case name used in the database, events and admin output. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * Parses a status the way a person types it ({@code failed}, {@code in_flight}, {@code IN-FLIGHT}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ItemStatus parse(String text) {
        if (text != null) {
            String normalized = text.trim().replace('-', '_').toUpperCase(java.util.Locale.ROOT);
            for (ItemStatus status : values()) {
                if (status.name().equals(normalized)) {
                    return status;
                }
            }
        }
        throw new IllegalArgumentException("Unknown item status '" + text
                + "'; expected one of pending, in_flight, sent, failed, blocked");
    }
}
