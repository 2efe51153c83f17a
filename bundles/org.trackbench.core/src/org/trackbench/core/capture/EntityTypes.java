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

    /**
     * A screenshot that was due and is not there, with why ({@link OmissionReason}): an unordered member of the entry's
     * group, so the server shows a gap with its cause instead of a silence.
     *
     * @since 1.3
     */
    public static final String SCREENSHOT_OMITTED = "screenshot_omitted";

    private EntityTypes() {
    }
}
