package org.trackbench.core.admin;

import java.util.Objects;

/**
 * What a bulk action does to every item a filter matches; see {@link QueueAdmin#preview} and {@link QueueAdmin#apply}.
 */
public sealed interface BulkAction permits BulkAction.Retry, BulkAction.Delete, BulkAction.SetField {

    /** Failed, blocked and waiting items become due now with fresh retries, as {@link QueueAdmin#retry}. */
    record Retry() implements BulkAction {

        @Override
        public String describe() {
            return "retry";
        }
    }

    /** Items are deleted with their blobs, but none of a group a retention hold keeps, as {@link QueueAdmin#delete}. */
    record Delete() implements BulkAction {

        @Override
        public String describe() {
            return "delete";
        }
    }

    /**
     * One top-level field of each failed or blocked item's payload is set, as {@link QueueAdmin#edit} would: e.g.
     * {@code project} on every item the server refused for an unknown project.
     *
     * @param field the field's name
     * @param jsonValue its new value as JSON: {@code "Acme"} with the quotes, {@code 42}, {@code null}
     */
    record SetField(String field, String jsonValue) implements BulkAction {

        public SetField {
            if (field == null || field.isBlank()) {
                throw new IllegalArgumentException("field '" + field + "' is not accepted; expected a field name");
            }
            Objects.requireNonNull(jsonValue, "jsonValue");
        }

        @Override
        public String describe() {
            return "set " + field + " to " + jsonValue;
        }
    }

    static BulkAction retry() {
        return new Retry();
    }

    static BulkAction delete() {
        return new Delete();
    }

    static BulkAction setField(String field, String jsonValue) {
        return new SetField(field, jsonValue);
    }

    /** What it does, in a person's words: {@code retry}, {@code set project to "Acme"}. */
    String describe();
}
