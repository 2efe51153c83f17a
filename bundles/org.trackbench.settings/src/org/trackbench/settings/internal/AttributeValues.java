package org.trackbench.settings.internal;

import java.util.Arrays;
import java.util.List;

import org.osgi.service.metatype.AttributeDefinition;

/** Turns text (typed at the console or in a preference page) into a typed configuration value, checked the way the attribute's Metatype says. */
final class AttributeValues {

    private AttributeValues() {
    }

    /** @throws IllegalArgumentException naming the text, the attribute and what would be accepted */
    static Object parse(AttributeDefinition attribute, String text) {
        String value = text.strip();
        String[] options = attribute.getOptionValues();
        if (options != null && options.length > 0 && !Arrays.asList(options).contains(value)) {
            throw rejected(attribute, text, "one of " + String.join(", ", options));
        }
        Object typed = typed(attribute, value);
        String problem = attribute.validate(value);
        if (problem != null && !problem.isEmpty()) {
            throw new IllegalArgumentException(attribute.getID() + " '" + text + "' is not accepted: " + problem
                    + " (" + attribute.getName() + ")");
        }
        return typed;
    }

    private static Object typed(AttributeDefinition attribute, String value) {
        try {
            return switch (attribute.getType()) {
                case AttributeDefinition.LONG -> Long.valueOf(value);
                case AttributeDefinition.INTEGER -> Integer.valueOf(value);
                case AttributeDefinition.DOUBLE -> Double.valueOf(value);
                case AttributeDefinition.FLOAT -> Float.valueOf(value);
                case AttributeDefinition.BOOLEAN -> bool(attribute, value);
                default -> value;
            };
        } catch (NumberFormatException e) {
            boolean whole = attribute.getType() == AttributeDefinition.LONG || attribute.getType() == AttributeDefinition.INTEGER;
            IllegalArgumentException rejected = rejected(attribute, value, whole ? "a whole number" : "a number");
            rejected.initCause(e);
            throw rejected;
        }
    }

    private static Boolean bool(AttributeDefinition attribute, String value) {
        if (!List.of("true", "false").contains(value)) {
            throw rejected(attribute, value, "true or false");
        }
        return Boolean.valueOf(value);
    }

    private static IllegalArgumentException rejected(AttributeDefinition attribute, String text, String accepted) {
        return new IllegalArgumentException(attribute.getID() + " '" + text + "' is not accepted; expected " + accepted);
    }
}
