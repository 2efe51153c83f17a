package org.trackbench.core.sync;

/** What the sync is doing, as a person would put it. */
public enum SyncState {
    /** The server answers; items are delivered as they become due. */
    ONLINE,
    /** The server cannot be reached; the whole sync backs off and no item spends a retry. */
    OFFLINE,
    /** The server refused the token (401/403); sync waits for a new one and spends nothing. */
    SIGN_IN_NEEDED,
    /** An admin paused the sync. */
    PAUSED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }
}
