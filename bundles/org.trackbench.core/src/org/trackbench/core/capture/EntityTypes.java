package org.trackbench.core.capture;

/**
 * The entity types the tracker queues, named once: the capture bundle writes their payloads and delivers them (its
 * handlers); the UI and tools that look for them use these names.
 *
 * @since 1.2
 */
public final class EntityTypes {

    /** A start, pause, resume or stop of a time entry; its ordering group is the entry's id. */
    public static final String TIME_ENTRY_EVENT = "time_entry_event";

    /** An image taken while a time entry runs, an unordered member of the entry's group; the image is the blob. */
    public static final String SCREENSHOT = "screenshot";

    private EntityTypes() {
    }
}
