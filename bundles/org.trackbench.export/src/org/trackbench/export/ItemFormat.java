package org.trackbench.export;

import java.util.Locale;

/** The formats items are exported in, each named by its file extension. */
public enum ItemFormat {

    /** One JSON object a line, the payload embedded: for tools that stream ({@code jq}, log shippers). */
    JSON_LINES(".jsonl"),
    /** One JSON array of objects, the payload embedded. */
    JSON(".json"),
    /** A header row, then a row an item; the payload as its JSON text. */
    CSV(".csv");

    private final String extension;

    ItemFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /**
     * The format a file name asks for by its extension.
     *
     * @throws IllegalArgumentException naming the file and the extensions accepted, for any other name
     */
    public static ItemFormat of(String fileName) {
        for (ItemFormat format : values()) {
            if (fileName.toLowerCase(Locale.ROOT).endsWith(format.extension)) {
                return format;
            }
        }
        throw new IllegalArgumentException("Cannot export to " + fileName + ": expected a file ending in .csv, .json"
                + " or .jsonl");
    }
}
