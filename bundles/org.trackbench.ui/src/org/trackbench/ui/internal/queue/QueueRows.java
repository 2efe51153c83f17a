package org.trackbench.ui.internal.queue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

/**
 * The rows the Queue view shows: keyset pages of the queue read in the background, the next page only when the
 * table asks for a row past the last one loaded. Every read runs in a {@link Job}; {@code deliver} hands the
 * result to the UI thread.
 */
final class QueueRows {

    static final int PAGE = 500;

    private final QueueStore store;
    private final Consumer<Runnable> deliver;
    private final Runnable changed;
    private final Consumer<String> failed;
    private final List<QueueItem> rows = new ArrayList<>();
    private QueueQuery query = QueueQuery.all(PAGE);
    private Set<ItemStatus> statuses = Set.of();
    private String text;
    private QueueQuery.SortKey sort = QueueQuery.SortKey.ID;
    private boolean descending;
    private QueueQuery.PageCursor next;
    private boolean loading;
    private int generation;

    /** {@code changed} runs on the UI thread after rows arrive, {@code failed} with the reason when a read fails. */
    QueueRows(QueueStore store, Consumer<Runnable> deliver, Runnable changed, Consumer<String> failed) {
        this.store = store;
        this.deliver = deliver;
        this.changed = changed;
        this.failed = failed;
    }

    /** Shows only {@code statuses} (all when empty) whose type, payload or error contains {@code text}, from the first page. */
    void filter(Set<ItemStatus> newStatuses, String newText) {
        statuses = newStatuses;
        text = newText == null || newText.isBlank() ? null : newText.strip();
        requery();
    }

    /** Orders the rows by {@code key}, from the first page. */
    void sort(QueueQuery.SortKey key, boolean newDescending) {
        sort = key;
        descending = newDescending;
        requery();
    }

    private void requery() {
        query = QueueQuery.all(PAGE).withStatuses(statuses).withText(text).sortedBy(sort, descending);
        reload();
    }

    /** Reads the first page again, e.g. after the queue changed; the rows shown stay until it arrives. */
    void reload() {
        generation++;
        loading = false;
        load(query, true);
    }

    int size() {
        return rows.size();
    }

    boolean hasMore() {
        return next != null;
    }

    QueueItem row(int index) {
        return rows.get(index);
    }

    /** The table asked for the row past the last one loaded: read the next page once. */
    void more() {
        if (next != null && !loading) {
            load(query.after(next), false);
        }
    }

    private void load(QueueQuery page, boolean first) {
        loading = true;
        int asked = generation;
        Job.create("Reading the queue", monitor -> {
            QueuePage read;
            try {
                read = store.query(page);
            } catch (RuntimeException e) {
                deliver.accept(() -> {
                    loading = false;
                    failed.accept("Cannot read the queue: " + e.getMessage());
                });
                return;
            }
            deliver.accept(() -> {
                if (asked != generation) {
                    return;
                }
                if (first) {
                    rows.clear();
                }
                rows.addAll(read.items());
                next = read.next();
                loading = false;
                changed.run();
            });
        }).schedule();
    }
}
