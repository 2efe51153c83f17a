package org.trackbench.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.trackbench.core.ledger.Transition;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.core.sync.SyncState;
import org.trackbench.core.sync.TokenProvider;
import org.trackbench.server.ReferenceServer;

/**
 * A real reference server on a free loopback port, a fresh Derby queue and the sync service pointed at the
 * server, all configured through Configuration Admin. Time is compressed through configuration: backoff
 * in milliseconds instead of seconds.
 */
public final class SyncRig implements AutoCloseable {

    /** A token made up per run: no credential lives in the test sources. */
    public final String token = UUID.randomUUID().toString();
    /** The token the client holds: the server's, unless the rig was made with a wrong one. */
    public final String clientToken;
    public final Configurations configurations = new Configurations();
    public final ReferenceServer server;
    public final QueueStore store;
    public final SyncService sync;
    public final TokenProvider tokens;
    private final Map<String, Object> syncSettings;

    private SyncRig(Map<String, Object> serverSettings, Map<String, Object> syncSettings, String clientToken) {
        Map<String, Object> served = new HashMap<>(Map.of("port", 0, "token", token, "dataDirectory", ""));
        served.putAll(serverSettings);
        server = configurations.configure("org.trackbench.server", served, ReferenceServer.class);
        QueueStoreFixture queues = new QueueStoreFixture();
        store = queues.configure(queues.newDirectory("sync"), 64L * 1024 * 1024);
        tokens = configurations.await(TokenProvider.class, "");
        this.clientToken = clientToken == null ? token : clientToken;
        tokens.setToken(server.baseUri(), this.clientToken);
        Map<String, Object> settings = new HashMap<>(Map.of("serverUrl", server.baseUri().toString(),
                "pollIntervalMillis", 500L, "backoffBaseMillis", 20L, "backoffCapMillis", 400L, "maxAttempts", 5,
                "concurrency", 4, "connectTimeoutMillis", 2_000L, "responseTimeoutMillis", 2_000L));
        settings.putAll(syncSettings);
        this.syncSettings = Map.copyOf(settings);
        sync = configurations.configure("org.trackbench.sync", settings, SyncService.class);
        // A pause outlives the sync instance it was given to; a rig starts with a running sync.
        if (sync.status().state() == SyncState.PAUSED) {
            sync.resume();
        }
    }

    public static SyncRig start() {
        return start(Map.of());
    }

    public static SyncRig start(Map<String, Object> syncSettings) {
        return new SyncRig(Map.of(), syncSettings, null);
    }

    /** A rig whose server has {@code serverSettings} besides the usual ones, e.g. an {@code adminToken}. */
    public static SyncRig start(Map<String, Object> serverSettings, Map<String, Object> syncSettings) {
        return new SyncRig(serverSettings, syncSettings, null);
    }

    /**
     * The server speaks https with {@code certificate}; the client trusts it only when {@code trusted} (through
     * its trustedCertificates setting), else it has the JDK's trust store, which does not know it.
     */
    public static SyncRig overTls(SelfSignedCertificate certificate, boolean trusted) {
        return new SyncRig(Map.of("keyStore", certificate.keyStore.toString(), "keyStorePassword", certificate.password),
                Map.of("trustedCertificates", trusted ? certificate.pem.toString() : ""), null);
    }

    /** A client whose token the server does not accept. */
    public static SyncRig withWrongToken() {
        return new SyncRig(Map.of(), Map.of(), UUID.randomUUID().toString());
    }

    /**
     * Clears the server's faults and the client's token, so nothing is sent until the next rig is set up, and ends
     * a pause the test left.
     */
    @Override
    public void close() {
        server.setFaults(org.trackbench.server.Faults.none());
        tokens.setToken(server.baseUri(), null);
        sync.resume();
    }

    /** Changes some of the sync's settings, keeping the rest, and returns the sync started with them. */
    public SyncService reconfigure(Map<String, Object> changes) {
        Map<String, Object> settings = new HashMap<>(syncSettings);
        settings.putAll(changes);
        return configurations.configure("org.trackbench.sync", settings, SyncService.class);
    }

    /**
     * A stopped time entry as the tracker records it: its start and its stop queued in its group, each with its
     * ledger transition. Returns its id.
     */
    public UUID track(Instant start, Duration worked, String description) {
        UUID entry = UUID.randomUUID();
        record(entry, "start", start, Duration.ZERO, ",\"description\":\"" + description + "\"");
        record(entry, "stop", start.plus(worked), worked, "");
        return entry;
    }

    private void record(UUID entry, String type, Instant at, Duration worked, String more) {
        String payload = "{\"type\":\"" + type + "\",\"at\":\"" + at + "\",\"workedMs\":" + worked.toMillis() + more + "}";
        store.enqueue(EnqueueRequest.of("time_entry_event", payload).inGroup(entry.toString(), true)
                .recording(new Transition(entry, type, at, worked, payload)));
    }

    /** Waits until the sync delivered every item, or fails saying what it saw. */
    public void awaitDelivered(Duration within) {
        Await.until("every item delivered", within, () -> ItemStatus.undelivered(store.countByStatus()) == 0,
                this::describe);
    }

    public List<QueueItem> items() {
        return store.query(QueueQuery.all(QueueQuery.MAX_LIMIT)).items();
    }

    public long count(ItemStatus status) {
        return store.countByStatus().get(status);
    }

    public String describe() {
        Map<ItemStatus, Long> counts = store.countByStatus();
        return "queue " + counts + ", sync " + sync.status() + ", server " + server.stats() + ", errors "
                + items().stream().map(QueueItem::lastError).filter(e -> e != null).distinct().limit(5)
                        .collect(Collectors.joining(" | "));
    }

    public static Duration seconds(long seconds) {
        return Duration.ofSeconds(seconds);
    }
}
