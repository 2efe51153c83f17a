package org.trackbench.queue.derby.internal;

import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.queue.AttemptOutcome;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.FailureGroup;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.RetentionHold;
import org.trackbench.core.queue.StorageShortage;
import org.trackbench.core.security.DataKeys;

/**
 * {@link QueueStore} on embedded Apache Derby. Each call is one transaction, committed with Derby's full
 * durability (log forced to disk) before it returns; concurrent producers share log flushes.
 *
 * <p>If the database cannot be opened (not writable, locked by another process, corrupt) activation fails
 * with the reason, no service is registered, and the files stay exactly as they were.
 */
// Registered under its own class too, for the bundle's QueueAdmin instances, which run their changes in its transactions.
@Component(service = { QueueStore.class, TimeLedger.class, DerbyQueueStore.class }, configurationPid = DerbyQueueStore.PID,
        immediate = true)
@Designate(ocd = QueueStoreConfig.class)
public final class DerbyQueueStore implements QueueStore, TimeLedger {

    static final String PID = "org.trackbench.queue.derby";

    private static final Logger LOG = LoggerFactory.getLogger(DerbyQueueStore.class);

    private final QueueDatabase database;
    private final QueueEventPublisher events;
    private final EnqueueValidator validator = new EnqueueValidator();
    private final BlobFiles blobs;
    private final BlobReader reader;
    private final CrashPoint crashPoint;
    private final ItemWriter writer;
    private final BlockingOrder blocking;
    private final RetentionHolds holds = new RetentionHolds();
    private final PayloadCheckers checkers = new PayloadCheckers();
    private final Clock clock;
    private final AdminChanges admin;

    @Activate
    public DerbyQueueStore(BundleContext context, QueueStoreConfig config, @Reference EventAdmin eventAdmin,
            @Reference DataKeys keys) {
        this(StoreOptions.from(config, context.getProperty("osgi.instance.area")), eventAdmin, keys, Clock.systemUTC(),
                CrashPoint.named(context.getProperty(CrashPoint.PROPERTY)));
    }

    DerbyQueueStore(StoreOptions options, EventAdmin eventAdmin, DataKeys keys, Clock clock, CrashPoint crashPoint) {
        LOG.info("Queue store starting at {}", options.databaseDirectory());
        this.clock = clock;
        this.crashPoint = crashPoint;
        this.events = new QueueEventPublisher(eventAdmin);
        try {
            this.database = QueueDatabase.open(options.databaseDirectory(), events::storage);
        } catch (QueueException e) {
            // SCR records the failure for trackbench:status; the log must say it too.
            LOG.error("Queue store cannot start: {}", e.getMessage());
            throw e;
        }
        BlobCipher cipher = new BlobCipher(keys);
        this.blobs = BlobFiles.in(options.databaseDirectory(), cipher, crashPoint);
        List<Long> missing = blobs.recover(database.read(ItemQueries::blobsInFiles));
        if (!missing.isEmpty()) {
            LOG.error("The blob files of items {} are missing from {}; the items are kept, and fail with that reason"
                    + " when sent", missing, blobs.file(missing.get(0)).getParent());
        }
        this.reader = new BlobReader(database, blobs, cipher);
        this.blocking = new BlockingOrder(() -> database.read(GroupBlocking::groupsWithFailures));
        this.writer = new ItemWriter(options.maxBlobBytes(), database.read(ItemWriter::highestStoredId), blobs,
                blocking, crashPoint, options.ledgerRetention());
        this.admin = new AdminChanges(database, events, blocking, holds, checkers, validator, writer, blobs, this::now,
                options.auditRetention());
        List<Long> released = database.write(DeliveryTransitions::releaseOrphanedLeases);
        if (!released.isEmpty()) {
            LOG.info("Returned {} items left in flight by an earlier run to pending", released.size());
            events.changed(released, ItemStatus.PENDING);
        }
        LOG.info("Queue store started at {}", options.databaseDirectory());
    }

    /** Told of, not fetched, here: see {@link LazyService}. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = RetentionHold.class)
    void addHold(ComponentServiceObjects<RetentionHold> hold) {
        holds.add(hold);
    }

    void removeHold(ComponentServiceObjects<RetentionHold> hold) {
        holds.remove(hold);
    }

    /** Told of, not fetched, here: see {@link LazyService}. Handlers say their type in a service property. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, service = EntityHandler.class)
    void addHandler(ComponentServiceObjects<EntityHandler> handler, Map<String, Object> properties) {
        checkers.add(String.valueOf(properties.get(EntityHandler.ENTITY_TYPE)), handler);
    }

    void removeHandler(ComponentServiceObjects<EntityHandler> handler, Map<String, Object> properties) {
        checkers.remove(String.valueOf(properties.get(EntityHandler.ENTITY_TYPE)), handler);
    }

    /** Derby keeps milliseconds; every instant the store hands out is already at that precision. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    @Deactivate
    void deactivate() {
        LOG.info("Queue store stopping");
        database.close();
    }

    @Override
    public QueueItem enqueue(EnqueueRequest request) {
        validator.validate(request);
        checkers.check(request);
        Supplier<QueueItem> insert = () -> database.write(connection -> writer.insert(connection, request, now()));
        QueueItem item = request.orderingGroup() == null ? insert.get() : blocking.join(insert);
        if (request.blob() != null) {
            crashPoint.after(BlobStep.COMMITTED, item.id());
        }
        events.enqueued(item);
        return item;
    }

    @Override
    public QueueItem replace(long id, EnqueueRequest replacement) {
        validator.validate(replacement);
        checkers.check(replacement);
        QueueItem item = database.write(connection -> ItemReplacement.apply(connection, id, replacement, now()));
        blobs.delete(List.of(id));
        events.changed(List.of(id), item.status());
        return item;
    }

    @Override
    public List<QueueItem> claim(int max, Duration lease) {
        List<QueueItem> claimed = database
                .write(connection -> DeliveryTransitions.claim(connection, max, lease, now()));
        events.changed(claimed.stream().map(QueueItem::id).toList(), ItemStatus.IN_FLIGHT);
        return claimed;
    }

    @Override
    public void markSent(long id) {
        if (database.write(connection -> DeliveryTransitions.markSent(connection, id))) {
            crashPoint.after(BlobStep.SENT_COMMITTED, id);
            blobs.delete(List.of(id));
        }
        events.changed(List.of(id), ItemStatus.SENT);
    }

    @Override
    public void reschedule(long id, AttemptOutcome outcome) {
        if (outcome == null) {
            throw new IllegalArgumentException("outcome is null; expected the next attempt time and the error");
        }
        database.write(connection -> {
            DeliveryTransitions.reschedule(connection, id, outcome);
            return null;
        });
        events.changed(List.of(id), ItemStatus.PENDING);
    }

    @Override
    public void awaitHandler(long id, Instant retryAt, String reason) {
        if (retryAt == null) {
            throw new IllegalArgumentException("retryAt is null; expected when to look for a handler again");
        }
        database.write(connection -> {
            DeliveryTransitions.awaitHandler(connection, id, retryAt, reason);
            return null;
        });
        events.changed(List.of(id), ItemStatus.PENDING);
    }

    @Override
    public int releaseAwaitingHandler(String entityType) {
        List<Long> released = database.write(
                connection -> DeliveryTransitions.releaseAwaitingHandler(connection, entityType, now()));
        events.changed(released, ItemStatus.PENDING);
        return released.size();
    }

    @Override
    public void markFailed(long id, String reason) {
        fail(id, reason, false);
    }

    @Override
    public void markRejected(long id, String reason) {
        fail(id, reason, true);
    }

    private void fail(long id, String reason, boolean rejected) {
        List<Long> blocked = blocking.change(
                () -> database.write(connection -> DeliveryTransitions.markFailed(connection, id, reason, rejected)));
        events.changed(List.of(id), ItemStatus.FAILED);
        events.changed(blocked, ItemStatus.BLOCKED);
    }

    @Override
    public Optional<QueueItem> find(long id) {
        return database.read(connection -> ItemRows.find(connection, id));
    }

    @Override
    public InputStream openBlob(long id) {
        return reader.open(id);
    }

    @Override
    public QueuePage query(QueueQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("query is null; expected a QueueQuery such as QueueQuery.all(100)");
        }
        return database.read(connection -> ItemQueries.page(connection, query));
    }

    @Override
    public long count(QueueQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("query is null; expected a QueueQuery such as QueueQuery.all(1)");
        }
        return database.read(connection -> ItemQueries.count(connection, query));
    }

    @Override
    public List<LedgerEntry> entries(Instant from, Instant to) {
        return database.read(connection -> Ledger.entries(connection, from, to));
    }

    @Override
    public Optional<LedgerEntry> latest() {
        return database.read(Ledger::latest);
    }

    @Override
    public Optional<QueueItem> holder(long id) {
        return database.read(connection -> ItemQueries.holder(connection, id));
    }

    @Override
    public Map<ItemStatus, Long> countByStatus() {
        return database.read(ItemQueries::countByStatus);
    }

    @Override
    public Optional<Instant> earliestNextAttempt() {
        return database.read(DeliveryTransitions::nextClaimable);
    }

    @Override
    public Optional<StorageShortage> storageShortage() {
        return database.shortage();
    }

    @Override
    public long unsentBlobBytes() {
        return database.read(ItemQueries::unsentBlobBytes);
    }

    @Override
    public int retry(Collection<Long> ids) {
        return admin.retry(ids, Actor.UNATTRIBUTED);
    }

    @Override
    public int retryAllFailed() {
        return admin.retryAllFailed(Actor.UNATTRIBUTED);
    }

    @Override
    public List<FailureGroup> failureGroups() {
        return database.read(ItemQueries::failureGroups);
    }

    @Override
    public int retryFailed(String reason) {
        return admin.retryFailed(reason, Actor.UNATTRIBUTED);
    }

    @Override
    public int deleteFailed(String reason) {
        return admin.deleteFailed(reason, Actor.UNATTRIBUTED);
    }

    @Override
    public int delete(Collection<Long> ids) {
        return admin.delete(ids, Actor.UNATTRIBUTED);
    }

    @Override
    public int purgeSent(Duration age) {
        return admin.purgeSent(age, Actor.UNATTRIBUTED);
    }

    /** The audited admin changes, for this bundle's {@code QueueAdmin} instances. */
    AdminChanges admin() {
        return admin;
    }
}
