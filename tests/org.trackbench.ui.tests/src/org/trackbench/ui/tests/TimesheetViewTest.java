package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.trackbench.testing.SyncRig;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.timesheet.TimesheetPart;

/**
 * The Timesheet view shows today's time tracked against confirmed, names the entry an admin deleted on the server,
 * and its button queues that entry again from the ledger, after which the day is proven.
 */
class TimesheetViewTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    /** Made up per run: no credential lives in the test sources. */
    private final String adminToken = UUID.randomUUID().toString();

    @Test
    void showsTheDayAnEntryIsMissingFromAndRequeuesIt() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of());
                PartHarness ui = new PartHarness()) {
            Instant nine = LocalDate.now().atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant();
            UUID lost = rig.track(nine, Duration.ofMinutes(45), "Timesheet");
            rig.track(nine.plus(Duration.ofHours(1)), Duration.ofMinutes(15), "Timesheet");
            rig.awaitDelivered(DELIVERY);
            HttpResponse<String> deleted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    rig.server.baseUri() + "/api/v1/admin/time-entries/" + lost)).header("Authorization", "Bearer "
                            + adminToken).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, deleted.statusCode(), deleted.body());

            ui.make(TimesheetPart.class);
            Table days = ui.all(Table.class).get(0);
            Table differences = ui.all(Table.class).get(1);
            ui.until("today with the lost entry", () -> days.getItemCount() == 7 && differences.getItemCount() == 1,
                    () -> rows(days) + " " + rows(differences));
            assertEquals(LocalDate.now() + " 1:00:00 0:15:00 0:00:00 1 ", rows(days).get(6));
            assertTrue(rows(differences).get(0).startsWith(lost.toString().substring(0, 8) + " missing on server 0:45:00"),
                    rows(differences).toString());

            Button requeue = ui.find(Button.class, button -> button.getText().startsWith("Re-queue 1 entry"));
            ui.display.timerExec(300, () -> confirm(ui));
            ui.fire(requeue, SWT.Selection);
            rig.awaitDelivered(DELIVERY);
            ui.fire(ui.find(Button.class, button -> button.getText().equals("Refresh")), SWT.Selection);
            ui.until("the day proven", () -> rows(days).size() == 7 && rows(days).get(6).endsWith("0 proven"),
                    () -> rows(days).toString());
            assertEquals(0, differences.getItemCount());
        }
    }

    private static void confirm(PartHarness ui) {
        for (Shell dialog : ui.display.getShells()) {
            if ("Re-queue from the ledger".equals(dialog.getText())) {
                for (Button button : buttons(dialog)) {
                    if (button.getText().equals("OK")) {
                        button.notifyListeners(SWT.Selection, new Event());
                        return;
                    }
                }
            }
        }
        ui.display.timerExec(100, () -> confirm(ui));
    }

    private static List<Button> buttons(Composite parent) {
        List<Button> found = new ArrayList<>();
        for (Control child : parent.getChildren()) {
            if (child instanceof Button button) {
                found.add(button);
            } else if (child instanceof Composite composite) {
                found.addAll(buttons(composite));
            }
        }
        return found;
    }


    private static List<String> rows(Table table) {
        return IntStream.range(0, table.getItemCount()).mapToObj(table::getItem)
                .map(row -> IntStream.range(0, table.getColumnCount()).mapToObj(row::getText)
                        .reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }
}
