package org.trackbench.capture.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.OmissionReason;
import org.trackbench.core.capture.ScreenshotUnderReview;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/**
 * The screenshots queued with a not-before time that has not come: the person may still delete them, and a deleted
 * one leaves its omission marker in its place.
 */
final class ReviewWindow {

    private static final int PAGE = 50;

    private final QueueStore store;
    private final Clock clock;

    ReviewWindow(QueueStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Newest first. Read a page at a time from the newest queued screenshot back to the oldest one still inside a
     * window of {@code length}, so a long backlog of unsent screenshots is not read.
     */
    List<ScreenshotUnderReview> list(Duration length) {
        List<ScreenshotUnderReview> held = new ArrayList<>();
        if (length.isZero()) {
            return held;
        }
        Instant now = clock.instant();
        Instant oldest = now.minus(length);
        QueueQuery query = QueueQuery.all(PAGE).withStatuses(Set.of(ItemStatus.PENDING, ItemStatus.BLOCKED))
                .withEntityTypes(Set.of(EntityTypes.SCREENSHOT)).sortedBy(QueueQuery.SortKey.CREATED_AT, true);
        while (query != null) {
            QueuePage page = store.query(query);
            for (QueueItem item : page.items()) {
                if (item.createdAt().isBefore(oldest)) {
                    return held;
                }
                if (underReview(item, now)) {
                    held.add(new ScreenshotUnderReview(item.id(), EventPayloads.capturedAt(item.payload()),
                            item.nextAttemptAt(), item.blobSize()));
                }
            }
            query = page.next() == null ? null : query.after(page.next());
        }
        return held;
    }

    /** @throws IllegalArgumentException naming the id unless it is a screenshot under review */
    void delete(long id) {
        Instant now = clock.instant();
        QueueItem item = store.find(id).filter(found -> found.entityType().equals(EntityTypes.SCREENSHOT))
                .filter(found -> underReview(found, now)).orElseThrow(() -> new IllegalArgumentException("item " + id
                        + " is not a screenshot under review (unknown, sent, being sent or its review over); expected"
                        + " one of the ids trackbench:screenshots lists"));
        store.replace(id, EnqueueRequest.of(EntityTypes.SCREENSHOT_OMITTED,
                EventPayloads.omission(EventPayloads.capturedAt(item.payload()), OmissionReason.DELETED_BY_USER))
                .inGroup(item.orderingGroup(), false));
    }

    /** Never tried yet and held back until later: a screenshot backing off after a failed attempt is not. */
    private static boolean underReview(QueueItem item, Instant now) {
        return item.attempts() == 0 && item.nextAttemptAt().isAfter(now)
                && (item.status() == ItemStatus.PENDING || item.status() == ItemStatus.BLOCKED);
    }
}
