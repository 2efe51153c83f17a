package org.trackbench.core.fleet;

import java.net.URI;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The fleet as the configured tracking server holds it, read with the admin token. The admin token is kept by the
 * {@code TokenProvider} under {@link #adminApi(URI)}, apart from the server's user tokens.
 */
@ProviderType
public interface FleetService {

    /** Where the admin API of {@code server} is, and so the URL its admin token is stored for. */
    static URI adminApi(URI server) {
        return URI.create(server + "/api/v1/admin");
    }

    /** Whether an admin token is stored for the configured server: the fleet can be listed. */
    boolean adminTokenSet();

    /**
     * Every client that reported to the server, most at risk first ({@link FleetClient#BY_RISK}).
     *
     * @throws FleetUnavailableException naming the server and why it cannot be listed
     */
    List<FleetClient> clients();

    /** This client's health, as it would report it now. */
    ClientHealth localHealth();
}
