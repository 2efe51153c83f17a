package org.trackbench.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.queue.AttemptOutcome;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnknownItemException;

/**
 * Writes what an attempt came to into the queue: sent, failed, or pending again at its next attempt time.
 * Retries that spend nothing still back off; their count is kept here, per item, while the job runs.
 */
final class OutcomeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(OutcomeRecorder.class);

    private final QueueStore store;
    private final BackoffPolicy backoff;
    private final int maxAttempts;
    private final Duration noHandlerWait;
    private final Clock clock;
    private final Map<Long, Integer> freeRetries = new ConcurrentHashMap<>();

    OutcomeRecorder(QueueStore store, BackoffPolicy backoff, int maxAttempts, Duration noHandlerWait, Clock clock) {
        this.store = store;
        this.backoff = backoff;
        this.maxAttempts = maxAttempts;
        this.noHandlerWait = noHandlerWait;
        this.clock = clock;
    }

    /** The last error of an item set aside because no handler of its type is installed. */
    static String noHandlerReason(String entityType) {
        return "no handler installed for entity type " + entityType;
    }

    void record(QueueItem item, Delivery delivery) {
        try {
            apply(item, delivery);
        } catch (UnknownItemException e) {
            LOG.info("Item {} was deleted while it was being sent", item.id());
            freeRetries.remove(item.id());
        }
    }

    private void apply(QueueItem item, Delivery delivery) {
        Instant now = clock.instant();
        if (delivery instanceof Delivery.Sent) {
            store.markSent(item.id());
            freeRetries.remove(item.id());
        } else if (delivery instanceof Delivery.Rejected rejected) {
            store.markRejected(item.id(), rejected.reason());
            freeRetries.remove(item.id());
        } else if (delivery instanceof Delivery.RetryLater retry) {
            retryLater(item, retry, now);
        } else if (delivery instanceof Delivery.Unavailable unavailable) {
            // Due again at once: the circuit breaker, not the item, decides when the next try goes.
            store.reschedule(item.id(), new AttemptOutcome(now, unavailable.reason(), false));
        } else if (delivery instanceof Delivery.NotSent notSent) {
            store.reschedule(item.id(), new AttemptOutcome(now, notSent.reason(), false));
        } else if (delivery instanceof Delivery.SignInNeeded signIn) {
            store.reschedule(item.id(), new AttemptOutcome(now, signIn.reason(), false));
        } else if (delivery instanceof Delivery.NoHandler noHandler) {
            store.awaitHandler(item.id(), now.plus(noHandlerWait), noHandlerReason(noHandler.entityType()));
        }
    }

    private void retryLater(QueueItem item, Delivery.RetryLater retry, Instant now) {
        if (retry.spendsAttempt() && item.attempts() + 1 >= maxAttempts) {
            store.markFailed(item.id(), "gave up after " + maxAttempts + " attempts; last: " + retry.reason());
            freeRetries.remove(item.id());
            return;
        }
        int failures = item.attempts() + (retry.spendsAttempt() ? 0 : freeRetries.merge(item.id(), 1, Integer::sum) - 1);
        Duration wait = retry.retryAfter() != null ? retry.retryAfter() : backoff.delay(failures);
        store.reschedule(item.id(), new AttemptOutcome(now.plus(wait), retry.reason(), retry.spendsAttempt()));
    }
}
