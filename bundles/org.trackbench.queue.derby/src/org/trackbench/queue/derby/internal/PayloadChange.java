package org.trackbench.queue.derby.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.trackbench.export.Redaction;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an edit changed in a payload, field by field, as the audit trail shows it: values of secret-looking fields
 * are never written, only that they changed.
 */
final class PayloadChange {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN_VALUE_CHARS = 200;
    private static final String ABSENT = "(none)";

    private PayloadChange() {
    }

    /** E.g. {@code project: "Acme" → "Acme Corp", note: (none) → "late"}; both payloads are JSON objects. */
    static String describe(String before, String after) {
        JsonNode old = read(before);
        JsonNode now = read(after);
        Set<String> fields = new LinkedHashSet<>();
        old.fieldNames().forEachRemaining(fields::add);
        now.fieldNames().forEachRemaining(fields::add);
        List<String> changes = new ArrayList<>();
        for (String field : fields) {
            JsonNode was = old.get(field);
            JsonNode is = now.get(field);
            if (was == null ? is != null : !was.equals(is)) {
                changes.add(field + ": " + shown(field, was) + " → " + shown(field, is));
            }
        }
        return changes.isEmpty() ? "payload unchanged" : String.join(", ", changes);
    }

    private static String shown(String field, JsonNode value) {
        if (value == null) {
            return ABSENT;
        }
        if (Redaction.isSecret(field)) {
            return Redaction.REDACTED;
        }
        String text = Redaction.redacted(value).toString();
        return text.length() > SHOWN_VALUE_CHARS ? text.substring(0, SHOWN_VALUE_CHARS) + "…" : text;
    }

    private static JsonNode read(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("payload is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
