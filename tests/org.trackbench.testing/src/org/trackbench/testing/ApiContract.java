package org.trackbench.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The tracking server's API as {@code docs/api/openapi.yaml} documents it, to check what the client sends against the
 * document and not only against the reference server, which could share the client's misreading. It checks the part
 * of OpenAPI 3.0's schema language the document uses: {@code $ref}, {@code type}, {@code nullable}, {@code required},
 * {@code properties} (an undocumented field is a violation unless {@code additionalProperties} allows it),
 * {@code enum}, {@code minimum}, {@code items} and the formats {@code date-time} and {@code int64}.
 */
public final class ApiContract {

    private final JsonNode document;

    private ApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document the build points to ({@code trackbench.api.spec}). */
    public static ApiContract load() {
        String file = System.getProperty("trackbench.api.spec");
        if (file == null) {
            throw new IllegalStateException("trackbench.api.spec is not set; the test build points it to openapi.yaml");
        }
        try {
            return new ApiContract(new ObjectMapper(new YAMLFactory()).readTree(Path.of(file).toFile()));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the API document " + file, e);
        }
    }

    /** Fails, listing every violation, unless {@code instance} conforms to the schema {@code name} of the document. */
    public void assertConforms(String name, JsonNode instance) {
        List<String> violations = new ArrayList<>();
        check("#/components/schemas/" + name, schema(name), instance, "$", violations);
        if (!violations.isEmpty()) {
            throw new AssertionError(instance + " does not conform to " + name + ": " + String.join("; ", violations));
        }
    }

    private JsonNode schema(String name) {
        JsonNode schema = document.path("components").path("schemas").path(name);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("the API document has no schema " + name);
        }
        return schema;
    }

    private void check(String where, JsonNode schema, JsonNode value, String path, List<String> violations) {
        if (schema.has("$ref")) {
            String ref = schema.get("$ref").asText();
            check(ref, schema(ref.substring(ref.lastIndexOf('/') + 1)), value, path, violations);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                violations.add(path + " is null, which " + where + " does not allow");
            }
            return;
        }
        String type = schema.path("type").asText("");
        boolean typed = switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" -> value.isIntegralNumber();
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
        if (!typed) {
            violations.add(path + " is " + value.getNodeType() + ", not " + type);
            return;
        }
        if (schema.has("enum") && !contains(schema.get("enum"), value)) {
            violations.add(path + " is " + value + ", not one of " + schema.get("enum"));
        }
        if ("date-time".equals(schema.path("format").asText()) && !isInstant(value.asText())) {
            violations.add(path + " '" + value.asText() + "' is not a date-time");
        }
        if (schema.has("minimum") && value.asLong() < schema.get("minimum").asLong()) {
            violations.add(path + " is below its minimum " + schema.get("minimum"));
        }
        if (value.isObject()) {
            checkObject(where, schema, value, path, violations);
        }
        if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                check(where, schema.path("items"), value.get(i), path + "[" + i + "]", violations);
            }
        }
    }

    private void checkObject(String where, JsonNode schema, JsonNode value, String path, List<String> violations) {
        for (JsonNode required : schema.path("required")) {
            if (!value.has(required.asText())) {
                violations.add(path + "." + required.asText() + " is required by " + where + " but missing");
            }
        }
        JsonNode properties = schema.path("properties");
        JsonNode additional = schema.path("additionalProperties");
        value.fields().forEachRemaining(field -> {
            String fieldPath = path + "." + field.getKey();
            if (properties.has(field.getKey())) {
                check(where, properties.get(field.getKey()), field.getValue(), fieldPath, violations);
            } else if (additional.isObject()) {
                check(where, additional, field.getValue(), fieldPath, violations);
            } else if (!additional.asBoolean(false) && properties.size() > 0) {
                violations.add(fieldPath + " is not documented in " + where);
            }
        });
    }

    private static boolean contains(JsonNode options, JsonNode value) {
        for (JsonNode option : options) {
            if (option.equals(value)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isInstant(String text) {
        try {
            Instant.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
