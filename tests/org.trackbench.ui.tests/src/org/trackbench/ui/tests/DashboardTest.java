package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.dashboard.DashboardPart;

/** The dashboard groups the seeded failures by their message, largest first, and retries a group in one click. */
class DashboardTest {

    private static final String MISSING_AT = "HTTP 422: invalid_event: at is missing";
    private static final String CONFLICT = "HTTP 409: conflict: the entry is already stopped";

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private QueueStore store;
    private List<Long> missingAt;

    @BeforeEach
    void seedFailures() {
        store = queues.configure(queues.newDirectory("dashboard"), 1024 * 1024);
        for (int i = 0; i < 3; i++) {
            store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"stop\",\"at\":\"2026-11-30T09:00:00Z\"}"));
        }
        store.enqueue(EnqueueRequest.of("note", "{\"text\":\"still pending\"}"));
        List<Long> claimed = store.claim(3, Duration.ofMinutes(5)).stream().map(QueueItem::id).toList();
        assertEquals(3, claimed.size());
        store.markFailed(claimed.get(0), MISSING_AT);
        store.markFailed(claimed.get(1), CONFLICT);
        store.markFailed(claimed.get(2), MISSING_AT);
        missingAt = List.of(claimed.get(0), claimed.get(2));
    }

    @Test
    void groupsFailuresByMessageAndRetriesAGroupInOneClick() {
        try (PartHarness ui = new PartHarness()) {
            ui.make(DashboardPart.class);
            Table groups = ui.find(Table.class, t -> true);
            ui.until("two groups, the larger first", () -> groupRows(groups).equals(
                    List.of("2 " + MISSING_AT, "1 " + CONFLICT)), () -> groupRows(groups).toString());
            assertEquals(2, ui.all(Canvas.class).stream().filter(canvas -> canvas.getClass() == Canvas.class).count(),
                    "the two charts are there");

            ui.fire(ui.find(Button.class, b -> "Retry".equals(b.getText())), SWT.Selection);
            ui.until("the 422 items are due again", () -> missingAt.stream()
                    .allMatch(id -> store.find(id).orElseThrow().status() == ItemStatus.PENDING), () -> missingAt.toString());
            ui.until("only the 409 group is left", () -> groupRows(groups).equals(List.of("1 " + CONFLICT)),
                    () -> groupRows(groups).toString());
            AuditEntry recorded = new Configurations().await(AuditTrail.class, "").entries(AuditQuery.latest(1)).get(0);
            assertEquals(List.of(AdminAction.RETRY, AuditTrail.WORKBENCH, 2L, "failed items whose last error is \""
                    + MISSING_AT + "\""), List.of(recorded.action(), recorded.origin(), recorded.items(),
                            recorded.detail()));
        }
    }

    private static List<String> groupRows(Table table) {
        return IntStream.range(0, table.getItemCount())
                .mapToObj(i -> table.getItem(i).getText(0) + " " + table.getItem(i).getText(1)).toList();
    }
}
