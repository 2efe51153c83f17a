package org.trackbench.sync.internal;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.trackbench.core.fleet.FleetClient;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.fleet.FleetUnavailableException;
import org.trackbench.core.sync.TokenProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code GET /api/v1/admin/clients} with the admin token: the fleet as the server holds it, most at risk first. */
final class FleetListing {

    private static final String CLIENTS = "/api/v1/admin/clients";

    private final HealthJson json = new HealthJson(new ObjectMapper());

    List<FleetClient> read(HttpSender sender, URI server, TokenProvider tokens) {
        String token = tokens.token(FleetService.adminApi(server)).orElseThrow(() -> new FleetUnavailableException(
                "no admin token is stored for " + server + "; store one with trackbench:login --admin <token> or in"
                        + " the workbench's Sign-in preferences",
                null));
        JsonNode answer;
        try {
            answer = sender.getJson(CLIENTS, token);
        } catch (IOException e) {
            throw new FleetUnavailableException("cannot list the fleet from " + server + CLIENTS + ": " + e.getMessage(), e);
        }
        List<FleetClient> clients = new ArrayList<>();
        for (JsonNode client : answer.path("clients")) {
            try {
                clients.add(json.readClient(client));
            } catch (IllegalArgumentException e) {
                throw new FleetUnavailableException("the server's fleet listing is not API v1's: " + e.getMessage(), e);
            }
        }
        clients.sort(FleetClient.BY_RISK);
        return List.copyOf(clients);
    }
}
