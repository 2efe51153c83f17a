package org.trackbench.export;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Hides values of secret-looking fields in payloads before they are shown or exported. Trackbench's own payloads
 * hold no credential; this guards against a plug-in that puts one in its payload.
 */
public final class Redaction {

    public static final String REDACTED = "[redacted]";
    private static final Set<String> SECRET_WORDS = Set.of("token", "password", "secret", "authorization", "apikey",
            "api_key", "credential", "cookie");

    private Redaction() {
    }

    /** A copy of {@code node} with the values of secret-looking fields replaced, at any depth. */
    public static JsonNode redacted(JsonNode node) {
        JsonNode copy = node.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    /**
     * A copy of {@code edited}, a redacted payload someone changed, in which every secret-looking field that still
     * holds {@link #REDACTED} has its value from {@code original} again, at any depth: a secret is neither shown to
     * the editor nor lost by the edit.
     *
     * @since 1.1
     */
    public static JsonNode restored(JsonNode original, JsonNode edited) {
        JsonNode copy = edited.deepCopy();
        restoreInPlace(original, copy);
        return copy;
    }

    private static void restoreInPlace(JsonNode original, JsonNode edited) {
        if (edited instanceof ObjectNode object && original instanceof ObjectNode source) {
            object.fieldNames().forEachRemaining(name -> {
                JsonNode value = object.get(name);
                if (isSecret(name) && REDACTED.equals(value.textValue()) && source.has(name)) {
                    object.set(name, source.get(name).deepCopy());
                } else {
                    restoreInPlace(source.get(name), value);
                }
            });
        } else if (edited instanceof ArrayNode array && original instanceof ArrayNode source) {
            for (int i = 0; i < array.size() && i < source.size(); i++) {
                restoreInPlace(source.get(i), array.get(i));
            }
        }
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                if (isSecret(name)) {
                    object.put(name, REDACTED);
                } else {
                    redactInPlace(object.get(name));
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(Redaction::redactInPlace);
        }
    }

    /** Whether a field of that name holds a secret: its name contains token, password, secret, cookie, … */
    public static boolean isSecret(String fieldName) {
        String name = fieldName.toLowerCase(Locale.ROOT);
        return SECRET_WORDS.stream().anyMatch(name::contains);
    }
}
