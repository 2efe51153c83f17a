package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.tracker.ConsentPrompt;
import org.trackbench.ui.internal.tracker.TrackerPart;

/**
 * The Tracker view drives the real time tracker, only the legal transitions are ever enabled, and the screenshot
 * capture queues shows as a thumbnail.
 */
class TrackerViewTest {

    private final Configurations configurations = new Configurations();
    private TimeTracker tracker;
    private QueueStore store;

    @BeforeEach
    void idleTracker() {
        QueueStoreFixture queues = new QueueStoreFixture();
        store = queues.configure(queues.newDirectory("tracker-view"), 1024 * 1024);
        capture(Map.of());
    }

    /** A screenshot every second, from the synthetic screen (the display is Xvfb's), with the terms accepted. */
    private void capture(Map<String, Object> changes) {
        Map<String, Object> settings = new HashMap<>(Map.of("intervalSeconds", 1L, "screenSource.target",
                "(" + ScreenSource.SOURCE + "=synthetic)", "format", "png", "consentAcceptedAt", "2026-12-01T08:00:00Z"));
        settings.putAll(changes);
        configurations.update("org.trackbench.capture", settings);
        tracker = configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
        TrackerState state = tracker.status().state();
        if (state == TrackerState.RUNNING || state == TrackerState.PAUSED) {
            tracker.stop();
        }
    }

    @Test
    void onlyTheLegalButtonsAreEnabled() {
        try (PartHarness ui = new PartHarness()) {
            ui.make(TrackerPart.class);
            Button start = button(ui, "Start");
            Button pause = button(ui, "Pause");
            Button resume = button(ui, "Resume");
            Button stop = button(ui, "Stop");
            ui.until("only Start is enabled", () -> enabled(start, pause, resume, stop).equals("1000"),
                    () -> enabled(start, pause, resume, stop));

            ui.fire(start, SWT.Selection);
            ui.until("Pause and Stop are enabled", () -> enabled(start, pause, resume, stop).equals("0101"),
                    () -> enabled(start, pause, resume, stop));
            assertEquals(TrackerState.RUNNING, tracker.status().state());

            ui.fire(pause, SWT.Selection);
            ui.until("Resume and Stop are enabled", () -> enabled(start, pause, resume, stop).equals("0011"),
                    () -> enabled(start, pause, resume, stop));
            assertEquals(TrackerState.PAUSED, tracker.status().state());

            ui.fire(stop, SWT.Selection);
            ui.until("only Start is enabled again", () -> enabled(start, pause, resume, stop).equals("1000"),
                    () -> enabled(start, pause, resume, stop));
            assertEquals(TrackerState.STOPPED, tracker.status().state());
        }
    }

    @Test
    void showsAThumbnailOfTheScreenshotJustQueued() {
        SyncService sync = configurations.await(SyncService.class, "");
        sync.pause();
        try (PartHarness ui = new PartHarness()) {
            ui.make(TrackerPart.class);
            Label thumbnail = ui.find(Label.class, l -> l.getText().isEmpty() && l.getImage() == null
                    && (l.getStyle() & SWT.WRAP) == 0);

            ui.fire(button(ui, "Start"), SWT.Selection);

            ui.until("the thumbnail shows", () -> thumbnail.getImage() != null, () -> "capture: "
                    + configurations.await(ScreenCapture.class, "").status() + ", queued: " + store.query(QueueQuery.all(10)).items().stream()
                            .map(item -> item.entityType() + " " + item.status().label() + " " + item.blobSize()).toList());
            Rectangle size = thumbnail.getImage().getBounds();
            assertTrue(size.width <= 240 && size.height <= 150 && (size.width == 240 || size.height == 150),
                    "scaled to fit 240 × 150: " + size);
            assertTrue(thumbnail.getToolTipText().startsWith("Latest screenshot, #"), thumbnail.getToolTipText());
        } finally {
            if (tracker.status().state() == TrackerState.RUNNING) {
                tracker.stop();
            }
            sync.resume();
        }
    }

    @Test
    void screenshotsArePausedForTheChosenTimeWhileTheEntryRuns() {
        ScreenCapture capture = configurations.await(ScreenCapture.class, "");
        try (PartHarness ui = new PartHarness()) {
            ui.make(TrackerPart.class);
            Combo screenshots = ui.find(Combo.class, combo -> true);
            ui.fire(button(ui, "Start"), SWT.Selection);

            screenshots.select(2);
            ui.fire(screenshots, SWT.Selection);

            Instant until = capture.pausedUntil().orElseThrow();
            assertTrue(Duration.between(Instant.now(), until).compareTo(Duration.ofMinutes(29)) > 0, until.toString());
            // Start commits its transition in a job of its own.
            ui.until("the entry runs", () -> tracker.status().state() == TrackerState.RUNNING,
                    () -> tracker.status().toString());
            String entry = tracker.status().entry().id().toString();
            ui.until("a skipped screenshot marked", () -> !store.query(QueueQuery.all(10).withEntityTypes(
                    Set.of("screenshot_omitted")).inGroup(entry)).items().isEmpty(), () -> capture.status().toString());
            assertEquals(TrackerState.RUNNING, tracker.status().state());

            screenshots.select(0);
            ui.fire(screenshots, SWT.Selection);
            assertTrue(capture.pausedUntil().isEmpty(), "screenshots on again");
        } finally {
            capture.pauseFor(Duration.ZERO);
            if (tracker.status().state() == TrackerState.RUNNING) {
                tracker.stop();
            }
        }
    }

    @Test
    void aScreenshotUnderReviewIsShownAndDeletedFromTheStrip() {
        capture(Map.of("reviewMinutes", 5));
        ScreenCapture capture = configurations.await(ScreenCapture.class, "");
        try (PartHarness ui = new PartHarness()) {
            ui.make(TrackerPart.class);
            ui.fire(button(ui, "Start"), SWT.Selection);
            ui.until("a screenshot in the review strip", () -> !deleteButtons(ui).isEmpty(), () -> capture.status().toString());
            tracker.stop();
            ui.until("the strip shows every screenshot under review",
                    () -> deleteButtons(ui).size() == capture.underReview().size(),
                    () -> deleteButtons(ui).size() + " of " + capture.underReview());
            Group strip = ui.find(Group.class, group -> group.getText().startsWith("Under review"));
            assertTrue(strip.isVisible());
            Button delete = deleteButtons(ui).get(0);
            ui.until("each screenshot laid out in the strip", () -> deleteButtons(ui).stream()
                    .allMatch(button -> button.getSize().x > 0 && button.getSize().y > 0), () -> deleteButtons(ui).stream()
                            .map(button -> button.getSize().toString()).toList().toString());
            long id = (Long) delete.getData("screenshot");

            ui.fire(delete, SWT.Selection);

            ui.until("the screenshot replaced by its marker", () -> store.find(id).orElseThrow().entityType()
                    .equals("screenshot_omitted"), () -> store.find(id).toString());
            ui.until("and gone from the strip", () -> deleteButtons(ui).stream()
                    .noneMatch(button -> Long.valueOf(id).equals(button.getData("screenshot"))), () -> "");
            assertTrue(store.find(id).orElseThrow().payload().contains("deleted_by_user"));
            for (var held : capture.underReview()) {
                capture.deleteUnderReview(held.id());
            }
            ui.until("the strip hides once nothing is under review", () -> !strip.isVisible(), () -> "");
        } finally {
            if (tracker.status().state() == TrackerState.RUNNING) {
                tracker.stop();
            }
        }
    }

    @Test
    void theConsentDialogHoldsCaptureUntilThePersonAccepts() {
        capture(Map.of("consentAcceptedAt", ""));
        try (PartHarness ui = new PartHarness()) {
            ui.make(ConsentPrompt.class);
            List<String> seen = new ArrayList<>();
            // The dialog is modal: it runs its own event loop, in which this answers it as a person would.
            ui.display.timerExec(100, () -> acceptWhenAsked(ui, seen));
            String entry = tracker.start(null, null, null).id().toString();

            ui.until("a screenshot once accepted", () -> store.count(QueueQuery.all(1).withEntityTypes(
                    Set.of("screenshot")).inGroup(entry)) > 0, () -> seen + " "
                            + configurations.await(ScreenCapture.class, "").status());
            assertEquals(3, seen.size(), seen.toString());
            assertTrue(seen.get(0).contains("What: one image of the whole desktop") && seen.get(0).contains("Review:"),
                    seen.get(0));
            assertEquals(CaptureState.AWAITING_CONSENT.name(), seen.get(1), "held while the dialog was open");
            assertEquals("0", seen.get(2), "screenshots queued before the person accepted");
            assertTrue(configurations.await(ScreenCapture.class, "").terms().accepted().isPresent());
        } finally {
            if (tracker.status().state() == TrackerState.RUNNING) {
                tracker.stop();
            }
        }
    }

    /** Notes what the dialog says, capture's state and the screenshots queued, then presses Accept. */
    private void acceptWhenAsked(PartHarness ui, List<String> seen) {
        for (Shell dialog : ui.display.getShells()) {
            if ("Screenshots while you track time".equals(dialog.getText())) {
                seen.add(texts(dialog, new StringBuilder()).toString());
                seen.add(configurations.await(ScreenCapture.class, "").status().state().name());
                seen.add(String.valueOf(store.count(QueueQuery.all(1).withEntityTypes(Set.of("screenshot")))));
                press(dialog, "Accept");
                return;
            }
        }
        ui.display.timerExec(100, () -> acceptWhenAsked(ui, seen));
    }

    private static StringBuilder texts(Control control, StringBuilder text) {
        if (control instanceof Label label) {
            text.append(label.getText()).append('\n');
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                texts(child, text);
            }
        }
        return text;
    }

    private static void press(Composite parent, String label) {
        for (Control child : parent.getChildren()) {
            if (child instanceof Button button && label.equals(button.getText())) {
                button.notifyListeners(SWT.Selection, new Event());
            } else if (child instanceof Composite composite) {
                press(composite, label);
            }
        }
    }

    private static List<Button> deleteButtons(PartHarness ui) {
        return ui.all(Button.class).stream().filter(button -> "Delete".equals(button.getText()) && !button.isDisposed())
                .toList();
    }

    private static Button button(PartHarness ui, String label) {
        return ui.find(Button.class, b -> label.equals(b.getText()));
    }

    /** "1" per enabled button, in the order given. */
    private static String enabled(Button... buttons) {
        StringBuilder flags = new StringBuilder();
        for (Button button : buttons) {
            flags.append(button.isEnabled() ? '1' : '0');
        }
        return flags.toString();
    }
}
