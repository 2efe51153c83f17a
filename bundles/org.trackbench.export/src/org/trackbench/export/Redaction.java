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
