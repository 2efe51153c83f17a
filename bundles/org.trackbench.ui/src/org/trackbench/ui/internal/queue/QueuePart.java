package org.trackbench.ui.internal.queue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.workbench.modeling.ESelectionService;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ILazyContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueQuery.SortKey;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.export.ExportJob;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Queue view: every item in a JFace {@link TableViewer} over a virtual table, its rows read page by page in the
 * background ({@link QueueRows}, the viewer's lazy content) and shown by one label provider per column
 * ({@link QueueColumns}), filtered by status, entity type and text. Queue events reload it, keeping the selection and
 * the scroll position. A blocked item names the failed item that holds it.
 */
public final class QueuePart {

    private static final String ALL_STATUSES = "all statuses";
    private static final String ALL_TYPES = "all types";
    private static final int RELOAD_DELAY_MILLIS = 300;

    @Inject
    private UISynchronize ui;
    @Inject
    @Optional
    private ESelectionService selection;

    private Combo status;
    private Combo type;
    private Text search;
    private TableViewer viewer;
    private Table table;
    private Label message;
    private QueueRows rows;
    private QueueStore store;
    private boolean reloadPending;
    private List<String> entityTypes = List.of();

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, false));
        status = new Combo(parent, SWT.READ_ONLY);
        status.add(ALL_STATUSES);
        for (ItemStatus each : ItemStatus.values()) {
            status.add(each.label());
        }
        status.select(0);
        type = new Combo(parent, SWT.READ_ONLY);
        showEntityTypes();
        search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("type, payload or error contains…");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message = new Label(parent, SWT.NONE);
        message.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));

        viewer = new TableViewer(parent, SWT.VIRTUAL | SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        QueueColumns.Column[] columns = QueueColumns.addTo(viewer, this::problem,
                new LocalResourceManager(JFaceResources.getResources(), table));
        for (int i = 0; i < columns.length; i++) {
            TableColumn column = table.getColumn(i);
            SortKey key = columns[i].sortKey();
            if (key != null) {
                column.addListener(SWT.Selection, event -> sortBy(column, key));
            }
        }
        table.setSortColumn(table.getColumn(0));
        table.setSortDirection(SWT.UP);
        viewer.setContentProvider((ILazyContentProvider) this::updateElement);
        viewer.setInput(this);
        table.addListener(SWT.Selection, event -> publishSelection());
        status.addListener(SWT.Selection, event -> applyFilter());
        type.addListener(SWT.Selection, event -> applyFilter());
        search.addListener(SWT.DefaultSelection, event -> applyFilter());
        useStore(store);
    }

    /** Closed: the page reads and the count under way are cancelled. */
    @PreDestroy
    void close() {
        if (rows != null) {
            rows.close();
        }
    }

    /** The queue store, again whenever it restarts (a new database directory, say); {@code null} while it is down. */
    @Inject
    void setStore(@Optional @Service QueueStore newStore) {
        store = newStore;
        if (table != null && !table.isDisposed()) {
            useStore(newStore);
        }
    }

    /** The entity types the installed handlers deliver, plug-ins' types too: what the type filter offers. */
    @Inject
    void setHandlers(@Optional @Service List<EntityHandler> handlers) {
        entityTypes = handlers == null ? List.of()
                : handlers.stream().map(EntityHandler::entityType).distinct().sorted().toList();
        if (type != null && !type.isDisposed()) {
            showEntityTypes();
        }
    }

    private void showEntityTypes() {
        String chosen = type.getSelectionIndex() > 0 ? type.getText() : null;
        type.removeAll();
        type.add(ALL_TYPES);
        entityTypes.forEach(type::add);
        type.select(Math.max(0, chosen == null ? 0 : type.indexOf(chosen)));
        type.requestLayout();
    }

    private void useStore(QueueStore current) {
        if (rows != null) {
            rows.close();
        }
        if (current == null) {
            rows = null;
            viewer.setItemCount(0);
            showFailure("The queue is not available; see the log for why.");
            return;
        }
        rows = new QueueRows(current, ui::asyncExec, this::showRows, this::showFailure);
        applyFilter();
    }

    @Focus
    void focus() {
        table.setFocus();
    }

    /** Any change to the queue: read the first pages again, at most every {@value #RELOAD_DELAY_MILLIS} ms. */
    @Inject
    @Optional
    void queueChanged(@UIEventTopic(QueueEvents.TOPIC_ALL) Event event) {
        if (table == null || table.isDisposed() || reloadPending) {
            return;
        }
        reloadPending = true;
        table.getDisplay().timerExec(RELOAD_DELAY_MILLIS, () -> {
            reloadPending = false;
            if (!table.isDisposed() && rows != null) {
                rows.reload();
            }
        });
    }

    /**
     * What an export writes: the selected items if any, else every item the filters match; recorded in {@code audit}.
     */
    public ExportJob export(Path target, AuditTrail audit) {
        List<QueueItem> selected = selectedItems();
        if (!selected.isEmpty() || rows == null) {
            return ExportJob.ofSelection(selected, target, audit);
        }
        return ExportJob.ofFiltered(store, rows.query(), rows.total(), target, audit);
    }

    /** The view's filters (status, type, text), for an action on every item they match; {@code null} before any. */
    public QueueQuery matching() {
        return rows == null ? null : rows.query();
    }

    /** Says what {@link #export} would write, e.g. "3 selected items" or "1,204 items of the current filter". */
    public String exportScope() {
        int selected = table.getSelectionCount();
        if (selected > 0 || rows == null) {
            return String.format("%,d selected %s", selected, selected == 1 ? "item" : "items");
        }
        return (rows.total() >= 0 ? items(rows.total()) : "all items") + " of the current filter";
    }

    /** The selected items, in table order. */
    private List<QueueItem> selectedItems() {
        List<QueueItem> selected = new ArrayList<>();
        if (rows == null) {
            return selected;
        }
        for (int index : table.getSelectionIndices()) {
            if (index < rows.size()) {
                selected.add(rows.row(index));
            }
        }
        return selected;
    }

    private void applyFilter() {
        if (rows == null) {
            return;
        }
        int chosen = status.getSelectionIndex();
        Set<ItemStatus> statuses = chosen <= 0 ? Set.of() : EnumSet.of(ItemStatus.values()[chosen - 1]);
        Set<String> types = type.getSelectionIndex() <= 0 ? Set.of() : Set.of(type.getText());
        rows.filter(statuses, types, search.getText());
    }

    /** A click on a column header orders by it; a second click reverses the order. */
    private void sortBy(TableColumn column, SortKey key) {
        boolean descending = table.getSortColumn() == column && table.getSortDirection() == SWT.UP;
        table.setSortColumn(column);
        table.setSortDirection(descending ? SWT.DOWN : SWT.UP);
        if (rows != null) {
            rows.sort(key, descending);
        }
    }

    private void showRows() {
        if (table.isDisposed()) {
            return;
        }
        List<Long> selectedIds = selectedItems().stream().map(QueueItem::id).toList();
        int top = table.getTopIndex();
        viewer.setItemCount(rows.size() + (rows.hasMore() ? 1 : 0));
        table.clearAll();
        List<Integer> reselect = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (selectedIds.contains(rows.row(i).id())) {
                reselect.add(i);
            }
        }
        table.setSelection(reselect.stream().mapToInt(Integer::intValue).toArray());
        table.setTopIndex(Math.min(top, Math.max(0, table.getItemCount() - 1)));
        message.setText(rows.total() >= 0 ? items(rows.total())
                : rows.hasMore() ? String.format("%,d+ items", rows.size()) : items(rows.size()));
        message.requestLayout();
    }

    private void showFailure(String reason) {
        if (!message.isDisposed()) {
            message.setText(reason);
            message.requestLayout();
        }
    }

    /** The table shows row {@code index}: its item, or "loading…" while the next page is read. */
    private void updateElement(int index) {
        if (rows == null) {
            return;
        }
        if (index < rows.size()) {
            viewer.replace(rows.row(index), index);
        } else {
            viewer.replace(QueueColumns.LOADING, index);
            rows.more();
        }
    }

    /** The last error, and for a blocked item the failed item holding it. */
    private String problem(QueueItem row) {
        String error = row.lastError() == null ? "" : row.lastError();
        if (row.status() != ItemStatus.BLOCKED) {
            return error;
        }
        String heldBy = rows.holder(row).map(id -> "blocked by #" + id).orElse("blocked");
        return error.isEmpty() ? heldBy : heldBy + "; " + error;
    }

    private void publishSelection() {
        if (selection != null) {
            selection.setSelection(selectedItems());
        }
    }

    private static String items(long count) {
        return String.format("%,d %s", count, count == 1 ? "item" : "items");
    }

}
