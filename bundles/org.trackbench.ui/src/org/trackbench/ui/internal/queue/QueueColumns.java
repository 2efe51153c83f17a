package org.trackbench.ui.internal.queue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery.SortKey;
import org.trackbench.ui.internal.StatusPalette;

/**
 * The Queue view's columns: what each shows of an item, its width and alignment, and the order the queue gives when
 * its header is clicked. A row not read yet shows "loading…".
 */
final class QueueColumns {

    /** The element of a row whose item is still being read. */
    static final Object LOADING = new Object();

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private QueueColumns() {
    }

    /**
     * One column: its header, width, alignment, the queue's order for it ({@code null}: none), its text, what it shows
     * while its row is read, and whether it takes the status palette's colour.
     */
    record Column(String title, int width, int alignment, SortKey sortKey, Function<QueueItem, String> text,
            String whileLoading, boolean inStatusColour) {
    }

    /**
     * Adds the columns to {@code viewer} and returns them in order; {@code problem} is the last error column's text,
     * {@code colors} makes the status column's colours.
     */
    static Column[] addTo(TableViewer viewer, Function<QueueItem, String> problem, ResourceManager colors) {
        Column[] columns = columns(problem);
        for (Column column : columns) {
            TableViewerColumn viewerColumn = new TableViewerColumn(viewer, column.alignment());
            viewerColumn.getColumn().setText(column.title());
            viewerColumn.getColumn().setWidth(column.width());
            viewerColumn.setLabelProvider(new ColumnLabelProvider() {
                @Override
                public String getText(Object element) {
                    return element instanceof QueueItem item ? column.text().apply(item) : column.whileLoading();
                }

                @Override
                public Color getForeground(Object element) {
                    return column.inStatusColour() && element instanceof QueueItem item
                            ? colors.create(ColorDescriptor.createFrom(StatusPalette.swt(item.status())))
                            : null;
                }
            });
        }
        return columns;
    }

    private static Column[] columns(Function<QueueItem, String> problem) {
        return new Column[] {
            new Column("id", 70, SWT.RIGHT, SortKey.ID, item -> Long.toString(item.id()), "", false),
            new Column("type", 130, SWT.LEFT, null, QueueItem::entityType, "loading…", false),
            new Column("status", 80, SWT.LEFT, null, item -> item.status().label(), "", true),
            new Column("attempts", 70, SWT.RIGHT, SortKey.ATTEMPTS, item -> Integer.toString(item.attempts()), "", false),
            new Column("created", 150, SWT.LEFT, SortKey.CREATED_AT, item -> time(item.createdAt()), "", false),
            new Column("next attempt", 150, SWT.LEFT, SortKey.NEXT_ATTEMPT_AT,
                    item -> item.status() == ItemStatus.SENT ? "" : time(item.nextAttemptAt()), "", false),
            new Column("last error", 320, SWT.LEFT, null, problem, "", false),
            new Column("size", 80, SWT.RIGHT, SortKey.BLOB_SIZE,
                    item -> item.blobSize() == 0 ? "" : Sizes.of(item.blobSize()), "", false) };
    }

    private static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
