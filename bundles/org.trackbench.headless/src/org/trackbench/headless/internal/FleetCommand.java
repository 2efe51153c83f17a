package org.trackbench.headless.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.fleet.ClientHealth;
import org.trackbench.core.fleet.FleetClient;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.fleet.FleetUnavailableException;

/** {@code trackbench:fleet}: every client's latest health as the server holds it, most at risk first. */
@Component(service = FleetCommand.class, property = { Commands.SCOPE, "osgi.command.function=fleet" })
public final class FleetCommand {

    static final String USAGE = "trackbench:fleet [client-id]";

    private final ComponentHealth health;
    private final Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile FleetService fleet;

    @Activate
    public FleetCommand(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Descriptor("lists every client that reports to the server (needs the admin token: trackbench:login --admin):"
            + " user, last seen, unsent items and their age, failed, clock, version; those needing attention first")
    public String fleet() {
        FleetService current = fleet;
        if (current == null) {
            return Commands.unavailable("the fleet (read by the sync)", health.why(FleetService.class));
        }
        try {
            return listing(current.clients(), clock.instant());
        } catch (FleetUnavailableException e) {
            return "error: " + e.getMessage() + "\n";
        }
    }

    @Descriptor("shows one client's full report; 'self' is this client as it reports itself")
    public String fleet(@Descriptor("the client id, or the start of it") String clientId) {
        FleetService current = fleet;
        if (current == null) {
            return Commands.unavailable("the fleet (read by the sync)", health.why(FleetService.class));
        }
        if (clientId.equals("self")) {
            return report(current.localHealth(), Optional.empty());
        }
        try {
            List<FleetClient> matching = current.clients().stream()
                    .filter(client -> client.health().clientId().startsWith(clientId)).toList();
            if (matching.size() != 1) {
                return "error: " + (matching.isEmpty() ? "no client" : matching.size() + " clients") + " of the fleet"
                        + " match '" + clientId + "'; expected the id or a start that names one (see trackbench:fleet)\n";
            }
            FleetClient client = matching.get(0);
            return report(client.health(), Optional.of(client));
        } catch (FleetUnavailableException e) {
            return "error: " + e.getMessage() + "\n";
        }
    }

    private static String listing(List<FleetClient> clients, Instant now) {
        if (clients.isEmpty()) {
            return "No client has reported to the server yet.\n";
        }
        TextTable table = TextTable.listing("CLIENT", "USER", "LAST SEEN", "UNSENT", "OLDEST", "FAILED", "CLOCK",
                "VERSION", "ATTENTION");
        for (FleetClient client : clients) {
            ClientHealth report = client.health();
            table.row(report.clientId(), report.osUser() + "@" + report.hostName(),
                    FleetClient.age(Duration.between(client.lastSeenAt(), now)) + " ago", report.unsent(),
                    client.unsentAge(now).map(FleetClient::age).orElse("-"), report.failed(),
                    FleetClient.offset(report.clockOffset()),
                    report.productVersion(), client.attention(now).orElse(""));
        }
        return table.toString();
    }

    private String report(ClientHealth report, Optional<FleetClient> seen) {
        Instant now = clock.instant();
        TextTable table = TextTable.fields("CLIENT", report.clientId());
        seen.ifPresent(client -> table.row("last seen", client.lastSeenAt() + " (the server's clock)"));
        seen.flatMap(client -> client.attention(now)).ifPresent(attention -> table.row("attention", attention));
        report.describe().forEach((label, value) -> table.row(label, value));
        return table.toString();
    }
}
