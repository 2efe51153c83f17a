package org.trackbench.server.internal;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;

/**
 * API v1's admin part ({@code /api/v1/admin/}): the fleet and deleting time entries. It answers the admin token only,
 * never a user's; a server without an admin token keeps it closed.
 */
final class AdminApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TIME_ENTRY = Pattern.compile("/api/v1/admin/time-entries/([^/]+)");

    private final String token;
    private final ClientReports reports;
    private final ServerLedger ledger;
    private final AtomicLong rejected;

    AdminApi(String token, ClientReports reports, ServerLedger ledger, AtomicLong rejected) {
        this.token = token;
        this.reports = reports;
        this.ledger = ledger;
        this.rejected = rejected;
    }

    void handle(HttpExchange exchange, String path, String method) throws IOException {
        Matcher timeEntry = TIME_ENTRY.matcher(path);
        if (token == null) {
            TrackingServer.send(exchange, Answer.error(403, "admin_api_closed", "this server has no admin token configured"),
                    null);
        } else if (!TrackingServer.authorized(exchange, token)) {
            rejected.incrementAndGet();
            TrackingServer.send(exchange, Answer.error(401, "unauthorized", "the admin token is required"), null);
        } else if (path.equals("/api/v1/admin/clients") && method.equals("GET")) {
            TrackingServer.send(exchange, new Answer(200, reports.listing()), null);
        } else if (timeEntry.matches() && method.equals("DELETE")) {
            TrackingServer.send(exchange, ledger.deleteTimeEntry(timeEntry.group(1))
                    ? new Answer(200, JSON.createObjectNode().put("deleted", timeEntry.group(1)).toString())
                    : Answer.error(404, "unknown_time_entry", "time entry " + timeEntry.group(1) + " is not held"), null);
        } else {
            TrackingServer.send(exchange, Answer.error(404, "not_found", method + " " + path
                    + " is not part of the admin API"), null);
        }
    }
}
