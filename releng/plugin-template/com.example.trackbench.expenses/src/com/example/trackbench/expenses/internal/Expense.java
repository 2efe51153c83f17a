package com.example.trackbench.expenses.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An amount spent during a time entry: {@code {"entryId": "…", "amount": "12.50", "currency": "EUR", "note": "taxi",
 * "at": "2026-12-01T09:12:00Z"}}. The amount travels as a string, so that no cent is lost to binary floating point.
 */
record Expense(UUID entryId, BigDecimal amount, String currency, String note, Instant at) {

    static final String ENTITY_TYPE = "expense";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final int MAX_NOTE = 500;

    Expense {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("expense amount '" + amount
                    + "' is not accepted; expected a positive amount with at most two decimals, e.g. 12.50");
        }
        if (currency == null || !CURRENCY.matcher(currency).matches()) {
            throw new IllegalArgumentException("expense currency '" + currency
                    + "' is not accepted; expected an ISO 4217 code such as EUR");
        }
        if (note == null || note.length() > MAX_NOTE) {
            throw new IllegalArgumentException("expense note of " + (note == null ? "no" : note.length())
                    + " characters is not accepted; expected 0 to " + MAX_NOTE);
        }
    }

    String toJson() {
        ObjectNode node = JSON.createObjectNode();
        node.put("entryId", entryId.toString());
        node.put("amount", amount.toPlainString());
        node.put("currency", currency);
        node.put("note", note);
        node.put("at", at.toString());
        return node.toString();
    }

    /** @throws IllegalArgumentException naming the field at fault and what would be accepted */
    static Expense parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("expense payload is not JSON; expected an object such as"
                    + " {\"entryId\": \"…\", \"amount\": \"12.50\", \"currency\": \"EUR\", \"note\": \"taxi\", \"at\": \"…\"}", e);
        }
        try {
            return new Expense(UUID.fromString(node.path("entryId").asText()), new BigDecimal(node.path("amount").asText()),
                    node.path("currency").asText(), node.path("note").asText(""), Instant.parse(node.path("at").asText()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expense amount '" + node.path("amount").asText()
                    + "' is not a number; expected e.g. 12.50", e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("expense at '" + node.path("at").asText()
                    + "' is not accepted; expected an ISO-8601 instant", e);
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("expense ")) {
                throw e;
            }
            throw new IllegalArgumentException("expense entryId '" + node.path("entryId").asText()
                    + "' is not accepted; expected the UUID of a time entry", e);
        }
    }
}
