package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.fleet.FleetPart;

/**
 * The Fleet view lists the clients that report to the server, the one holding old unsent data first and in red, and
 * shows a client's full report on double-click; without the admin token it says how to get one.
 */
class FleetViewTest {

    /** Made up per run: no credential lives in the test sources. */
    private final String adminToken = UUID.randomUUID().toString();

    @Test
    void listsTheFleetMostAtRiskFirstAndShowsAFullReport() throws Exception {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of("healthIntervalSeconds", 1L));
                PartHarness ui = new PartHarness()) {
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), adminToken);
            String laptop = UUID.randomUUID().toString();
            report(rig, laptop, Instant.now().minus(Duration.ofHours(30)));
            // The view reads the listing every 30 s: both clients are on the server before it first reads.
            FleetService fleet = rig.configurations.await(FleetService.class, "");
            Await.until("this client's own report on the server", Duration.ofSeconds(30),
                    () -> fleet.clients().size() == 2, () -> fleet.clients().toString());

            ui.make(FleetPart.class);
            Table table = ui.find(Table.class, t -> true);
            ui.until("this client and the laptop, the laptop first", () -> rows(table).size() == 2
                    && rows(table).get(0).startsWith(laptop.substring(0, 8)), () -> rows(table).toString());

            TableItem risky = table.getItem(0);
            assertTrue(risky.getText(2).contains("1 unsent, the oldest 1 d 6 h old"), risky.getText(2));
            assertEquals("1", risky.getText(4));
            assertTrue(risky.getForeground(2).getRed() > 150 && risky.getForeground(2).getGreen() < 120,
                    "needing attention: red, was " + risky.getForeground(2));
            assertEquals("", table.getItem(1).getText(2), "this client is fine");
            assertEquals(table.getForeground(), table.getItem(1).getForeground(2), "and not red");
            assertTrue(ui.find(Label.class, label -> true).getText().startsWith("2 client(s); 1 need attention"));

            AtomicReference<String> shown = new AtomicReference<>();
            ui.display.timerExec(300, () -> closeReport(ui, shown));
            table.setSelection(0);
            Event open = new Event();
            open.item = risky;
            table.notifyListeners(SWT.DefaultSelection, open);
            ui.until("the full report shown", () -> shown.get() != null, () -> "no report dialog");
            assertTrue(shown.get().contains("client id: " + laptop) && shown.get().contains("queue: {pending=1, sent=4}")
                    && shown.get().contains("attention: 1 unsent, the oldest 1 d 6 h old"), shown.get());
        }
    }

    @Test
    void withoutTheAdminTokenSaysHowToStoreOne() {
        try (SyncRig rig = SyncRig.start(Map.of("adminToken", adminToken), Map.of());
                PartHarness ui = new PartHarness()) {
            rig.tokens.setToken(FleetService.adminApi(rig.server.baseUri()), null);
            ui.make(FleetPart.class);
            Label message = ui.find(Label.class, label -> true);
            ui.until("the way to the admin token", () -> message.getText().contains("trackbench:login --admin"),
                    message::getText);
            assertEquals(0, ui.find(Table.class, t -> true).getItemCount());
        }
    }

    /** A report as another client would put it, its oldest unsent item queued at {@code oldest}. */
    private static void report(SyncRig rig, String clientId, Instant oldest) throws Exception {
        String report = "{\"clientId\":\"" + clientId + "\",\"osUser\":\"casey\",\"hostName\":\"laptop-7\","
                + "\"queue\":{\"pending\":1,\"sent\":4},\"oldestUnsentAt\":\"" + oldest + "\",\"syncState\":\"offline\","
                + "\"healthIntervalSeconds\":3600,\"reportedAt\":\"" + Instant.now() + "\"}";
        HttpResponse<String> put = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(rig.server.baseUri() + "/api/v1/clients/" + clientId + "/health"))
                .header("Authorization", "Bearer " + rig.token).PUT(HttpRequest.BodyPublishers.ofString(report)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
    }

    private static void closeReport(PartHarness ui, AtomicReference<String> shown) {
        for (Shell dialog : ui.display.getShells()) {
            if (dialog.getText().startsWith("Client ")) {
                for (Control child : List.of(dialog.getChildren())) {
                    findText(child, shown);
                }
                dialog.close();
                return;
            }
        }
        ui.display.timerExec(100, () -> closeReport(ui, shown));
    }

    private static void findText(Control control, AtomicReference<String> shown) {
        if (control instanceof Text text) {
            shown.set(text.getText());
        } else if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                findText(child, shown);
            }
        }
    }

    private static List<String> rows(Table table) {
        return IntStream.range(0, table.getItemCount()).mapToObj(table::getItem)
                .map(row -> row.getText(0) + " " + row.getText(1)).toList();
    }
}
