package org.trackbench.core.sync;

/** EventAdmin topics posted by the {@link SyncService}. */
public final class SyncEvents {

    /** The status changed; properties {@link #STATE} (a {@link SyncState} name) and {@link #STATUS} (the {@link SyncStatus}). */
    public static final String TOPIC_STATUS = "org/trackbench/sync/STATUS";

    public static final String STATE = "state";
    public static final String STATUS = "status";

    private SyncEvents() {
    }
}
