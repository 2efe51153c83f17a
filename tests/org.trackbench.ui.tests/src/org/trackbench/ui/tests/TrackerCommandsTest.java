package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.eclipse.e4.core.contexts.ContextInjectionFactory;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.handlers.PauseHandler;
import org.trackbench.ui.internal.handlers.ResumeHandler;
import org.trackbench.ui.internal.handlers.StartHandler;
import org.trackbench.ui.internal.handlers.StopHandler;

/**
 * The toolbar's and the Tracker menu's Start, Pause, Resume and Stop drive the real time tracker: each is enabled
 * only in the states it leaves from, Start asks what the entry is about, and a refused transition says why.
 */
class TrackerCommandsTest {

    private final Configurations configurations = new Configurations();
    private final List<Object> handlers = List.of(new StartHandler(), new PauseHandler(), new ResumeHandler(),
            new StopHandler());
    private TimeTracker tracker;

    @BeforeEach
    void idleTracker() {
        QueueStoreFixture queues = new QueueStoreFixture();
        queues.configure(queues.newDirectory("tracker-commands"), 1024 * 1024);
        configurations.update("org.trackbench.capture", Map.of("screenSource.target",
                "(" + ScreenSource.SOURCE + "=synthetic)", "consentAcceptedAt", "2026-12-01T08:00:00Z"));
        tracker = configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
        TrackerState state = tracker.status().state();
        if (state == TrackerState.RUNNING || state == TrackerState.PAUSED) {
            tracker.stop();
        }
    }

    @Test
    void eachTransitionIsEnabledOnlyFromItsStatesAndStartAsksWhatFor() {
        try (PartHarness ui = new PartHarness()) {
            ui.context.set(IServiceConstants.ACTIVE_SHELL, ui.shell);
            assertEquals("1000", enabled(ui), "idle: Start, Pause, Resume, Stop");

            whenOpen(ui, "Start a time entry", dialog -> {
                find(dialog, Text.class).setText("Drawing the toolbar icons");
                press(dialog, "OK");
            });
            ContextInjectionFactory.invoke(handlers.get(0), Execute.class, ui.context);
            awaitState(ui, TrackerState.RUNNING);
            assertEquals("Drawing the toolbar icons", tracker.status().currentEntry().orElseThrow().description());
            assertEquals("0101", enabled(ui), "running");

            ContextInjectionFactory.invoke(handlers.get(1), Execute.class, ui.context);
            awaitState(ui, TrackerState.PAUSED);
            assertEquals("0011", enabled(ui), "paused");

            ContextInjectionFactory.invoke(handlers.get(2), Execute.class, ui.context);
            awaitState(ui, TrackerState.RUNNING);

            ContextInjectionFactory.invoke(handlers.get(3), Execute.class, ui.context);
            awaitState(ui, TrackerState.STOPPED);
            assertEquals("1000", enabled(ui), "stopped");
        }
    }

    @Test
    void cancellingStartStartsNothingAndARefusedTransitionSaysWhy() {
        try (PartHarness ui = new PartHarness()) {
            ui.context.set(IServiceConstants.ACTIVE_SHELL, ui.shell);
            TrackerState before = tracker.status().state();
            whenOpen(ui, "Start a time entry", dialog -> press(dialog, "Cancel"));
            ContextInjectionFactory.invoke(handlers.get(0), Execute.class, ui.context);
            assertEquals(before, tracker.status().state(), "nothing started");

            List<String> said = new ArrayList<>();
            whenOpen(ui, "Pause refused", dialog -> {
                collect(dialog, Label.class, label -> said.add(label.getText()));
                press(dialog, "OK");
            });
            ContextInjectionFactory.invoke(handlers.get(1), Execute.class, ui.context);

            ui.until("the refusal is shown and answered", () -> !said.isEmpty(), () -> tracker.status().toString());
            assertTrue(said.stream().anyMatch(text -> text.toLowerCase().contains("pause")), said.toString());
            assertEquals(before, tracker.status().state(), "nothing changed");
        }
    }

    private String enabled(PartHarness ui) {
        StringBuilder flags = new StringBuilder();
        for (Object handler : handlers) {
            flags.append(Boolean.TRUE.equals(ContextInjectionFactory.invoke(handler, CanExecute.class, ui.context)) ? '1' : '0');
        }
        return flags.toString();
    }

    private void awaitState(PartHarness ui, TrackerState state) {
        ui.until("the tracker is " + state, () -> tracker.status().state() == state, () -> tracker.status().toString());
    }

    /** Once a shell titled {@code title} is open, {@code act} on it (the handler opens it modally). */
    private static void whenOpen(PartHarness ui, String title, Consumer<Shell> act) {
        ui.display.timerExec(50, new Runnable() {
            @Override
            public void run() {
                Shell dialog = shell(ui, title);
                if (dialog == null) {
                    ui.display.timerExec(50, this);
                } else {
                    act.accept(dialog);
                }
            }
        });
    }

    private static <W extends Control> void collect(Composite parent, Class<W> type, Consumer<W> each) {
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child)) {
                each.accept(type.cast(child));
            }
            if (child instanceof Composite composite) {
                collect(composite, type, each);
            }
        }
    }

    private static Shell shell(PartHarness ui, String title) {
        return Stream.of(ui.display.getShells()).filter(shell -> !shell.isDisposed() && title.equals(shell.getText()))
                .findFirst().orElse(null);
    }

    private static void press(Shell dialog, String label) {
        Button button = find(dialog, Button.class, candidate -> label.equals(candidate.getText().replace("&", "")));
        button.notifyListeners(SWT.Selection, null);
    }

    private static <W extends Control> W find(Composite parent, Class<W> type) {
        return find(parent, type, widget -> true);
    }

    private static <W extends Control> W find(Composite parent, Class<W> type, Predicate<W> matches) {
        for (Control child : parent.getChildren()) {
            if (type.isInstance(child) && matches.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Composite composite) {
                W found = find(composite, type, matches);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
