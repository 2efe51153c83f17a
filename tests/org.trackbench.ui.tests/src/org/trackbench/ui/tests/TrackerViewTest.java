package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.tracker.TrackerPart;

/** The Tracker view drives the real time tracker, and only the legal transitions are ever enabled. */
class TrackerViewTest {

    private TimeTracker tracker;

    @BeforeEach
    void idleTracker() {
        QueueStoreFixture queues = new QueueStoreFixture();
        queues.configure(queues.newDirectory("tracker-view"), 1024 * 1024);
        tracker = new Configurations().configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
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
