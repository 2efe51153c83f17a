package org.trackbench.headless.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.ledger.DayReconciliation;
import org.trackbench.core.ledger.EntryDifference;
import org.trackbench.core.ledger.Reconciliation;
import org.trackbench.core.ledger.ReconciliationUnavailableException;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueStore;

/**
 * {@code trackbench:reconcile}: per day, the time tracked here against the time the server confirms and the time
 * still queued, with every entry the two see differently; {@code --requeue} queues what the server lacks again.
 */
@Component(service = ReconcileCommand.class, property = { Commands.SCOPE, "osgi.command.function=reconcile" })
public final class ReconcileCommand {

    static final String USAGE = "trackbench:reconcile [--days 7] [--requeue]";
    private static final int MAX_DAYS = 366;

    private final ComponentHealth health;
    private final Clock clock = Clock.systemDefaultZone();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile Reconciliation reconciliation;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueAdmin admin;

    @Activate
    public ReconcileCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("compares, per day, the time tracked here with the time the server confirms: tracked, confirmed, still"
            + " queued, and every entry missing on the server, different there, or only there")
    public String reconcile(
            @Descriptor("days back from today, today included, 1 to 366") @Parameter(names = { "-d", "--days" },
                    absentValue = "7") String days,
            @Descriptor("queue the events of the entries the server lacks again, from the ledger, under new keys")
            @Parameter(names = "--requeue", presentValue = "true", absentValue = "false") boolean requeue) {
        Reconciliation current = reconciliation;
        if (current == null) {
            return Commands.unavailable("the reconciliation (done by the sync)", health.why(Reconciliation.class));
        }
        ZoneId zone = clock.getZone();
        LocalDate today = LocalDate.now(clock);
        List<DayReconciliation> report;
        try {
            report = current.reconcile(today.minusDays(days(days) - 1L), today, zone);
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        } catch (ReconciliationUnavailableException e) {
            return "error: " + e.getMessage() + "\n";
        }
        String listing = listing(report);
        return requeue ? listing + requeue(report) : listing;
    }

    private static int days(String text) {
        int days;
        try {
            days = Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            days = 0;
        }
        if (days < 1 || days > MAX_DAYS) {
            throw new IllegalArgumentException("days '" + text + "' is not accepted; expected 1 to " + MAX_DAYS);
        }
        return days;
    }

    private String requeue(List<DayReconciliation> report) {
        List<UUID> missing = report.stream().flatMap(day -> day.differences().stream())
                .filter(difference -> difference.kind() == EntryDifference.Kind.MISSING_ON_SERVER)
                .map(EntryDifference::entryId).toList();
        if (missing.isEmpty()) {
            return "Nothing to re-queue: the server lacks no entry of these days.\n";
        }
        QueueAdmin current = admin;
        if (current == null) {
            return Commands.unavailable("re-queueing (done by the queue)", health.why(QueueStore.class));
        }
        try {
            return "Re-queued " + current.requeue(missing) + " event(s) of " + missing.size()
                    + " entr(ies) under new keys; recorded in the audit trail.\n";
        } catch (IllegalArgumentException e) {
            return "error: " + e.getMessage() + "; nothing was queued\n";
        } catch (QueueException e) {
            return Commands.failed(e);
        }
    }

    private static String listing(List<DayReconciliation> report) {
        TextTable days = TextTable.listing("DAY", "TRACKED", "CONFIRMED", "QUEUED", "DIFFERENCES", "");
        for (DayReconciliation day : report) {
            days.row(day.day(), Durations.clock(day.tracked()), Durations.clock(day.confirmed()),
                    Durations.clock(day.queued()), day.differences().size(), day.proven() ? "proven" : "");
        }
        List<EntryDifference> differences = report.stream().flatMap(day -> day.differences().stream()).toList();
        if (differences.isEmpty()) {
            return days.toString();
        }
        TextTable entries = TextTable.listing("ENTRY", "DIFFERENCE", "TRACKED", "CONFIRMED", "DESCRIPTION", "DETAIL");
        for (EntryDifference difference : differences) {
            entries.row(difference.entryId(), difference.kind().label(), Durations.clock(difference.tracked()),
                    Durations.clock(difference.confirmed()), difference.description(), difference.detail());
        }
        return days + "\n" + entries;
    }
}
