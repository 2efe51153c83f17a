package org.trackbench.headless.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Aligned columns for console output. */
final class TextTable {

    private static final int LISTING_CELL = 60;

    private final List<String> headers;
    private final int maxCell;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(int maxCell, String... headers) {
        this.headers = List.of(headers);
        this.maxCell = maxCell;
    }

    /** A listing: one row per thing, long cells cut so each row stays one line. */
    static TextTable listing(String... headers) {
        return new TextTable(LISTING_CELL, headers);
    }

    /** Name and value pairs about one thing, shown in full. */
    static TextTable fields(String title, String subtitle) {
        return new TextTable(Integer.MAX_VALUE, title, subtitle);
    }

    TextTable row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("a row of " + cells.length + " cells; the table has " + headers.size());
        }
        rows.add(Arrays.stream(cells).map(this::cell).toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    @Override
    public String toString() {
        int[] widths = new int[headers.size()];
        for (int column = 0; column < widths.length; column++) {
            widths[column] = headers.get(column).length();
            for (List<String> row : rows) {
                widths[column] = Math.max(widths[column], row.get(column).length());
            }
        }
        StringBuilder text = new StringBuilder();
        append(text, headers, widths);
        rows.forEach(row -> append(text, row, widths));
        return text.toString();
    }

    private static void append(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.size(); column++) {
            String cell = cells.get(column);
            line.append(cell).append(" ".repeat(widths[column] - cell.length() + 2));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private String cell(Object value) {
        String text = value == null ? "-" : value.toString().replaceAll("\\s+", " ");
        return text.length() <= maxCell ? text : text.substring(0, maxCell - 1) + "…";
    }
}
