package org.trackbench.core.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One client of the fleet, as the server last heard from it.
 *
 * @param lastSeenAt the server's time of the client's latest report
 * @param health the latest report
 */
public record FleetClient(Instant lastSeenAt, ClientHealth health) {

    /**
     * Most at risk first: the oldest undelivered data, then the most undelivered items, then the most failed, then the
     * longest unseen.
     */
    public static final Comparator<FleetClient> BY_RISK = Comparator
            .comparing((FleetClient client) -> client.health().oldestUnsentAt(),
                    Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(client -> -client.health().unsent())
            .thenComparing(client -> -client.health().failed())
            .thenComparing(FleetClient::lastSeenAt)
            .thenComparing(client -> client.health().clientId());

    /** How far a client's clock may be from the server's before it is worth a flag, as the client's own warning. */
    public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(2);

    /** Reports missed before a client counts as stale: one late report is not yet news. */
    public static final int MISSED_REPORTS = 3;

    public FleetClient {
        Objects.requireNonNull(lastSeenAt, "lastSeenAt");
        Objects.requireNonNull(health, "health");
    }

    /** Whether the server has not heard from it for {@value #MISSED_REPORTS} of its report intervals by {@code now}. */
    public boolean stale(Instant now) {
        return lastSeenAt.plus(health.interval().multipliedBy(MISSED_REPORTS)).isBefore(now);
    }

    /**
     * Why an admin should look at it by {@code now}, for people, e.g. "not seen for 12 min; 40 unsent, the oldest
     * 2 h 5 min old"; empty when nothing is wrong. Undelivered items count only when the client is stale or they are
     * older than the client's report interval: items sent within seconds are not news.
     */
    public Optional<String> attention(Instant now) {
        List<String> reasons = new ArrayList<>();
        boolean stale = stale(now);
        if (stale) {
            reasons.add("not seen for " + age(Duration.between(lastSeenAt, now)));
        }
        Optional<Duration> unsentAge = unsentAge(now);
        if (unsentAge.isPresent() && (stale || unsentAge.get().compareTo(health.interval()) > 0)) {
            reasons.add(health.unsent() + " unsent, the oldest " + age(unsentAge.get()) + " old");
        }
        if (health.failed() > 0) {
            reasons.add(health.failed() + " failed");
        }
        if (health.clockOffset() != null && health.clockOffset().abs().compareTo(CLOCK_TOLERANCE) > 0) {
            reasons.add("clock " + offset(health.clockOffset()));
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** A span for people, as coarse as it is long: {@code 45 s}, {@code 12 min}, {@code 3 h 4 min}, {@code 2 d 3 h}. */
    public static String age(Duration span) {
        if (span.toDays() > 0) {
            return span.toDays() + " d " + span.toHoursPart() + " h";
        }
        if (span.toHours() > 0) {
            return span.toHours() + " h " + span.toMinutesPart() + " min";
        }
        return span.toMinutes() > 0 ? span.toMinutes() + " min" : Math.max(0, span.toSeconds()) + " s";
    }

    /** A clock offset for people: {@code 1.2 s ahead}, {@code 5 min behind}; {@code -} when not measured. */
    public static String offset(Duration offset) {
        if (offset == null) {
            return "-";
        }
        Duration off = offset.abs();
        String amount = off.toMinutes() > 0 ? age(off) : String.format(Locale.ROOT, "%.1f s", off.toMillis() / 1000.0);
        return amount + (offset.isNegative() ? " behind" : " ahead");
    }

    /** How long its oldest undelivered item has waited by {@code now}, as of its latest report. */
    public Optional<Duration> unsentAge(Instant now) {
        return Optional.ofNullable(health.oldestUnsentAt()).map(oldest -> Duration.between(oldest, now));
    }
}
