package org.trackbench.server.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.trackbench.server.AppliedItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What the server has applied: each idempotency key once, with its first answer, and the state of every
 * time entry. With a data directory every applied item is journaled (screenshots as files) and replayed
 * at start, so a restarted server still recognises repeated keys.
 */
final class ServerLedger implements AutoCloseable {

    /** The answer to a request and whether it repeated an applied key. */
    record Result(Answer answer, boolean duplicate) {
    }

    private enum EntryState {
        RUNNING, PAUSED, STOPPED
    }

    private record Recorded(String fingerprint, Answer answer) {
    }

    private static final Set<String> EVENT_TYPES = Set.of("start", "pause", "resume", "stop");
    private static final Set<String> IMAGE_TYPES = Set.of("image/jpeg", "image/png");
    private static final Set<String> OMISSION_REASONS = Set.of("deleted_by_user", "evicted_over_quota",
            "capture_unavailable", "excluded", "paused_by_user");

    private final ObjectMapper json = new ObjectMapper();
    private final Clock clock;
    private final Path directory;
    private final BufferedWriter journal;
    private final Map<String, Recorded> byKey = new HashMap<>();
    private final Map<String, EntryState> entries = new HashMap<>();
    private final List<AppliedItem> applied = new ArrayList<>();
    private final ServerTimeEntries timeEntries = new ServerTimeEntries(json);

    ServerLedger(Path directory, Clock clock) throws IOException {
        this.clock = clock;
        this.directory = directory;
        if (directory == null) {
            journal = null;
            return;
        }
        Files.createDirectories(directory.resolve("screenshots"));
        Path file = directory.resolve("applied.jsonl");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    replay(json.readTree(line));
                }
            }
        }
        journal = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    synchronized Result apply(ApiRequest request) {
        Recorded recorded = byKey.get(request.idempotencyKey());
        if (recorded != null) {
            if (!recorded.fingerprint().equals(request.fingerprint())) {
                return new Result(Answer.error(422, "idempotency_key_reused", "Idempotency-Key "
                        + request.idempotencyKey() + " was already used for a different request"), false);
            }
            return new Result(recorded.answer(), true);
        }
        try {
            Answer answer = switch (request.kind()) {
                case "event" -> applyEvent(request);
                case "screenshot" -> applyScreenshot(request);
                case "omission" -> applyOmission(request);
                default -> applyItem(request);
            };
            return new Result(answer, false);
        } catch (RefusedRequest refused) {
            return new Result(refused.answer(), false);
        }
    }

    synchronized List<AppliedItem> applied() {
        return List.copyOf(applied);
    }

    private Answer applyEvent(ApiRequest request) throws RefusedRequest {
        JsonNode body = RefusedRequest.json(json, request.body());
        String type = body.path("type").asText(null);
        if (type == null || !EVENT_TYPES.contains(type)) {
            return Answer.error(400, "invalid_event", "type '" + type + "' is not one of start, pause, resume, stop");
        }
        try {
            Instant.parse(body.path("at").asText(""));
        } catch (DateTimeParseException e) {
            return Answer.error(400, "invalid_event", "at '" + body.path("at").asText("") + "' is not an ISO-8601 instant");
        }
        EntryState state = entries.get(request.timeEntryId());
        if (state == null && !type.equals("start")) {
            return Answer.error(404, "unknown_time_entry", "time entry " + request.timeEntryId() + " was never started");
        }
        EntryState next = transition(state, type);
        if (next == null) {
            return Answer.error(409, "impossible_transition", type + " is impossible for time entry "
                    + request.timeEntryId() + " in state " + (state == null ? "new" : state.name().toLowerCase()));
        }
        entries.put(request.timeEntryId(), next);
        ObjectNode kept = timeEntries.kept(body);
        Answer answer = record(request, type, null, kept);
        timeEntries.record(request.timeEntryId(), kept);
        return answer;
    }

    /** {@code GET /api/v1/time-entries}: the entries started in {@code [from, to)}. */
    synchronized String timeEntries(Instant from, Instant to) {
        return timeEntries.listing(from, to);
    }

    /**
     * Forgets a time entry, as an admin deleting it would: a new start under its id is accepted again, while the
     * idempotency keys it was sent with are still answered as before.
     */
    synchronized boolean deleteTimeEntry(String timeEntryId) {
        if (!timeEntries.delete(timeEntryId)) {
            return false;
        }
        entries.remove(timeEntryId);
        if (journal != null) {
            writeJournal(json.createObjectNode().put("kind", "deleted").put("timeEntryId", timeEntryId)
                    .put("deletedAt", clock.instant().toString()));
        }
        return true;
    }

    private static EntryState transition(EntryState state, String type) {
        return switch (type) {
            case "start" -> state == null ? EntryState.RUNNING : null;
            case "pause" -> state == EntryState.RUNNING ? EntryState.PAUSED : null;
            case "resume" -> state == EntryState.PAUSED ? EntryState.RUNNING : null;
            case "stop" -> state == EntryState.RUNNING || state == EntryState.PAUSED ? EntryState.STOPPED : null;
            default -> null;
        };
    }

    private Answer applyScreenshot(ApiRequest request) {
        if (request.contentType() == null || !IMAGE_TYPES.contains(request.contentType())) {
            return Answer.error(400, "invalid_screenshot", "Content-Type '" + request.contentType()
                    + "' is not accepted; expected image/jpeg or image/png");
        }
        if (request.capturedAt() == null) {
            return Answer.error(400, "invalid_screenshot", "X-Captured-At is missing or not an ISO-8601 instant");
        }
        if (!entries.containsKey(request.timeEntryId())) {
            return Answer.error(404, "unknown_time_entry", "time entry " + request.timeEntryId() + " was never started");
        }
        return record(request, request.contentType(), request.body(), null);
    }

    /** A screenshot that was due and is not there: kept with its reason, so the gap has a cause. */
    private Answer applyOmission(ApiRequest request) throws RefusedRequest {
        JsonNode body = RefusedRequest.json(json, request.body());
        String reason = body.path("reason").asText(null);
        if (reason == null || !OMISSION_REASONS.contains(reason)) {
            return Answer.error(400, "invalid_omission", "reason '" + reason + "' is not one of "
                    + String.join(", ", new TreeSet<>(OMISSION_REASONS)));
        }
        try {
            Instant.parse(body.path("capturedAt").asText(""));
        } catch (DateTimeParseException e) {
            return Answer.error(400, "invalid_omission", "capturedAt '" + body.path("capturedAt").asText("")
                    + "' is not an ISO-8601 instant");
        }
        if (!entries.containsKey(request.timeEntryId())) {
            return Answer.error(404, "unknown_time_entry", "time entry " + request.timeEntryId() + " was never started");
        }
        return record(request, reason, null, null);
    }

    private Answer applyItem(ApiRequest request) throws RefusedRequest {
        if (!RefusedRequest.json(json, request.body()).isObject()) {
            return Answer.error(400, "invalid_item", "body must be a JSON object");
        }
        return record(request, request.entityType(), null, null);
    }

    private Answer record(ApiRequest request, String detail, byte[] screenshot, ObjectNode event) {
        Answer answer = Answer.created(request.idempotencyKey());
        AppliedItem item = new AppliedItem(request.idempotencyKey(), request.kind(), request.timeEntryId(), detail,
                request.body().length, clock.instant());
        if (journal != null) {
            journal(request, item, answer, screenshot, event);
        }
        byKey.put(request.idempotencyKey(), new Recorded(request.fingerprint(), answer));
        applied.add(item);
        return answer;
    }

    private void journal(ApiRequest request, AppliedItem item, Answer answer, byte[] screenshot, ObjectNode event) {
        try {
            if (screenshot != null) {
                Files.write(directory.resolve("screenshots").resolve(request.idempotencyKey()), screenshot);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot journal applied item " + item.idempotencyKey(), e);
        }
        ObjectNode line = json.createObjectNode().put("key", item.idempotencyKey()).put("kind", item.kind())
                .put("timeEntryId", item.timeEntryId()).put("detail", item.detail()).put("bytes", item.bytes())
                .put("appliedAt", item.appliedAt().toString()).put("fingerprint", request.fingerprint())
                .put("status", answer.status()).put("answer", answer.body());
        if (event != null) {
            line.set("event", event);
        }
        writeJournal(line);
    }

    private void writeJournal(ObjectNode line) {
        try {
            journal.write(line.toString());
            journal.newLine();
            journal.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot journal " + line.path("kind").asText() + " "
                    + line.path("key").asText(line.path("timeEntryId").asText()), e);
        }
    }

    private void replay(JsonNode line) {
        if (line.path("kind").asText().equals("deleted")) {
            entries.remove(line.path("timeEntryId").asText());
            timeEntries.delete(line.path("timeEntryId").asText());
            return;
        }
        AppliedItem item = new AppliedItem(line.path("key").asText(), line.path("kind").asText(),
                line.path("timeEntryId").asText(null), line.path("detail").asText(null), line.path("bytes").asLong(),
                Instant.parse(line.path("appliedAt").asText()));
        byKey.put(item.idempotencyKey(), new Recorded(line.path("fingerprint").asText(),
                new Answer(line.path("status").asInt(), line.path("answer").asText())));
        applied.add(item);
        if (item.kind().equals("event")) {
            entries.put(item.timeEntryId(), transition(entries.get(item.timeEntryId()), item.detail()));
            if (line.has("event")) {
                timeEntries.record(item.timeEntryId(), line.get("event"));
            }
        }
    }

    @Override
    public synchronized void close() throws IOException {
        if (journal != null) {
            journal.close();
        }
    }
}
