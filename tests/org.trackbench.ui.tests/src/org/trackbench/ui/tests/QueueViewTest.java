package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.StatusPalette;
import org.trackbench.ui.internal.handlers.RetryHandler;
import org.trackbench.ui.internal.queue.QueuePart;

/**
 * The Queue view over a real, seeded queue: it opens with every item, filters narrow it and it counts what they
 * match, a blocked item names its holder, Retry makes a failed item due.
 */
class QueueViewTest {

    private static final int STATUS_COLUMN = 2;

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private QueueStore store;
    private QueueItem failed;

    @BeforeEach
    void seedQueue() {
        store = queues.configure(queues.newDirectory("queue-view"), 1024 * 1024);
        QueueItem rejected = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}"));
        assertEquals(List.of(rejected.id()), store.claim(1, Duration.ofMinutes(5)).stream().map(QueueItem::id).toList());
        store.markFailed(rejected.id(), "422 invalid_event: at is missing");
        failed = store.find(rejected.id()).orElseThrow();
        store.enqueue(EnqueueRequest.of("note", "{\"text\":\"first note\"}"));
        store.enqueue(EnqueueRequest.of("note", "{\"text\":\"second note\"}"));
        store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-27T09:00:00Z\"}"));
    }

    @Test
    void opensWithEveryItemAndFiltersNarrowIt() {
        try (PartHarness ui = new PartHarness()) {
            Table table = openView(ui);

            Combo status = ui.find(Combo.class, c -> true);
            status.select(status.indexOf(ItemStatus.FAILED.label()));
            ui.fire(status, SWT.Selection);
            ui.until("only the failed item is left", () -> table.getItemCount() == 1
                    && "failed".equals(table.getItem(0).getText(STATUS_COLUMN)), () -> rows(table));
            assertEquals("422 invalid_event: at is missing", table.getItem(0).getText(6));
            assertEquals(StatusPalette.swt(ItemStatus.FAILED), table.getItem(0).getForeground(STATUS_COLUMN).getRGB(),
                    "the status is coloured as the dashboard colours it");

            status.select(0);
            Text search = ui.find(Text.class, t -> true);
            search.setText("note");
            ui.fire(search, SWT.DefaultSelection);
            ui.until("the two notes are left", () -> table.getItemCount() == 2
                    && "note".equals(table.getItem(0).getText(1)) && "note".equals(table.getItem(1).getText(1)), () -> rows(table));
        }
    }

    @Test
    void theTypeFilterOffersTheHandlersTypesAndTheViewCountsWhatItMatches() {
        try (PartHarness ui = new PartHarness()) {
            Table table = openView(ui);
            Label count = ui.find(Label.class, l -> l.getText().matches("[0-9,+]+ items?"));
            ui.until("the view counts the 4 items", () -> count.getText().equals("4 items"), count::getText);

            Combo type = ui.find(Combo.class, c -> c.indexOf("all types") == 0);
            assertTrue(type.indexOf("time_entry_event") > 0, "the installed handlers' types are offered: " + List.of(type.getItems()));
            type.select(type.indexOf("time_entry_event"));
            ui.fire(type, SWT.Selection);
            ui.until("only the two time entry events are left", () -> table.getItemCount() == 2
                    && "time_entry_event".equals(table.getItem(0).getText(1))
                    && "time_entry_event".equals(table.getItem(1).getText(1)), () -> rows(table));
            ui.until("the count follows the filter", () -> count.getText().equals("2 items"), count::getText);
        }
    }

    @Test
    void aBlockedItemNamesTheFailedItemThatHoldsIt() {
        try (PartHarness ui = new PartHarness()) {
            Table table = openView(ui);
            QueueItem start = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup("entry-7", true));
            assertTrue(store.claim(10, Duration.ofMinutes(5)).stream().anyMatch(item -> item.id() == start.id()));
            store.markFailed(start.id(), "409 entry_conflict");
            QueueItem stop = store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup("entry-7", true));
            assertEquals(ItemStatus.BLOCKED, stop.status());

            ui.until("the blocked stop names the failed start", () -> table.getItemCount() == 6
                    && ("blocked by #" + start.id()).equals(table.getItem(5).getText(6)), () -> rows(table)
                            + " / last row: " + (table.getItemCount() == 6 ? table.getItem(5).getText(6) : "-"));
        }
    }

    @Test
    void aClickOnAColumnHeaderOrdersByItAndASecondReversesTheOrder() {
        try (PartHarness ui = new PartHarness()) {
            Table table = openView(ui);
            String ascending = ids(table);

            ui.fire(table.getColumn(0), SWT.Selection);
            ui.until("the newest item comes first", () -> table.getItemCount() == 4
                    && ids(table).equals(new StringBuilder(ascending).reverse().toString()), () -> rows(table));
            assertEquals(SWT.DOWN, table.getSortDirection());

            ui.fire(table.getColumn(0), SWT.Selection);
            ui.until("the oldest item comes first again", () -> ids(table).equals(ascending), () -> rows(table));
        }
    }

    @Test
    void retryMakesAFailedItemDueAndTheViewFollows() {
        try (PartHarness ui = new PartHarness()) {
            ui.make(QueuePart.class);
            Table table = ui.find(Table.class, t -> true);
            ui.until("the failed item shows", () -> rows(table).contains(failed.id() + " failed"), () -> rows(table));

            ui.context.set(IServiceConstants.ACTIVE_SELECTION, List.of(failed));
            ContextInjectionFactory.invoke(new RetryHandler(), Execute.class, ui.context);

            ui.until("the item is pending in the queue", () -> store.find(failed.id()).orElseThrow().status() == ItemStatus.PENDING,
                    () -> store.find(failed.id()).toString());
            ui.until("the view shows it pending", () -> rows(table).contains(failed.id() + " pending"), () -> rows(table));
        }
    }

    @Test
    void followsTheQueueStoreWhenItRestartsOnAnotherDatabase() {
        try (PartHarness ui = new PartHarness()) {
            Table table = openView(ui);

            QueueStore other = queues.configure(queues.newDirectory("queue-view-other"), 1024 * 1024);
            other.enqueue(EnqueueRequest.of("note", "{\"text\":\"in the other database\"}"));
            ui.until("the view shows the other database's one item", () -> table.getItemCount() == 1
                    && "note".equals(table.getItem(0).getText(1)), () -> rows(table));
        }
    }

    /** Makes the Queue view and waits until it shows the 4 seeded items; returns its table. */
    private static Table openView(PartHarness ui) {
        ui.make(QueuePart.class);
        Table table = ui.find(Table.class, t -> true);
        ui.until("the view shows the 4 queued items", () -> table.getItemCount() == 4, () -> rows(table));
        return table;
    }

    /** The ids in table order, as one string of digits (the seeded ids are 1 to 4). */
    private static String ids(Table table) {
        return String.join("", IntStream.range(0, table.getItemCount()).mapToObj(i -> table.getItem(i).getText(0)).toList());
    }

    /** "id status" of every row, for assertions and failure messages. */
    private static String rows(Table table) {
        return String.join(", ", IntStream.range(0, table.getItemCount())
                .mapToObj(i -> table.getItem(i).getText(0) + " " + table.getItem(i).getText(STATUS_COLUMN)).toList());
    }
}
