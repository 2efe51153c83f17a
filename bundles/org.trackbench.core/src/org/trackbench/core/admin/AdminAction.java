package org.trackbench.core.admin;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an admin did, as the audit trail records it. */
public enum AdminAction {
    /** Items made due again with fresh retries. */
    RETRY,
    /** An item's payload repaired in place. */
    EDIT,
    /** Items deleted with their blobs. */
    DELETE,
    /** Sent items deleted because of their age. */
    PURGE,
    /** Queue items written to an export file. */
    EXPORT,
    /** Unsent items written to a passphrase-protected bundle, to carry them to another machine. */
    BUNDLE_EXPORT,
    /** Items of a bundle from another machine queued with their idempotency keys. */
    BUNDLE_IMPORT,
    /** Time entries the server lacks queued again from the ledger, under new idempotency keys (since 1.1). */
    REQUEUE,
    /** A token stored for a server. */
    SIGN_IN,
    /** A server's token removed. */
    SIGN_OUT,
    /** A setting changed. */
    SETTINGS,
    /** The sync paused. */
    SYNC_PAUSE,
    /** The sync resumed. */
    SYNC_RESUME;

    /** The name people read and type: {@code retry}, {@code sync-pause}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses an action the way a person types it ({@code retry}, {@code sync-pause}, {@code SYNC_PAUSE}).
     *
     * @throws IllegalArgumentException naming the text and the accepted values
     */
    public static AdminAction parse(String text) {
        if (text != null) {
            String normalized = text.trim().replace('-', '_').toUpperCase(Locale.ROOT);
            for (AdminAction action : values()) {
                if (action.name().equals(normalized)) {
                    return action;
                }
            }
        }
        throw new IllegalArgumentException("action '" + text + "' is not one; expected one of "
                + Arrays.stream(values()).map(AdminAction::label).collect(Collectors.joining(", ")));
    }
}
