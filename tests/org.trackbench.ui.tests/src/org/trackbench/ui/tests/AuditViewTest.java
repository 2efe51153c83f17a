package org.trackbench.ui.tests;

import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.audit.AuditPart;

/** The Audit view lists the trail newest first, shows a new entry by itself and filters by action and text. */
class AuditViewTest {

    private static final String ORIGIN = "plug-in org.trackbench.testing";

    private final QueueStoreFixture queues = new QueueStoreFixture();
    private AuditTrail trail;

    @BeforeEach
    void recordTwoActions() {
        queues.configure(queues.newDirectory("audit-view"), 1024);
        trail = new Configurations().await(AuditTrail.class, "");
        trail.record(AdminAction.SETTINGS, "org.trackbench.capture intervalSeconds: 300 → 120", 0);
        trail.record(AdminAction.EXPORT, "to /tmp/queue.csv", 7);
    }

    @Test
    void listsTheTrailNewestFirstFollowsItAndFiltersIt() {
        try (PartHarness ui = new PartHarness()) {
            ui.make(AuditPart.class);
            Table table = ui.find(Table.class, t -> true);
            ui.until("both entries, newest first", () -> rows(table).equals(List.of(
                    ORIGIN + " export 7 to /tmp/queue.csv",
                    ORIGIN + " settings 0 org.trackbench.capture intervalSeconds: 300 → 120")), () -> rows(table).toString());

            trail.record(AdminAction.SYNC_PAUSE, "", 0);
            ui.until("the new entry on top", () -> rows(table).size() == 3
                    && rows(table).get(0).equals(ORIGIN + " sync-pause 0 "), () -> rows(table).toString());

            Combo action = ui.find(Combo.class, c -> true);
            action.select(List.of(action.getItems()).indexOf("export"));
            ui.fire(action, SWT.Selection);
            ui.until("only the export", () -> rows(table).equals(List.of(ORIGIN + " export 7 to /tmp/queue.csv")),
                    () -> rows(table).toString());

            action.select(0);
            Text search = ui.find(Text.class, t -> true);
            search.setText("INTERVALSECONDS");
            ui.fire(search, SWT.DefaultSelection);
            ui.until("only the setting, found ignoring case", () -> rows(table).size() == 1
                    && rows(table).get(0).contains("settings"), () -> rows(table).toString());
        }
    }

    /** From, action, items and detail of each row. */
    private static List<String> rows(Table table) {
        return IntStream.range(0, table.getItemCount()).mapToObj(table::getItem)
                .map(row -> row.getText(2) + " " + row.getText(3) + " " + row.getText(4) + " " + row.getText(5))
                .toList();
    }
}
