package org.trackbench.ui.internal;

import java.util.function.Function;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.graphics.Color;

/** The text columns of the views' tables: a title, a width, and what each row shows, typed by the row's class. */
public final class TextColumns<T> {

    private final TableViewer viewer;
    private final Class<T> rows;

    private TextColumns(TableViewer viewer, Class<T> rows) {
        this.viewer = viewer;
        this.rows = rows;
    }

    /** The columns of {@code viewer}, whose rows are {@code rows}. */
    public static <T> TextColumns<T> of(TableViewer viewer, Class<T> rows) {
        return new TextColumns<>(viewer, rows);
    }

    /** Adds a column showing {@code text} of each row, aligned as {@code alignment} ({@code SWT.LEFT}, …). */
    public TextColumns<T> add(String title, int width, int alignment, Function<T, String> text) {
        return add(title, width, alignment, text, row -> null);
    }

    /** As {@link #add(String, int, int, Function)}, each cell in {@code foreground}'s colour ({@code null}: the default). */
    public TextColumns<T> add(String title, int width, int alignment, Function<T, String> text,
            Function<T, Color> foreground) {
        TableViewerColumn column = new TableViewerColumn(viewer, alignment);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(rows.cast(element));
            }

            @Override
            public Color getForeground(Object element) {
                return foreground.apply(rows.cast(element));
            }
        });
        return this;
    }
}
