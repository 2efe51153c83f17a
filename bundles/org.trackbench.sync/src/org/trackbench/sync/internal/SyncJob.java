package org.trackbench.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.Job;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.StorageShortage;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.TokenProvider;

/**
 * Delivers due items, {@code concurrency} at a time, then schedules its own next run: at once while due
 * items remain, else at the earliest next attempt, never later than the poll interval. While the server is
 * unreachable it backs off as a whole and probes the health endpoint before sending again.
 */
final class SyncJob extends Job {

    private static final Logger LOG = LoggerFactory.getLogger(SyncJob.class);
    /**
     * The shortest wait after a run that claimed nothing. The queue says when something is next claimable; should it
     * ever say "now" and then hand out nothing, this keeps the job from running back to back.
     */
    private static final Duration IDLE_FLOOR = Duration.ofSeconds(1);

    /** Everything the job works with, built once per configuration. */
    record Parts(SyncOptions options, QueueStore store, HttpSender sender, HandlerRegistry handlers,
            TokenProvider tokens, OutcomeRecorder recorder, CircuitBreaker circuit, SyncStatusReporter status,
            HealthReporter health, ExecutorService workers, Clock clock) {
    }

    private enum BatchResult {
        CONTINUE, UNAVAILABLE, SIGN_IN_NEEDED
    }

    private final Parts parts;
    private final AtomicBoolean wakeRequested = new AtomicBoolean();
    private final Object scheduling = new Object();
    private volatile boolean stopped;
    /** A {@code Retry-After} that came with "server unavailable" in the current batch. */
    private volatile Duration pendingRetryAfter;

    SyncJob(Parts parts) {
        super("Sending queued items to " + parts.options().server().getHost());
        this.parts = parts;
        setSystem(false);
        setPriority(LONG);
    }

    @Override
    public boolean belongsTo(Object family) {
        return SyncService.JOB_FAMILY.equals(family);
    }

    /**
     * Runs as soon as possible: now if idle or sleeping, right after the current run if one is running
     * (Eclipse Jobs reschedules a running job when it finishes; the last delay set wins, hence the lock).
     */
    void wake() {
        synchronized (scheduling) {
            wakeRequested.set(true);
            if (stopped) {
                return;
            }
            switch (getState()) {
                case SLEEPING -> wakeUp();
                case WAITING -> {
                    // About to run, and that run sees the request.
                }
                default -> schedule();
            }
        }
    }

    /** Stops rescheduling; the run in progress finishes its requests. */
    void stop() {
        synchronized (scheduling) {
            stopped = true;
        }
        cancel();
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        try {
            return runOnce(monitor);
        } catch (RuntimeException e) {
            // A run that throws would otherwise end the rescheduling: nothing would be sent again until a restart.
            Duration retry = parts.options().pollInterval();
            LOG.error("A sync run failed; the next one is in {} s", retry.toSeconds(), e);
            parts.status().failed("the sync run failed: " + e);
            return rescheduleIn(retry);
        }
    }

    private IStatus runOnce(IProgressMonitor monitor) {
        wakeRequested.set(false);
        SyncStatusReporter status = parts.status();
        Optional<StorageShortage> diskFull = parts.store().storageShortage();
        if (diskFull.isPresent()) {
            // An item sent now could not be marked sent: wait for the store, which announces when it has room again.
            status.failed(diskFull.get().describe());
            status.publish();
            return Status.OK_STATUS;
        }
        parts.handlers().takeArrivals().forEach(this::releaseWaiting);
        if (status.state() == SyncState.PAUSED) {
            return pausedRun();
        }
        if (status.state() == SyncState.SIGN_IN_NEEDED) {
            status.publish();
            return Status.OK_STATUS;
        }
        Instant now = parts.clock().instant();
        if (parts.circuit().isOpen()) {
            Instant until = parts.circuit().openUntil();
            if (now.isBefore(until)) {
                return rescheduleIn(Duration.between(now, until));
            }
            if (!parts.sender().healthy()) {
                return offline(parts.circuit().trip(now, null), "server still unreachable");
            }
            // Half open: a health check is not a delivery. Only a request the server accepts closes the circuit.
            parts.circuit().halfOpen();
            LOG.info("Server {} answers its health check; trying a delivery", parts.options().server());
        }
        Optional<String> token = parts.tokens().token(parts.options().server());
        if (token.isEmpty()) {
            status.state(SyncState.SIGN_IN_NEEDED);
            status.failed("no access token set for " + parts.options().server());
            status.publish();
            return Status.OK_STATUS;
        }
        status.state(SyncState.ONLINE);
        return deliver(monitor, token.get());
    }

    /**
     * A pause holds the deliveries, not the health report: a paused client with a week of data is what an admin most
     * needs to see. So a paused job still wakes once per report interval, sends the report and sleeps again.
     */
    private IStatus pausedRun() {
        Optional<String> token = parts.tokens().token(parts.options().server());
        if (token.isEmpty() || parts.circuit().isOpen()) {
            parts.status().publish();
            return Status.OK_STATUS;
        }
        parts.health().reportIfDue(parts.sender(), token.get(), parts.options().healthInterval());
        return rescheduleIn(parts.health().untilDue());
    }

    /** Items set aside for want of a handler become due at once when one arrives, not a poll interval later. */
    private void releaseWaiting(String entityType) {
        int released = parts.store().releaseAwaitingHandler(entityType);
        if (released > 0) {
            LOG.info("A handler for {} arrived; {} waiting item(s) are due now", entityType, released);
        }
    }

    private IStatus deliver(IProgressMonitor monitor, String token) {
        Map<ItemStatus, Long> counts = parts.store().countByStatus();
        int total = (int) Math.min(Integer.MAX_VALUE, counts.get(ItemStatus.PENDING) + counts.get(ItemStatus.IN_FLIGHT));
        SubMonitor progress = SubMonitor.convert(monitor, getName(), total);
        int done = 0;
        boolean claimedAny = false;
        BatchResult result = BatchResult.CONTINUE;
        // A pause takes effect between batches: the requests in flight finish, nothing new is claimed.
        while (result == BatchResult.CONTINUE && !monitor.isCanceled() && parts.status().state() != SyncState.PAUSED) {
            int size = parts.circuit().isHalfOpen() ? 1 : parts.options().concurrency() * 4;
            List<QueueItem> batch = parts.status().claimUnlessPaused(() -> parts.store().claim(size, parts.options().lease()));
            if (batch.isEmpty()) {
                break;
            }
            claimedAny = true;
            result = send(batch, token);
            done += batch.size();
            progress.setWorkRemaining(Math.max(total - done, batch.size()));
            progress.worked(batch.size());
            progress.subTask(done + " of " + Math.max(total, done));
        }
        SyncStatusReporter status = parts.status();
        if (result == BatchResult.UNAVAILABLE) {
            return offline(parts.circuit().trip(parts.clock().instant(), pendingRetryAfter), status.lastError());
        }
        if (result == BatchResult.SIGN_IN_NEEDED) {
            return signInNeeded(token);
        }
        if (monitor.isCanceled()) {
            status.publish();
            return Status.CANCEL_STATUS;
        }
        parts.health().reportIfDue(parts.sender(), token, parts.options().healthInterval());
        Duration next = untilNextDue();
        return rescheduleIn(claimedAny || next.compareTo(IDLE_FLOOR) >= 0 ? next : IDLE_FLOOR);
    }

    /**
     * The server refused {@code refused}. If a new token was stored meanwhile, the refusals are old news and the
     * sync goes on; checked again after the state is set, since a login may land between the check and the set.
     */
    private IStatus signInNeeded(String refused) {
        SyncStatusReporter status = parts.status();
        if (!tokenStillIs(refused)) {
            return rescheduleIn(Duration.ZERO);
        }
        status.state(SyncState.SIGN_IN_NEEDED);
        if (!tokenStillIs(refused) && status.signedIn()) {
            return rescheduleIn(Duration.ZERO);
        }
        status.publish();
        return Status.OK_STATUS;
    }

    private boolean tokenStillIs(String token) {
        return parts.tokens().token(parts.options().server()).filter(token::equals).isPresent();
    }

    private BatchResult send(List<QueueItem> batch, String token) {
        AtomicBoolean unavailable = new AtomicBoolean();
        List<Future<Delivery>> deliveries = new ArrayList<>(batch.size());
        for (QueueItem item : batch) {
            deliveries.add(parts.workers().submit(() -> deliverOne(item, token, unavailable)));
        }
        BatchResult result = BatchResult.CONTINUE;
        pendingRetryAfter = null;
        for (int i = 0; i < batch.size(); i++) {
            Delivery delivery = await(deliveries.get(i), parts.options().lease());
            parts.recorder().record(batch.get(i), delivery);
            result = note(delivery, result);
        }
        return result;
    }

    private Delivery deliverOne(QueueItem item, String token, AtomicBoolean unavailable) {
        if (unavailable.get()) {
            return new Delivery.NotSent("not sent: the server was unreachable");
        }
        Optional<EntityHandler> handler = parts.handlers().forType(item.entityType());
        if (handler.isEmpty()) {
            return new Delivery.NoHandler(item.entityType());
        }
        OutboundRequest request;
        try {
            request = handler.get().request(item);
        } catch (RuntimeException e) {
            return new Delivery.Rejected("the " + item.entityType() + " handler cannot send this item: " + e.getMessage());
        }
        Delivery delivery = parts.sender().send(item, request, token);
        if (delivery instanceof Delivery.Unavailable) {
            unavailable.set(true);
        }
        return delivery;
    }

    private BatchResult note(Delivery delivery, BatchResult soFar) {
        SyncStatusReporter status = parts.status();
        if (delivery instanceof Delivery.Sent) {
            status.succeeded(parts.clock().instant());
            parts.circuit().close();
        } else if (delivery instanceof Delivery.NoHandler noHandler) {
            status.noHandler(noHandler.entityType());
        } else if (delivery instanceof Delivery.Rejected rejected) {
            status.failed(rejected.reason());
        } else if (delivery instanceof Delivery.RetryLater retry) {
            status.failed(retry.reason());
        } else if (delivery instanceof Delivery.Unavailable unavailable) {
            status.failed(unavailable.reason());
            if (unavailable.retryAfter() != null) {
                pendingRetryAfter = unavailable.retryAfter();
            }
            return soFar == BatchResult.SIGN_IN_NEEDED ? soFar : BatchResult.UNAVAILABLE;
        } else if (delivery instanceof Delivery.SignInNeeded signIn) {
            status.failed(signIn.reason());
            return BatchResult.SIGN_IN_NEEDED;
        }
        return soFar;
    }

    /**
     * The delivery's outcome, waited for no longer than the item's lease (after which it could be claimed again
     * anyway). A delivery the stopping sync dropped before it began is {@link Delivery.NotSent}, due again at once.
     */
    private static Delivery await(Future<Delivery> delivery, Duration lease) {
        try {
            return delivery.get(lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Delivery.RetryLater("interrupted while sending", false, null);
        } catch (ExecutionException e) {
            LOG.warn("Sending an item failed unexpectedly", e.getCause());
            return new Delivery.RetryLater("unexpected " + e.getCause(), false, null);
        } catch (CancellationException e) {
            return new Delivery.NotSent("not sent: the sync stopped");
        } catch (TimeoutException e) {
            delivery.cancel(true);
            return new Delivery.RetryLater("no outcome within the lease of " + lease.toSeconds() + " s", false, null);
        }
    }

    private Duration untilNextDue() {
        Duration health = parts.health().untilDue();
        Duration poll = health.compareTo(parts.options().pollInterval()) < 0 ? health : parts.options().pollInterval();
        return parts.store().earliestNextAttempt().map(at -> Duration.between(parts.clock().instant(), at))
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait).filter(wait -> wait.compareTo(poll) < 0)
                .orElse(poll);
    }

    private IStatus offline(Instant until, String reason) {
        SyncStatusReporter status = parts.status();
        if (status.state() != SyncState.OFFLINE) {
            LOG.info("Server {} unreachable ({}); backing off until {}", parts.options().server(), reason, until);
        }
        status.state(SyncState.OFFLINE);
        return rescheduleIn(Duration.between(parts.clock().instant(), until));
    }

    private IStatus rescheduleIn(Duration delay) {
        Duration wait = delay.isNegative() ? Duration.ZERO : delay;
        SyncStatusReporter status = parts.status();
        status.nextRun(parts.clock().instant().plus(wait));
        status.publish();
        synchronized (scheduling) {
            if (!stopped) {
                schedule(wakeRequested.get() ? 0 : wait.toMillis());
            }
        }
        return Status.OK_STATUS;
    }
}
