package org.trackbench.headless.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueStore;

/** {@code trackbench:audit}: the record of admin actions, newest first. */
@Component(service = AuditCommand.class, property = { Commands.SCOPE, "osgi.command.function=audit" })
public final class AuditCommand {

    static final String USAGE = "trackbench:audit [-n limit] [--since 7d|2026-11-30T08:00:00Z] [-a action[,action]]"
            + " [text]";

    private final ComponentHealth health;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public AuditCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("lists the admin actions recorded: when, by whom, from where, what and on how many items")
    public String audit(
            @Descriptor("rows to show, 1 to 10000") @Parameter(names = { "-n", "--limit" }, absentValue = "20")
            String limit,
            @Descriptor("only since an age (7d, 12h) or an instant") @Parameter(names = "--since", absentValue = "")
            String since,
            @Descriptor("only these actions, e.g. retry,delete")
            @Parameter(names = { "-a", "--action" }, absentValue = "") String actions,
            @Descriptor("text to find in the user, origin or detail") String... text) {
        AuditTrail trail = audit;
        if (trail == null) {
            return Commands.unavailable("the audit trail (kept in the queue)", health.why(QueueStore.class));
        }
        AuditQuery query;
        try {
            query = new AuditQuery(since(since), actions(actions), Commands.words(text),
                    Commands.limit(limit, AuditQuery.MAX_LIMIT));
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, USAGE);
        }
        try {
            return listing(trail.entries(query));
        } catch (QueueException e) {
            return Commands.failed(e);
        }
    }

    private static String listing(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return "No admin actions match.\n";
        }
        TextTable table = TextTable.listing("WHEN", "USER", "FROM", "ACTION", "ITEMS", "DETAIL");
        for (AuditEntry entry : entries) {
            table.row(Durations.local(entry.at()), entry.user(), entry.origin(),
                    entry.action().label(), entry.items(), entry.detail());
        }
        return table.toString();
    }

    private Instant since(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return clock.instant().minus(Durations.parse(text));
            } catch (IllegalArgumentException notAnAge) {
                throw new IllegalArgumentException("since '" + text + "' is neither an age (90s, 30m, 12h, 7d, P7D)"
                        + " nor an instant (2026-11-30T08:00:00Z)", notAnAge);
            }
        }
    }

    /** @throws IllegalArgumentException naming an action that is not one and the accepted ones */
    private static Set<AdminAction> actions(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(name -> !name.isEmpty())
                .map(AdminAction::parse).collect(Collectors.toSet());
    }
}
