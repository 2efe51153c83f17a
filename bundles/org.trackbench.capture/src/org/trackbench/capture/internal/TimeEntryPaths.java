package org.trackbench.capture.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.trackbench.core.queue.QueueItem;

/** API v1 paths below a time entry, which is the ordering group of its events and screenshots. */
final class TimeEntryPaths {

    private TimeEntryPaths() {
    }

    /**
     * {@code /api/v1/time-entries/{group}/{resource}}, the group percent-encoded as one path segment (a group id
     * never reaches another path); refuses an item without a group.
     */
    static String of(QueueItem item, String resource) {
        String entry = item.group().orElseThrow(() -> new IllegalArgumentException(item.entityType() + " item "
                + item.id() + " has no ordering group; expected the time entry's id"));
        // Form encoding keeps only letters, digits and -._* as they are, all safe in a path segment, and makes a
        // space a '+', which a path would read as a plus.
        String segment = URLEncoder.encode(entry, StandardCharsets.UTF_8).replace("+", "%20");
        return "/api/v1/time-entries/" + segment + "/" + resource;
    }
}
