package org.trackbench.core.queue;

/**
 * EventAdmin topics a {@link QueueStore} posts after each committed change, so the sync job and
 * the admin views react without polling. Events carry no payload body, only the properties below.
 */
public final class QueueEvents {

    /** Common prefix; subscribe to {@code TOPIC_ALL} for every queue event. */
    public static final String TOPIC_BASE = "org/trackbench/queue/";
    public static final String TOPIC_ALL = TOPIC_BASE + "*";
    /** A new item was committed; property {@link #ITEM_ID}, {@link #ENTITY_TYPE}. */
    public static final String TOPIC_ENQUEUED = TOPIC_BASE + "ENQUEUED";
    /** Items changed status; property {@link #ITEM_IDS} and {@link #STATUS} (the new status). */
    public static final String TOPIC_CHANGED = TOPIC_BASE + "CHANGED";
    /** Items were deleted or purged; property {@link #COUNT}. */
    public static final String TOPIC_REMOVED = TOPIC_BASE + "REMOVED";
    /**
     * The disk holding the queue filled up (property {@link #SHORTAGE}, a {@link StorageShortage}) or has room again
     * (no such property).
     *
     * @since 1.4
     */
    public static final String TOPIC_STORAGE = TOPIC_BASE + "STORAGE";

    public static final String ITEM_ID = "itemId";
    public static final String ITEM_IDS = "itemIds";
    public static final String ENTITY_TYPE = "entityType";
    public static final String STATUS = "status";
    public static final String COUNT = "count";
    public static final String SHORTAGE = "shortage";

    private QueueEvents() {
    }
}
