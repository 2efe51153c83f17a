package org.trackbench.capture.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Optional;

import org.osgi.framework.BundleContext;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.CaptureTerms;
import org.trackbench.core.capture.CaptureStorage;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.ScreenshotUnderReview;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerEvents;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.QueueStore;

/**
 * Periodic screenshots while the time entry runs, from the {@link ScreenSource} that configuration selects
 * ({@code screenSource.target}, the desktop by default). Configuration PID {@code org.trackbench.capture}.
 */
@Component(service = { ScreenCapture.class, EventHandler.class }, configurationPid = ScreenCaptureComponent.PID, immediate = true,
        property = EventConstants.EVENT_TOPIC + "=" + TrackerEvents.TOPIC_STATE)
@Designate(ocd = CaptureConfig.class)
public final class ScreenCaptureComponent implements ScreenCapture, EventHandler {

    static final String PID = "org.trackbench.capture";
    /** The framework property a product sets its review window's default with (minutes). */
    static final String PRODUCT_REVIEW_MINUTES = "trackbench.capture.reviewMinutes";

    private static final Logger LOG = LoggerFactory.getLogger(ScreenCaptureComponent.class);

    private final QueueStore store;
    private final TimeTracker tracker;
    private final EventAdmin events;
    private final ScreenSource source;
    private final ConfigurationAdmin configurations;
    private final ReviewWindow review;
    private final int productReviewMinutes;
    private volatile ScreenshotJob job;
    /** Until when the person paused screenshots; kept across a settings change, not across a restart. */
    private volatile Instant pausedUntil;

    @Activate
    public ScreenCaptureComponent(BundleContext context, CaptureConfig config, @Reference QueueStore store,
            @Reference TimeTracker tracker, @Reference EventAdmin events, @Reference ConfigurationAdmin configurations,
            @Reference(name = "screenSource", cardinality = ReferenceCardinality.OPTIONAL,
                    policyOption = ReferencePolicyOption.GREEDY) ScreenSource source) {
        this.store = store;
        this.tracker = tracker;
        this.events = events;
        this.source = source;
        this.configurations = configurations;
        this.review = new ReviewWindow(store, Clock.systemUTC());
        this.productReviewMinutes = productReviewMinutes(context.getProperty(PRODUCT_REVIEW_MINUTES));
        start(config, CaptureStatus.off());
    }

    /**
     * New settings (interval, image format and options, quota) take effect at once, without a restart: the next
     * screenshot is taken with them, on an interval counted from now. (A new {@code screenSource.target} rebinds the
     * source, which DS does by restarting the component.)
     */
    @Modified
    synchronized void modified(CaptureConfig config) throws InterruptedException {
        ScreenshotJob previous = job;
        previous.entryHalted();
        previous.join();
        start(config, previous.status());
    }

    private void start(CaptureConfig config, CaptureStatus status) {
        CaptureOptions options = CaptureOptions.from(config, productReviewMinutes);
        job = new ScreenshotJob(options, new CaptureSchedule(options.interval(), options.randomPlacement(),
                new SecureRandom()), store, () -> tracker.status().entry(), source, config.screenSource_target(), events,
                Clock.systemUTC(), status, this::pausedUntil);
        if (tracker.status().state() == TrackerState.RUNNING) {
            job.entryRunning();
        }
    }

    @Deactivate
    synchronized void deactivate() throws InterruptedException {
        job.entryHalted();
        job.join();
    }

    @Override
    public CaptureStatus status() {
        return job.status();
    }

    @Override
    public CaptureStorage storage() {
        return new CaptureStorage(store.unsentBlobBytes(), job.options().quotaBytes());
    }

    @Override
    public void pauseFor(Duration duration) {
        if (duration.isNegative() || duration.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a pause of " + duration.toMinutes() + " min is not accepted; expected 0"
                    + " (to end one) up to a day");
        }
        pausedUntil = duration.isZero() ? null : Instant.now().plus(duration);
    }

    @Override
    public Optional<Instant> pausedUntil() {
        Instant until = pausedUntil;
        return until == null || !until.isAfter(Instant.now()) ? Optional.empty() : Optional.of(until);
    }

    @Override
    public List<ScreenshotUnderReview> underReview() {
        return review.list(job.options().reviewWindow());
    }

    @Override
    public void deleteUnderReview(long id) {
        review.delete(id);
        LOG.info("Screenshot {} deleted under review; its omission marker is queued instead", id);
    }

    @Override
    public CaptureTerms terms() {
        CaptureOptions options = job.options();
        return new CaptureTerms(TermsText.points(options), options.consentAcceptedAt());
    }

    @Override
    public void accept() {
        Instant now = Instant.now();
        try {
            Configuration configuration = configurations.getConfiguration(PID, "?");
            Dictionary<String, Object> properties = configuration.getProperties();
            properties = properties == null ? new Hashtable<>() : properties;
            properties.put("consentAcceptedAt", now.toString());
            configuration.update(properties);
        } catch (IOException e) {
            throw new UncheckedIOException("The consent could not be recorded in the configuration: " + e.getMessage(), e);
        }
        LOG.info("Capture terms accepted at {}", now);
    }

    /** The product's default, e.g. 2 in the workbench; 0 (no review) when the product sets none. */
    private static int productReviewMinutes(String property) {
        if (property == null || property.isBlank()) {
            return 0;
        }
        try {
            return Integer.parseInt(property.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PRODUCT_REVIEW_MINUTES + " '" + property + "' is not accepted; expected"
                    + " whole minutes, e.g. 2", e);
        }
    }

    @Override
    public void handleEvent(Event event) {
        if (TrackerState.RUNNING.name().equals(event.getProperty(TrackerEvents.STATE))) {
            job.entryRunning();
        } else {
            job.entryHalted();
        }
    }
}
