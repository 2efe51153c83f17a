package org.trackbench.capture.internal;

import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.OmissionReason;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/**
 * {@code evictOldest}: keeps the unsent screenshots under the quota by dropping the oldest, each replaced in place by
 * its omission marker ({@code evicted_over_quota}). Only screenshots go: a time entry event is never dropped, and a
 * failed screenshot is left for an admin to repair.
 */
final class QuotaKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(QuotaKeeper.class);
    private static final int PAGE = 20;

    private final QueueStore store;

    QuotaKeeper(QueueStore store) {
        this.store = store;
    }

    /**
     * Evicts the oldest unsent screenshots, but those in {@code kept}, until the unsent blobs fit {@code quotaBytes}.
     *
     * @return the unsent blob bytes left, over the quota when nothing more can be evicted
     */
    long evictOver(long quotaBytes, Set<Long> kept) {
        long unsent = store.unsentBlobBytes();
        QueueQuery oldest = QueueQuery.all(PAGE).withStatuses(Set.of(ItemStatus.PENDING, ItemStatus.BLOCKED))
                .withEntityTypes(Set.of(EntityTypes.SCREENSHOT));
        while (unsent > quotaBytes) {
            long before = unsent;
            for (QueueItem screenshot : store.query(oldest).items()) {
                if (unsent <= quotaBytes) {
                    break;
                }
                if (!kept.contains(screenshot.id()) && evict(screenshot)) {
                    unsent -= screenshot.blobSize();
                }
            }
            if (unsent == before) {
                break;
            }
        }
        return unsent;
    }

    /** False when the sync claimed it meanwhile: being sent, it frees its space by itself. */
    private boolean evict(QueueItem screenshot) {
        try {
            store.replace(screenshot.id(), EnqueueRequest.of(EntityTypes.SCREENSHOT_OMITTED,
                    EventPayloads.omission(EventPayloads.capturedAt(screenshot.payload()), OmissionReason.EVICTED_OVER_QUOTA))
                    .inGroup(screenshot.orderingGroup(), false));
            LOG.info("Screenshot {} ({} bytes) dropped over the quota; its omission marker is queued instead",
                    screenshot.id(), screenshot.blobSize());
            return true;
        } catch (IllegalArgumentException e) {
            LOG.debug("Screenshot {} not evicted: {}", screenshot.id(), e.getMessage());
            return false;
        }
    }
}
