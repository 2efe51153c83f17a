package org.trackbench.sync.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.fleet.ClientHealth;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells the server how this client is: {@code PUT /api/v1/clients/{clientId}/health}. Latest wins, so a report is
 * never queued: one goes when the sync reaches the server and the interval has passed since the last, or at once
 * when the count of failed items changed. A server without the endpoint is asked again an hour later, not every run.
 */
final class HealthReporter {

    private static final Logger LOG = LoggerFactory.getLogger(HealthReporter.class);
    private static final Duration UNSUPPORTED_PAUSE = Duration.ofHours(1);
    private static final Set<Integer> UNSUPPORTED = Set.of(404, 405, 501);

    private final QueueStore store;
    private final SyncStatusReporter status;
    private final Supplier<Optional<TrackerState>> tracker;
    private final Clock clock;
    private final String productVersion;
    private final HealthJson json = new HealthJson(new ObjectMapper());
    /** Looked up at the first report, on the job's thread: a slow name service must not hold up the start. */
    private volatile String hostName;
    private final String clientId;
    private Instant nextReport = Instant.MIN;
    private long reportedFailed = -1;

    HealthReporter(String clientId, String productVersion, QueueStore store, SyncStatusReporter status,
            Supplier<Optional<TrackerState>> tracker, Clock clock) {
        this.clientId = clientId;
        this.productVersion = productVersion;
        this.store = store;
        this.status = status;
        this.tracker = tracker;
        this.clock = clock;
    }

    /** Another server, or another interval: the next run reports at once. */
    synchronized void restart() {
        nextReport = Instant.MIN;
        reportedFailed = -1;
    }

    /** This client's health as it would report it now. */
    ClientHealth health(Duration interval) {
        return health(interval, store.countByStatus());
    }

    /** The health with the queue's {@code counts} as just read: one count of the queue per report. */
    private ClientHealth health(Duration interval, Map<ItemStatus, Long> counts) {
        Map<String, Long> queue = new LinkedHashMap<>();
        counts.forEach((itemStatus, count) -> queue.put(itemStatus.label(), count));
        if (hostName == null) {
            hostName = hostName();
        }
        return new ClientHealth(clientId, productVersion, System.getProperty("user.name"), hostName, queue,
                oldestUnsent().orElse(null), store.unsentBlobBytes(), status.lastSuccess(), status.lastError(),
                status.state().name().toLowerCase(Locale.ROOT),
                tracker.get().map(state -> state.name().toLowerCase(Locale.ROOT)).orElse(null),
                status.clockOffset().current().orElse(null), interval, clock.instant());
    }

    /** How long until a report is due, for the job's next run; zero when it is due now. */
    synchronized Duration untilDue() {
        Duration wait = Duration.between(clock.instant(), nextReport);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    /** Sends a report if one is due; the sync has just reached the server with {@code token}. */
    void reportIfDue(HttpSender sender, String token, Duration interval) {
        Map<ItemStatus, Long> counts = store.countByStatus();
        long failed = counts.get(ItemStatus.FAILED);
        synchronized (this) {
            if (failed == reportedFailed && clock.instant().isBefore(nextReport)) {
                return;
            }
            nextReport = clock.instant().plus(interval);
        }
        ClientHealth health = health(interval, counts);
        try {
            int answer = sender.putJson("/api/v1/clients/" + health.clientId() + "/health",
                    json.write(health).toString(), token);
            if (UNSUPPORTED.contains(answer)) {
                LOG.info("The server does not take health reports (HTTP {}); asking again in an hour", answer);
                synchronized (this) {
                    nextReport = clock.instant().plus(UNSUPPORTED_PAUSE);
                }
            } else if (answer >= 200 && answer < 300) {
                synchronized (this) {
                    reportedFailed = health.failed();
                }
            } else {
                LOG.debug("The server answered the health report with HTTP {}", answer);
            }
        } catch (IOException e) {
            // Deliveries learn about a broken connection on their own; a lost report is replaced by the next.
            LOG.debug("Health report not sent: {}", e.toString());
        }
    }

    private Optional<Instant> oldestUnsent() {
        QueueQuery oldest = QueueQuery.all(1).withStatuses(ItemStatus.UNDELIVERED)
                .sortedBy(QueueQuery.SortKey.CREATED_AT, false);
        return store.query(oldest).items().stream().findFirst().map(QueueItem::createdAt);
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return System.getenv().getOrDefault("HOSTNAME", "unknown");
        }
    }
}
