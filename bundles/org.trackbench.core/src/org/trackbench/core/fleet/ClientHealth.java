package org.trackbench.core.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one client reports about itself: enough for an admin to see the data it holds undelivered.
 *
 * @param clientId the client's stable id, created once and kept with its settings
 * @param productVersion the version of the client's software
 * @param osUser the operating-system account it runs as
 * @param hostName the machine's name
 * @param queue items in the client's queue by status label ({@code pending}, {@code failed}, …)
 * @param oldestUnsentAt when the oldest item not delivered yet was queued, {@code null} if none
 * @param unsentBlobBytes bytes of screenshots not delivered yet
 * @param lastDeliveryAt when the server last accepted one of its items, {@code null} if never (since its start)
 * @param lastError the last reason a delivery did not succeed, {@code null} if none; never a credential
 * @param syncState the sync's state ({@code online}, {@code paused}, …)
 * @param trackerState the time tracker's state ({@code idle}, {@code running}, …), {@code null} without a tracker
 * @param clockOffset how far the client's clock is ahead of the server's, {@code null} before it measured it
 * @param interval how often it reports while it reaches the server
 * @param reportedAt the client's time of the report
 */
public record ClientHealth(String clientId, String productVersion, String osUser, String hostName,
        Map<String, Long> queue, Instant oldestUnsentAt, long unsentBlobBytes, Instant lastDeliveryAt,
        String lastError, String syncState, String trackerState, Duration clockOffset, Duration interval,
        Instant reportedAt) {

    public ClientHealth {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(reportedAt, "reportedAt");
        queue = Map.copyOf(queue);
    }

    /** The report for people, label by label in a fixed order; a value the client left out is "-". */
    public Map<String, String> describe() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("client id", clientId);
        fields.put("user", osUser + "@" + hostName);
        fields.put("version", text(productVersion));
        fields.put("queue", new TreeMap<>(queue).toString());
        fields.put("oldest unsent", text(oldestUnsentAt));
        fields.put("unsent screenshots", unsentBlobBytes + " bytes");
        fields.put("last delivery", text(lastDeliveryAt));
        fields.put("last error", text(lastError));
        fields.put("sync", text(syncState));
        fields.put("tracker", text(trackerState));
        fields.put("clock offset", FleetClient.offset(clockOffset));
        fields.put("reports every", interval.toSeconds() + " s");
        fields.put("reported at", reportedAt + " (the client's clock)");
        return fields;
    }

    private static String text(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** Items not delivered yet: every status but {@code sent}. */
    public long unsent() {
        return queue.entrySet().stream().filter(count -> !count.getKey().equals("sent"))
                .mapToLong(Map.Entry::getValue).sum();
    }

    /** Items the server refused or whose retries are spent, waiting for an admin. */
    public long failed() {
        return queue.getOrDefault("failed", 0L);
    }
}
