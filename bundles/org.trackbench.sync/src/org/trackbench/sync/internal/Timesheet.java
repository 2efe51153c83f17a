package org.trackbench.sync.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.trackbench.core.capture.EntityTypes;
import org.trackbench.core.ledger.DayReconciliation;
import org.trackbench.core.ledger.EntryDifference;
import org.trackbench.core.ledger.LedgerEntry;
import org.trackbench.core.ledger.ReconciliationUnavailableException;
import org.trackbench.core.ledger.TimeLedger;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Tracked against delivered, day by day: the ledger's entries against those {@code GET /api/v1/time-entries} returns.
 * An entry whose events still wait in the queue is time queued, not a difference; one whose events were all delivered
 * and that the server does not hold is missing there.
 */
final class Timesheet {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

    /** One transition, as both sides can tell it. */
    private record Step(String type, Instant at) {
    }

    /** An entry as the server holds it. */
    private record Held(UUID id, String description, List<Step> steps, Duration worked, Instant startedAt) {
    }

    private final TimeLedger ledger;
    private final QueueStore store;

    Timesheet(TimeLedger ledger, QueueStore store) {
        this.ledger = ledger;
        this.store = store;
    }

    List<DayReconciliation> reconcile(LocalDate from, LocalDate to, ZoneId zone, HttpSender sender, String token) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the days " + from + " to " + to + " are in the wrong order; expected the"
                    + " first day first");
        }
        Instant start = from.atStartOfDay(zone).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UUID, Held> held = held(sender, token, start, end);
        Map<LocalDate, List<LedgerEntry>> trackedByDay = ledger.entries(start, end).stream()
                .collect(Collectors.groupingBy(entry -> day(entry.startedAt(), zone)));
        Map<LocalDate, List<Held>> heldByDay = held.values().stream()
                .collect(Collectors.groupingBy(entry -> day(entry.startedAt(), zone)));
        List<DayReconciliation> days = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            days.add(day(day, trackedByDay.getOrDefault(day, List.of()), heldByDay.getOrDefault(day, List.of()), held,
                    zone));
        }
        return days;
    }

    private DayReconciliation day(LocalDate day, List<LedgerEntry> tracked, List<Held> onServer, Map<UUID, Held> held,
            ZoneId zone) {
        Duration trackedTime = Duration.ZERO;
        Duration queued = Duration.ZERO;
        List<EntryDifference> differences = new ArrayList<>();
        for (LedgerEntry entry : tracked) {
            trackedTime = trackedTime.plus(entry.worked());
            Held there = held.get(entry.id());
            Duration confirmed = there == null ? Duration.ZERO : there.worked();
            if (waiting(entry.id()) > 0) {
                Duration unconfirmed = entry.worked().minus(confirmed);
                queued = queued.plus(unconfirmed.isNegative() ? Duration.ZERO : unconfirmed);
            } else if (there == null) {
                differences.add(new EntryDifference(entry.id(), EntryDifference.Kind.MISSING_ON_SERVER,
                        entry.description(), entry.worked(), Duration.ZERO, "here: " + described(steps(entry), zone)));
            } else if (!there.steps().equals(steps(entry))) {
                differences.add(new EntryDifference(entry.id(), EntryDifference.Kind.DIFFERENT_TRANSITIONS,
                        entry.description(), entry.worked(), confirmed, "here: " + described(steps(entry), zone)
                                + "; server: " + described(there.steps(), zone)));
            }
        }
        Set<UUID> trackedIds = tracked.stream().map(LedgerEntry::id).collect(Collectors.toSet());
        Duration confirmedTime = Duration.ZERO;
        for (Held entry : onServer) {
            confirmedTime = confirmedTime.plus(entry.worked());
            if (!trackedIds.contains(entry.id())) {
                differences.add(new EntryDifference(entry.id(), EntryDifference.Kind.ONLY_ON_SERVER, entry.description(),
                        Duration.ZERO, entry.worked(), "server: " + described(entry.steps(), zone)));
            }
        }
        return new DayReconciliation(day, trackedTime, confirmedTime, queued, differences);
    }

    /** The entry's events not delivered yet. */
    private long waiting(UUID entry) {
        return store.count(QueueQuery.all(1).withStatuses(ItemStatus.UNDELIVERED)
                .withEntityTypes(Set.of(EntityTypes.TIME_ENTRY_EVENT)).inGroup(entry.toString()));
    }

    private static Map<UUID, Held> held(HttpSender sender, String token, Instant from, Instant to) {
        JsonNode answer;
        try {
            answer = sender.getJson("/api/v1/time-entries?from=" + from + "&to=" + to, token);
        } catch (IOException e) {
            throw new ReconciliationUnavailableException("cannot read the time entries the server holds: "
                    + e.getMessage(), e);
        }
        Map<UUID, Held> held = new LinkedHashMap<>();
        for (JsonNode entry : answer.path("timeEntries")) {
            try {
                Held read = held(entry);
                held.put(read.id(), read);
            } catch (RuntimeException e) {
                throw new ReconciliationUnavailableException("the server's time entries are not API v1's ("
                        + e.getMessage() + "): " + entry, e);
            }
        }
        return held;
    }

    private static Held held(JsonNode entry) {
        List<Step> steps = new ArrayList<>();
        Duration worked = Duration.ZERO;
        Instant runningSince = null;
        Long measured = null;
        for (JsonNode event : entry.path("events")) {
            String type = event.path("type").asText();
            Instant at = Instant.parse(event.path("at").asText());
            steps.add(new Step(type, at));
            if (runningSince != null && (type.equals("pause") || type.equals("stop"))) {
                worked = worked.plus(Duration.between(runningSince, at));
            }
            runningSince = type.equals("start") || type.equals("resume") ? at : null;
            measured = event.path("workedMs").canConvertToLong() ? event.get("workedMs").asLong() : null;
        }
        Instant startedAt = Instant.parse(entry.path("events").get(0).path("at").asText());
        return new Held(UUID.fromString(entry.path("id").asText()), entry.path("description").asText(null),
                steps, measured == null ? worked : Duration.ofMillis(measured), startedAt);
    }

    private static List<Step> steps(LedgerEntry entry) {
        return entry.transitions().stream().map(transition -> new Step(transition.type(), transition.at())).toList();
    }

    private static String described(List<Step> steps, ZoneId zone) {
        return steps.stream().map(step -> step.type() + " " + TIME.format(step.at().atZone(zone)))
                .collect(Collectors.joining(", "));
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
