package org.trackbench.sync.internal;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
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
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.fleet.ClientHealth;
import org.trackbench.core.fleet.FleetClient;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.ledger.DayReconciliation;
import org.trackbench.core.ledger.Reconciliation;
import org.trackbench.core.ledger.ReconciliationUnavailableException;
import org.trackbench.core.ledger.TimeLedger;
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
@Component(service = { SyncService.class, FleetService.class, Reconciliation.class, EventHandler.class },
        configurationPid = "org.trackbench.sync",
        immediate = true, property = { EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_ENQUEUED,
                EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_CHANGED,
                EventConstants.EVENT_TOPIC + "=" + QueueEvents.TOPIC_STORAGE })
@Designate(ocd = SyncConfig.class)
public final class SyncComponent implements SyncService, FleetService, Reconciliation, EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(SyncComponent.class);
    private static final Duration FIRST_RUN_DELAY = Duration.ofSeconds(1);

    private final HandlerRegistry handlers = new HandlerRegistry();
    private final QueueStore store;
    private final TokenProvider tokens;
    private final SyncStatusReporter status;
    private final HealthReporter health;
    private final FleetListing fleet = new FleetListing();
    private final Clock clock;
    private final RandomGenerator random;
    private volatile SyncEngine engine;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeTracker tracker;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile TimeLedger ledger;

    @Activate
    public SyncComponent(SyncConfig config, @Reference QueueStore store,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) TokenProvider tokens, @Reference EventAdmin events,
            @Reference PauseSwitch pauseSwitch, @Reference ConfigurationAdmin configurations) {
        this(SyncOptions.from(config), ClientIdentity.ensure(configurations), store, tokens, events, pauseSwitch,
                Clock.systemUTC(), new SecureRandom());
    }

    SyncComponent(SyncOptions options, String clientId, QueueStore store, TokenProvider tokens, EventAdmin events,
            PauseSwitch pauseSwitch, Clock clock, RandomGenerator random) {
        LOG.info("Sync starting for {}", options.server());
        this.store = store;
        this.tokens = tokens;
        this.clock = clock;
        this.random = random;
        this.status = new SyncStatusReporter(store, events, pauseSwitch);
        this.health = new HealthReporter(clientId, productVersion(), store, status, this::trackerState, clock);
        if (pauseSwitch.paused()) {
            LOG.info("Sync stays paused, as it was before this start");
        }
        // DS binds the whiteboard handlers only after this constructor: give them a moment, or the first run
        // would set every queued item aside as "no handler" for a whole poll interval.
        this.engine = SyncEngine.start(options, store, tokens, handlers, status, health, clock, random, FIRST_RUN_DELAY);
        LOG.info("Sync started for {}", options.server());
    }

    /**
     * New settings, applied without a restart of the service: the running batch is finished (boundedly, every claimed
     * item recorded), then delivery goes on at once with the new settings, a new server URL included. A pause stays,
     * and so do the status and the handlers.
     */
    @Modified
    void modified(SyncConfig config) throws IOException, InterruptedException {
        SyncOptions next = SyncOptions.from(config);
        synchronized (this) {
            if (next.equals(engine.options)) {
                // Nothing the engine uses changed (a form saved as it was): delivery goes on undisturbed.
                return;
            }
            engine.stop();
            health.restart();
            // Whether the new settings need a sign-in (another server's token) is for the new engine's first run.
            status.signedIn();
            engine = SyncEngine.start(next, store, tokens, handlers, status, health, clock, random, Duration.ZERO);
        }
        LOG.info("Sync settings applied in place; delivering to {}", next.server());
    }

    @Override
    public boolean adminTokenSet() {
        return tokens.token(FleetService.adminApi(engine.options.server())).isPresent();
    }

    @Override
    public List<FleetClient> clients() {
        SyncEngine current = engine;
        return fleet.read(current.sender, current.options.server(), tokens);
    }

    @Override
    public ClientHealth localHealth() {
        return health.health(engine.options.healthInterval());
    }

    @Override
    public List<DayReconciliation> reconcile(LocalDate from, LocalDate to, ZoneId zone) {
        TimeLedger current = ledger;
        if (current == null) {
            throw new ReconciliationUnavailableException("the time ledger, kept with the queue, is not running", null);
        }
        SyncEngine running = engine;
        URI server = running.options.server();
        String token = tokens.token(server).orElseThrow(() -> new ReconciliationUnavailableException(
                "no access token is stored for " + server + "; sign in first (trackbench:login)", null));
        return new Timesheet(current, store).reconcile(from, to, zone, running.sender, token);
    }

    private Optional<TrackerState> trackerState() {
        TimeTracker current = tracker;
        return current == null ? Optional.empty() : Optional.of(current.status().state());
    }

    private static String productVersion() {
        Bundle bundle = FrameworkUtil.getBundle(SyncComponent.class);
        return bundle == null ? "unknown" : bundle.getVersion().toString();
    }

    @Override
    public Optional<Duration> clockOffset() {
        return status.clockOffset().current();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(EntityHandler handler) {
        handlers.add(handler);
        if (status != null) {
            status.handlerArrived(handler.entityType());
            engine.job.wake();
        }
    }

    void removeHandler(EntityHandler handler) {
        handlers.remove(handler);
    }

    @Deactivate
    synchronized void deactivate() throws IOException, InterruptedException {
        LOG.info("Sync stopping");
        engine.stop();
        LOG.info("Sync stopped");
    }

    @Override
    public void handleEvent(Event event) {
        // Paused, waiting for sign-in or backing off from an outage, a new item changes nothing: resume, login and
        // the job's own probe schedule wake it. Waking it anyway would count the whole queue on every enqueue.
        boolean due = QueueEvents.TOPIC_ENQUEUED.equals(event.getTopic())
                || ItemStatus.PENDING.label().equals(event.getProperty(QueueEvents.STATUS))
                || QueueEvents.TOPIC_STORAGE.equals(event.getTopic()) && !event.containsProperty(QueueEvents.SHORTAGE);
        SyncEngine current = engine;
        if (due && status.state() == SyncState.ONLINE && !current.circuit.isOpen()) {
            current.job.wake();
        }
    }

    @Override
    public void syncNow() {
        SyncEngine current = engine;
        current.circuit.probeNow();
        current.job.wake();
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
        syncNow();
    }

    @Override
    public void tokenChanged() {
        if (status.signedIn()) {
            LOG.info("A new token is in place; the sync tries again");
            engine.job.wake();
        }
    }

    @Override
    public SyncStatus status() {
        return status.status();
    }
}
