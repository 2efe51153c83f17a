package org.trackbench.sync.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.SyncStatus;
import org.trackbench.core.sync.TokenProvider;

/**
 * The sync service: owns the {@link SyncJob}, wakes it when items are queued or made due, and reacts to
 * entity handlers coming and going. Configuration PID {@code org.trackbench.sync}.
 */
@Component(service = { SyncService.class, EventHandler.class }, configurationPid = "org.trackbench.sync",
        immediate = true, property = { EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_ENQUEUED,
                EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_CHANGED,
                EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_STORAGE })
@Designate(ocd = SyncConfig.class)
public final class SyncComponent implements SyncService, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncComponent.class);
    private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(1);
    /**
     * Longest wait between two health probes while the server is unreachable. A probe is one small GET, and
     * after a week offline an hour-long item backoff would otherwise delay the return by up to an hour.
     */
    private static final Duration OFFLINE_PROBE_CAP = Duration.ofSeconds(15);

    private final HandlerRegistry handlers = new HandlerRegistry();
    private final SyncOptions options;
    private final HttpSender sender;
    private final ExecutorService workers;
    private final CircuitBreaker circuit;
    private final SyncStatusReporter status;
    private final SyncJob job;

    @Activate
    public SyncComponent(SyncConfig config, @Reference QueueStore store,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) TokenProvider tokens, @Reference EventAdmin events,
            @Reference PauseSwitch pauseSwitch) {
        this(SyncOptions.from(config), store, tokens, events, pauseSwitch, Clock.systemUTC(), new SecureRandom());
    }

    SyncComponent(SyncOptions options, QueueStore store, TokenProvider tokens, EventAdmin events, PauseSwitch pauseSwitch,
            Clock clock, java.util.random.RandomGenerator random) {
        LOG.info("Sync starting for {}", options.server());
        this.options = options;
        BackoffPolicy backoff = new BackoffPolicy(options.backoffBase(), options.backoffCap(), random);
        this.sender = new HttpSender(options, store, new AnswerClassifier(clock, options.backoffCap()));
        this.workers = Executors.newFixedThreadPool(options.concurrency(), new SenderThreads());
        this.circuit = new CircuitBreaker(new BackoffPolicy(options.backoffBase(),
                options.backoffCap().compareTo(OFFLINE_PROBE_CAP) < 0 ? options.backoffCap() : OFFLINE_PROBE_CAP, random));
        this.status = new SyncStatusReporter(store, events, pauseSwitch);
        if (pauseSwitch.paused()) {
            LOG.info("Sync stays paused, as it was before this start");
        }
        OutcomeRecorder recorder = new OutcomeRecorder(store, backoff, options.maxAttempts(), options.pollInterval(), clock);
        this.job = new SyncJob(new SyncJob.Parts(options, store, sender, handlers, tokens, recorder, circuit, status,
                workers, clock));
        // DS binds the whiteboard handlers only after this constructor: give them a moment, or the first run
        // would set every queued item aside as "no handler" for a whole poll interval.
        job.schedule(FIRST_RUN_DELAY.toMillis());
        LOG.info("Sync started for {}", options.server());
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(EntityHandler handler) {
        handlers.add(handler);
        if (status != null) {
            status.handlerArrived(handler.entityType());
            job.wake();
        }
    }

    void removeHandler(EntityHandler handler) {
        handlers.remove(handler);
    }

    /**
     * Stops the job and waits, boundedly, until every item it claimed is recorded: the requests in flight get their
     * timeouts to finish; after that they are aborted and the requests not yet begun are dropped, and the job records
     * both as not sent, due again at once. No claimed item is left to its lease.
     */
    @Deactivate
    void deactivate() throws IOException, InterruptedException {
        LOG.info("Sync stopping");
        job.stop();
        long requestTimeout = options.responseTimeout().plus(options.connectTimeout()).toMillis();
        if (!job.join(requestTimeout, new NullProgressMonitor())) {
            LOG.info("Requests still in flight after {} ms; aborting them", requestTimeout);
            workers.shutdownNow().forEach(dropped -> ((Future<?>) dropped).cancel(false));
            sender.abort();
            if (!job.join(requestTimeout, new NullProgressMonitor())) {
                LOG.warn("The sync job did not end; its claimed items return to pending when their lease runs out");
            }
        }
        workers.shutdownNow();
        sender.close();
        LOG.info("Sync stopped");
    }

    @Override
    public void handleEvent(Event event) {
        // Paused, waiting for sign-in or backing off from an outage, a new item changes nothing: resume, login and
        // the job's own probe schedule wake it. Waking it anyway would count the whole queue on every enqueue.
        boolean due = QueueEvents.TOPIC_ENQUEUED.equals(event.getTopic())
                || ItemStatus.PENDING.label().equals(event.getProperty(QueueEvents.STATUS))
                || QueueEvents.TOPIC_STORAGE.equals(event.getTopic()) && !event.containsProperty(QueueEvents.SHORTAGE);
        if (due && status.state() == SyncState.ONLINE && !circuit.isOpen()) {
            job.wake();
        }
    }

    @Override
    public void syncNow() {
        circuit.probeNow();
        job.wake();
    }

    @Override
    public void pause() {
        status.pause();
        status.publish();
        LOG.info("Sync paused");
    }

    @Override
    public void resume() {
        if (status.resume()) {
            LOG.info("Sync resumed");
        }
        circuit.probeNow();
        job.wake();
    }

    @Override
    public void tokenChanged() {
        if (status.signedIn()) {
            LOG.info("A new token is in place; the sync tries again");
            job.wake();
        }
    }

    @Override
    public SyncStatus status() {
        return status.status();
    }

    /** Named daemon threads, so a thread dump says who they are and they never hold the JVM open. */
    private static final class SenderThreads implements java.util.concurrent.ThreadFactory {
        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "trackbench-sync-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
