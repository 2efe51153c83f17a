package org.trackbench.capture.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.CaptureUnavailableException;
import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.capture.OmissionReason;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TrackerEvents;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.StorageFullException;
import org.trackbench.core.queue.StorageShortage;

/**
 * Takes a screenshot once per interval while the entry runs, once the person accepted the capture terms, and queues it
 * (encoded in memory, encrypted by the store) as an unordered member of the entry's group, held back for the review
 * window. When capture is impossible, paused, the quota is reached (and nothing may be evicted) or the disk is full,
 * tracking goes on and the {@link CaptureStatus} says why.
 */
final class ScreenshotJob extends Job {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotJob.class);

    private final CaptureOptions options;
    private final CaptureSchedule schedule;
    private final QueueStore store;
    private final Supplier<TimeEntry> currentEntry;
    private final ScreenSource source;
    private final String sourceFilter;
    private final EventAdmin events;
    private final Clock clock;
    private final Supplier<Optional<Instant>> pausedUntil;
    private final ImageEncoder encoder;
    private final QuotaKeeper quota;
    private Instant intervalStart;
    private volatile CaptureStatus status;

    /**
     * {@code status}: what capture reported last, kept across a settings change; {@code pausedUntil}: until when the
     * person paused screenshots, if they did.
     */
    ScreenshotJob(CaptureOptions options, CaptureSchedule schedule, QueueStore store, Supplier<TimeEntry> currentEntry,
            ScreenSource source, String sourceFilter, EventAdmin events, Clock clock, CaptureStatus status,
            Supplier<Optional<Instant>> pausedUntil) {
        super("Taking screenshots");
        this.options = options;
        this.schedule = schedule;
        this.store = store;
        this.currentEntry = currentEntry;
        this.source = source;
        this.sourceFilter = sourceFilter;
        this.events = events;
        this.clock = clock;
        this.pausedUntil = pausedUntil;
        this.encoder = new ImageEncoder(options);
        this.quota = new QuotaKeeper(store);
        this.status = status;
        setSystem(true);
    }

    @Override
    public boolean belongsTo(Object family) {
        return ScreenCapture.JOB_FAMILY.equals(family);
    }

    /** The entry runs (again): intervals count from now. */
    synchronized void entryRunning() {
        intervalStart = clock.instant();
        scheduleNext();
        report(options.consentAcceptedAt() == null ? awaitingConsent() : status.with(CaptureState.CAPTURING, cadence()));
    }

    /** Paused or stopped: no screenshots until it runs again. */
    synchronized void entryHalted() {
        intervalStart = null;
        cancel();
        report(status.with(CaptureState.OFF, null));
    }

    CaptureStatus status() {
        return status;
    }

    CaptureOptions options() {
        return options;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        TimeEntry entry = currentEntry.get();
        if (entry == null || entry.state() != TrackerState.RUNNING || monitor.isCanceled()) {
            return Status.OK_STATUS;
        }
        captureFor(entry);
        synchronized (this) {
            if (intervalStart != null) {
                Instant now = clock.instant();
                do {
                    intervalStart = schedule.nextInterval(intervalStart);
                } while (!schedule.nextInterval(intervalStart).isAfter(now));
                scheduleNext();
            }
        }
        return Status.OK_STATUS;
    }

    /** Captures and queues one screenshot (or one per monitor) now; returns how many were queued. */
    int captureFor(TimeEntry entry) {
        if (options.consentAcceptedAt() == null) {
            report(awaitingConsent());
            return 0;
        }
        Optional<Instant> paused = pausedUntil.get().filter(clock.instant()::isBefore);
        if (paused.isPresent()) {
            omitted(entry, OmissionReason.PAUSED_BY_USER);
            report(paused("paused by you until " + paused.get() + "; each screenshot skipped is marked for the server"));
            return 0;
        }
        Optional<StorageShortage> shortage = store.storageShortage();
        if (shortage.isPresent()) {
            report(paused(diskFull(shortage.get())));
            return 0;
        }
        long unsent = store.unsentBlobBytes();
        if (unsent > options.quotaBytes() && options.quotaPolicy() == QuotaPolicy.EVICT_OLDEST) {
            unsent = quota.evictOver(options.quotaBytes(), Set.of());
        }
        if (unsent > options.quotaBytes()) {
            report(paused("the queue holds " + unsent / (1024 * 1024) + " MiB of unsent screenshots, over the "
                    + options.quotaBytes() / (1024 * 1024) + " MiB quota; it resumes as they are sent"
                    + (options.quotaPolicy() == QuotaPolicy.EVICT_OLDEST ? " (failed ones, which an admin repairs or"
                            + " deletes, are not dropped)" : "")));
            return 0;
        }
        if (source == null) {
            report(status.with(CaptureState.UNAVAILABLE, "no screen source matches " + sourceFilter));
            return 0;
        }
        try {
            long began = System.nanoTime();
            Instant capturedAt = clock.instant();
            List<BufferedImage> images = source.capture(options.perMonitor());
            long bytes = 0;
            Long first = null;
            Set<Long> queuedIds = new HashSet<>();
            for (int monitor = 1; monitor <= images.size(); monitor++) {
                if (options.excludedMonitors().contains(monitor)) {
                    // Dropped in memory, never encoded: nothing of an excluded monitor is kept.
                    omitted(entry, OmissionReason.EXCLUDED);
                    continue;
                }
                QueueItem queued = enqueue(entry, images.get(monitor - 1), capturedAt);
                bytes += queued.blobSize();
                first = first == null ? queued.id() : first;
                queuedIds.add(queued.id());
            }
            if (options.quotaPolicy() == QuotaPolicy.EVICT_OLDEST) {
                quota.evictOver(options.quotaBytes(), queuedIds);
            }
            report(new CaptureStatus(CaptureState.CAPTURING, capturedAt, bytes, Duration.ofNanos(System.nanoTime() - began),
                    cadence()), first);
            return queuedIds.size();
        } catch (CaptureUnavailableException e) {
            omitted(entry, OmissionReason.CAPTURE_UNAVAILABLE);
            report(status.with(CaptureState.UNAVAILABLE, e.getMessage()));
            return 0;
        } catch (StorageFullException e) {
            report(paused(diskFull(e.shortage())));
            return 0;
        } catch (IOException | RuntimeException e) {
            LOG.warn("A screenshot could not be queued; the next interval tries again", e);
            report(status.with(CaptureState.FAILED, e.getMessage()));
            return 0;
        }
    }

    /**
     * Queues one image, encoded in memory: the store encrypts it as it writes, so no byte of it ever reaches a disk
     * in clear (a temporary file would, and a kill during capture would leave it there).
     */
    private QueueItem enqueue(TimeEntry entry, BufferedImage image, Instant capturedAt) throws IOException {
        ByteArrayOutputStream encoded = new ByteArrayOutputStream(64 * 1024);
        encoder.encode(image, capturedAt, encoded);
        Duration review = options.reviewWindow();
        return store.enqueue(EnqueueRequest.of(EntityTypes.SCREENSHOT, EventPayloads.screenshot(capturedAt))
                .inGroup(entry.id().toString(), false).withBlob(BlobSource.of(encoded.toByteArray()), options.contentType())
                .notBefore(review.isZero() ? null : capturedAt.plus(review)));
    }

    /** The screenshot due now is not taken: a marker says so, and why, instead of a silence. */
    private void omitted(TimeEntry entry, OmissionReason reason) {
        try {
            store.enqueue(EnqueueRequest.of(EntityTypes.SCREENSHOT_OMITTED, EventPayloads.omission(clock.instant(), reason))
                    .inGroup(entry.id().toString(), false));
        } catch (RuntimeException e) {
            // The disk is full, say: the marker is lost, the entry is not, and the status says why capture stopped.
            LOG.warn("The marker of a screenshot omitted ({}) could not be queued: {}", reason.label(), e.toString());
        }
    }

    private String cadence() {
        return "every " + options.interval().toSeconds() + " s";
    }

    private CaptureStatus awaitingConsent() {
        return status.with(CaptureState.AWAITING_CONSENT, "no screenshot until you accept what is captured"
                + " (trackbench:capture terms, or the workbench's consent dialog)");
    }

    private CaptureStatus paused(String reason) {
        return status.with(CaptureState.PAUSED, reason);
    }

    /** Said without the free bytes, which change at every interval and would make a new status each time. */
    private static String diskFull(StorageShortage shortage) {
        return "the disk holding the queue (" + shortage.directory() + ") is full; it resumes when "
                + shortage.neededBytes() / (1024 * 1024) + " MiB are free there";
    }

    private void scheduleNext() {
        Duration wait = Duration.between(clock.instant(), schedule.captureIn(intervalStart));
        schedule(Math.max(0, wait.toMillis()));
    }

    private void report(CaptureStatus next) {
        report(next, null);
    }

    /**
     * Announces the status, with the id of the screenshot just queued if any (always announced); a new reason for
     * not capturing is logged once, not every interval.
     */
    private void report(CaptureStatus next, Long screenshotId) {
        CaptureStatus previous;
        synchronized (this) {
            previous = status;
            status = next;
        }
        if (next.equals(previous) && screenshotId == null) {
            return;
        }
        if (next.state() == CaptureState.AWAITING_CONSENT) {
            LOG.info("Screenshots: {}", next.describe());
        } else if (next.state() != CaptureState.OFF && next.state() != CaptureState.CAPTURING) {
            LOG.warn("Screenshots: {}", next.describe());
        }
        Map<String, Object> properties = new HashMap<>(Map.of(TrackerEvents.CAPTURE_STATUS, next,
                TrackerEvents.CAPTURE, next.describe()));
        if (screenshotId != null) {
            properties.put(TrackerEvents.SCREENSHOT_ID, screenshotId);
        }
        events.postEvent(new Event(TrackerEvents.TOPIC_CAPTURE, properties));
    }
}
