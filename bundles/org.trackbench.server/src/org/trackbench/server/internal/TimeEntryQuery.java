package org.trackbench.server.internal;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** {@code GET /api/v1/time-entries?from=&to=}: the entries the server holds, started in {@code [from, to)}. */
final class TimeEntryQuery {

    private TimeEntryQuery() {
    }

    static Answer answer(URI request, ServerLedger ledger) {
        Map<String, String> query = new HashMap<>();
        String raw = request.getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    query.put(pair.substring(0, equals), URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
        }
        try {
            Instant from = Instant.parse(query.getOrDefault("from", ""));
            Instant to = Instant.parse(query.getOrDefault("to", ""));
            if (!from.isBefore(to)) {
                return Answer.error(400, "invalid_range", "from " + from + " is not before to " + to);
            }
            return new Answer(200, ledger.timeEntries(from, to));
        } catch (DateTimeParseException e) {
            return Answer.error(400, "invalid_range", "from and to must be ISO-8601 instants, e.g."
                    + " ?from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z; were '" + query.get("from") + "' and '"
                    + query.get("to") + "'");
        }
    }
}
