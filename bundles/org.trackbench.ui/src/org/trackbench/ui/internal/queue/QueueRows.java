package org.trackbench.ui.internal.queue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.jobs.Job;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.PartJob;

/**
 * The rows the Queue view shows: keyset pages of the queue read in the background, the next page only when the
 * table asks for a row past the last one loaded, with the item that holds each blocked row and the count of all
 * rows the filter matches. Every read runs in a {@link Job}; {@code deliver} hands the result to the UI thread.
 */
final class QueueRows {

    static final int PAGE = 500;
    /**
     * The least time between two counts of the same filter: a count reads the whole filtered set, and while the
     * sync drains the queue changes many times a second.
     */
    private static final long RECOUNT_MILLIS = 2_000;

    private final QueueStore store;
    private final Consumer<Runnable> deliver;
    private final Runnable changed;
    private final Consumer<String> failed;
    private final List<QueueItem> rows = new ArrayList<>();
    private final Map<Long, Long> holders = new HashMap<>();
    /** Written on the UI thread, read by the count job when it runs. */
    private volatile QueueQuery query = QueueQuery.all(PAGE);
    private Set<ItemStatus> statuses = Set.of();
    private Set<String> types = Set.of();
    private String text;
    private QueueQuery.SortKey sort = QueueQuery.SortKey.ID;
    private boolean descending;
    private QueueQuery.PageCursor next;
    private boolean loading;
    private int generation;
    private long total = -1;
    private boolean counting;
    private boolean countAgain;
    private QueueQuery lastCounted;
    private long nextCountNanos;
    private boolean closed;

    /** {@code changed} runs on the UI thread after rows arrive, {@code failed} with the reason when a read fails. */
    QueueRows(QueueStore store, Consumer<Runnable> deliver, Runnable changed, Consumer<String> failed) {
        this.store = store;
        this.deliver = deliver;
        this.changed = changed;
        this.failed = failed;
    }

    /**
     * Shows only {@code statuses} and {@code entityTypes} (all when empty) whose type, payload or error contains
     * {@code text}, from the first page.
     */
    void filter(Set<ItemStatus> newStatuses, Set<String> newTypes, String newText) {
        statuses = newStatuses;
        types = newTypes;
        total = -1;
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
        query = QueueQuery.all(PAGE).withStatuses(statuses).withEntityTypes(types).withText(text).sortedBy(sort, descending);
        reload();
    }

    /** Reads the first page again, e.g. after the queue changed; the rows shown stay until it arrives. */
    void reload() {
        generation++;
        loading = false;
        load(query, true);
    }

    /** The view moved on (to a restarted store, say): reads still running deliver nothing. */
    void close() {
        closed = true;
        Job.getJobManager().cancel(this);
    }

    /** The query the rows answer: what an export of the filtered set reads again. */
    QueueQuery query() {
        return query;
    }

    /** How many items the filter matches, {@code -1} until counted. */
    long total() {
        return total;
    }

    /** The failed item that holds a blocked row, if it was found. */
    Optional<Long> holder(QueueItem row) {
        return Optional.ofNullable(holders.get(row.id()));
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
        PartJob.of("Reading the queue", this, monitor -> {
            QueuePage read;
            Map<Long, Long> readHolders;
            try {
                read = store.query(page);
                readHolders = holders(read.items());
            } catch (RuntimeException e) {
                deliver.accept(() -> {
                    loading = false;
                    if (!closed) {
                        failed.accept("Cannot read the queue: " + e.getMessage());
                    }
                });
                return;
            }
            deliver.accept(() -> {
                if (closed || asked != generation) {
                    return;
                }
                if (first) {
                    rows.clear();
                    holders.clear();
                }
                rows.addAll(read.items());
                holders.putAll(readHolders);
                next = read.next();
                loading = false;
                changed.run();
                if (first) {
                    // After the first page, not beside it: the count reads the whole filtered set.
                    count();
                }
            });
        }).schedule();
    }

    /** The holder of each blocked item, asked once per ordering group: one failed item holds all of its group. */
    private Map<Long, Long> holders(List<QueueItem> items) {
        Map<String, Optional<QueueItem>> byGroup = new HashMap<>();
        Map<Long, Long> found = new HashMap<>();
        for (QueueItem item : items) {
            if (item.status() == ItemStatus.BLOCKED && item.orderingGroup() != null) {
                byGroup.computeIfAbsent(item.orderingGroup(), group -> store.holder(item.id()))
                        .ifPresent(holder -> found.put(item.id(), holder.id()));
            }
        }
        return found;
    }

    /**
     * Counts the filtered set, one count at a time: changes while one runs are counted once it ends. The same
     * filter is counted at most every {@value #RECOUNT_MILLIS} ms; a new filter at once.
     */
    private void count() {
        if (counting) {
            countAgain = true;
            return;
        }
        counting = true;
        countAgain = false;
        long now = System.nanoTime();
        long delayMillis = query.equals(lastCounted) ? Math.max(0, (nextCountNanos - now) / 1_000_000) : 0;
        nextCountNanos = now + (delayMillis + RECOUNT_MILLIS) * 1_000_000;
        PartJob.of("Counting the queue", this, monitor -> {
            QueueQuery counted = query;
            long read;
            RuntimeException failure = null;
            try {
                read = store.count(counted);
            } catch (RuntimeException e) {
                read = -1;
                failure = e;
            }
            long result = read;
            RuntimeException cause = failure;
            deliver.accept(() -> {
                counting = false;
                lastCounted = counted;
                if (closed) {
                    return;
                }
                if (cause != null) {
                    failed.accept("Cannot count the queue: " + cause.getMessage());
                } else if (counted.equals(query)) {
                    total = result;
                    changed.run();
                }
                if (countAgain || !counted.equals(query)) {
                    count();
                }
            });
        }).schedule(delayMillis);
    }
}
