package org.trackbench.ui.internal.tracker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerEvents;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.capture.TrackerStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.images.QueuedImages;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Tracker view: start, pause, resume and stop the time entry, with only the legal buttons enabled; the
 * elapsed time, what capture is doing, a thumbnail of the latest screenshot and the screenshots still under review.
 * Each button's transition is committed to the queue off the UI thread.
 */
public final class TrackerPart {

    private static final int TICK_MILLIS = 1_000;
    /**
     * The width the fields, wrapping labels and the thumbnail ask for: without it they ask for their whole content
     * on one line and the layout widens the view past its part, clipping the buttons; they still fill whatever
     * width the part has.
     */
    private static final int NARROW = 100;
    private static final int THUMBNAIL_WIDTH = 240;
    private static final int THUMBNAIL_HEIGHT = 150;
    /** How far back in the entry's items the view looks for a screenshot when it opens. */
    private static final int LATEST_ITEMS = 50;

    /** What the screenshot choice offers, and the pause each means in minutes (0: screenshots on). */
    static final String[] SCREENSHOT_CHOICES = { "Screenshots on", "No screenshots for 10 minutes",
        "No screenshots for 30 minutes", "No screenshots for 60 minutes" };
    private static final long[] PAUSE_MINUTES = { 0, 10, 30, 60 };

    @Inject
    private UISynchronize ui;

    private volatile TimeTracker tracker;
    private volatile ScreenCapture screenCapture;
    private volatile QueueStore store;
    private Text description;
    private Text project;
    private Text task;
    private Button start;
    private Button pause;
    private Button resume;
    private Button stop;
    private Label elapsed;
    private Label capture;
    private Combo screenshots;
    private Label thumbnail;
    private Label message;
    private ReviewStrip review;
    private volatile TrackerStatus shown;
    private String thumbnailEntry;
    /** One job, so reads cannot overtake each other: scheduled while it runs, it runs once more afterwards. */
    private final Job refreshJob = PartJob.of("Reading the tracker", this, monitor -> {
        TimeTracker current = tracker;
        ScreenCapture currentCapture = screenCapture;
        if (current != null) {
            TrackerStatus status = current.status();
            CaptureStatus captureStatus = currentCapture == null ? null : currentCapture.status();
            ui.asyncExec(() -> show(status, captureStatus));
        }
    });

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(4, true));
        description = field(parent, "Description");
        project = field(parent, "Project");
        task = field(parent, "Task");
        start = button(parent, "Start", (t, entry) -> t.start(entry[0], entry[1], entry[2]));
        pause = button(parent, "Pause", (t, entry) -> t.pause());
        resume = button(parent, "Resume", (t, entry) -> t.resume());
        stop = button(parent, "Stop", (t, entry) -> t.stop());
        elapsed = wideLabel(parent);
        elapsed.setFont(JFaceResources.getHeaderFont());
        capture = wideLabel(parent);
        screenshots = new Combo(parent, SWT.READ_ONLY);
        screenshots.setItems(SCREENSHOT_CHOICES);
        screenshots.select(0);
        screenshots.setLayoutData(narrowFill(SWT.CENTER, 4));
        screenshots.addListener(SWT.Selection, event -> pauseScreenshots(screenshots.getSelectionIndex()));
        thumbnail = new Label(parent, SWT.NONE);
        thumbnail.setLayoutData(narrowFill(SWT.TOP, 4));
        review = new ReviewStrip(parent, 4, ui, () -> screenCapture, () -> store, this, this::showMessage);
        message = wideLabel(parent);
        refresh();
        tick();
    }

    /** The time tracker, again whenever it restarts; {@code null} while it is down. */
    @Inject
    void setTracker(@Optional @Service TimeTracker newTracker) {
        tracker = newTracker;
        if (start != null) {
            refresh();
        }
    }

    /** The tracker changed state, here or from the console: show what it is now. */
    @Inject
    @Optional
    void trackerChanged(@UIEventTopic(TrackerEvents.TOPIC_STATE) Event event) {
        refresh();
        review.refresh();
    }

    /** Screenshot capture, again whenever it restarts; {@code null} while it is down. */
    @Inject
    void setScreenCapture(@Optional @Service ScreenCapture newCapture) {
        screenCapture = newCapture;
        if (start != null) {
            refresh();
            review.refresh();
        }
    }

    @Inject
    void setStore(@Optional @Service QueueStore newStore) {
        store = newStore;
        if (review != null) {
            review.refresh();
        }
    }

    /** Capture's status changed or a screenshot was queued: show both. */
    @Inject
    @Optional
    void captured(@UIEventTopic(TrackerEvents.TOPIC_CAPTURE) Event event) {
        refresh();
        if (event.getProperty(TrackerEvents.SCREENSHOT_ID) instanceof Long id) {
            loadThumbnail(current -> current.find(id));
            review.refresh();
        }
    }

    /** Closed: the reads under way are cancelled and the thumbnail freed. */
    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
        setThumbnail(null, "");
        review.dispose();
    }

    private void refresh() {
        refreshJob.schedule();
    }

    /** No screenshots for the chosen time (each skipped one marked for the server), or screenshots again. */
    private void pauseScreenshots(int choice) {
        ScreenCapture current = screenCapture;
        if (current != null) {
            current.pauseFor(Duration.ofMinutes(PAUSE_MINUTES[choice]));
        }
        refresh();
    }

    private void show(TrackerStatus status, CaptureStatus captureStatus) {
        if (start.isDisposed()) {
            return;
        }
        shown = status;
        TrackerState state = status.state();
        boolean open = state == TrackerState.RUNNING || state == TrackerState.PAUSED;
        start.setEnabled(!open);
        pause.setEnabled(state == TrackerState.RUNNING);
        resume.setEnabled(state == TrackerState.PAUSED);
        stop.setEnabled(open);
        status.currentEntry().ifPresent(entry -> {
            description.setText(orEmpty(entry.description()));
            project.setText(orEmpty(entry.project()));
            task.setText(orEmpty(entry.task()));
        });
        ScreenCapture currentCapture = screenCapture;
        if (screenshots.getSelectionIndex() != 0 && (currentCapture == null || currentCapture.pausedUntil().isEmpty())) {
            screenshots.select(0);
        }
        String captureText = captureStatus == null ? "" : "Capture: " + captureStatus.describe();
        if (!captureText.equals(capture.getText())) {
            capture.setText(captureText);
            capture.requestLayout();
        }
        showElapsed();
        String entry = status.currentEntry().map(e -> e.id().toString()).orElse(null);
        if (entry != null && !entry.equals(thumbnailEntry)) {
            thumbnailEntry = entry;
            loadThumbnail(current -> latestImage(current, entry));
        }
    }

    /** The newest item of the entry that still holds an image: its latest screenshot not yet sent. */
    private static java.util.Optional<QueueItem> latestImage(QueueStore current, String entry) {
        return current.query(QueueQuery.all(LATEST_ITEMS).inGroup(entry).sortedBy(QueueQuery.SortKey.ID, true)).items()
                .stream().filter(QueuedImages::held).findFirst();
    }

    /**
     * Reads and scales the image of the item {@code find} gives, off the UI thread. A screenshot already sent is
     * not held any more: the thumbnail shown stays.
     */
    private void loadThumbnail(Function<QueueStore, java.util.Optional<QueueItem>> find) {
        PartJob.of("Reading the latest screenshot", this, monitor -> {
            QueueStore current = store;
            if (current == null) {
                return;
            }
            try {
                java.util.Optional<QueueItem> item = find.apply(current);
                if (item.isEmpty() || !QueuedImages.held(item.get())) {
                    return;
                }
                ImageData image = QueuedImages.scaled(current, item.get().id(), THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT);
                String caption = "Latest screenshot, #" + item.get().id() + " in the queue";
                ui.asyncExec(() -> {
                    if (!thumbnail.isDisposed()) {
                        setThumbnail(new Image(thumbnail.getDisplay(), image), caption);
                    }
                });
            } catch (IOException | RuntimeException e) {
                // Sent (and dropped) between the event and the read, or unreadable: the previous thumbnail stays.
            }
        }).schedule();
    }

    private void setThumbnail(Image image, String caption) {
        QueuedImages.show(thumbnail, image);
        if (thumbnail != null && !thumbnail.isDisposed()) {
            thumbnail.setToolTipText(caption);
        }
    }

    private void tick() {
        if (elapsed.isDisposed()) {
            return;
        }
        showElapsed();
        elapsed.getDisplay().timerExec(TICK_MILLIS, this::tick);
    }

    /**
     * The time worked, from the tracker's own status while an entry runs (an in-memory read): the tracker measures it
     * on a monotonic clock, so a clock set meanwhile does not make the display jump.
     */
    private void showElapsed() {
        TrackerStatus status = shown;
        TimeTracker current = tracker;
        if (status != null && status.state() == TrackerState.RUNNING && current != null) {
            status = current.status();
        }
        TimeEntry entry = status == null ? null : status.currentEntry().orElse(null);
        Duration time = entry == null ? Duration.ZERO : entry.elapsed(Instant.now());
        elapsed.setText(String.format("%d:%02d:%02d  %s", time.toHours(), time.toMinutesPart(), time.toSecondsPart(),
                status == null ? "" : status.state().label()));
    }

    /** {@code transition} gets the tracker and the description, project and task as typed when the button was pressed. */
    private Button button(Composite parent, String label, BiFunction<TimeTracker, String[], TimeEntry> transition) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(label);
        button.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        button.addListener(SWT.Selection, event -> {
            button.setEnabled(false);
            String[] entry = { text(description), text(project), text(task) };
            PartJob.of(label + " the time entry", this, monitor -> {
                TimeTracker current = tracker;
                try {
                    if (current == null) {
                        throw new IllegalStateException("the time tracker is not available; see the log for why");
                    }
                    transition.apply(current, entry);
                    showMessage("");
                } catch (RuntimeException e) {
                    showMessage(label + " refused: " + e.getMessage());
                }
                refresh();
            }).schedule();
        });
        return button;
    }

    private void showMessage(String text) {
        ui.asyncExec(() -> {
            if (!message.isDisposed()) {
                message.setText(text);
                message.requestLayout();
            }
        });
    }

    /** Fills the width the part has over {@code columns}, asking for no more than {@link #NARROW}. */
    private static GridData narrowFill(int verticalAlignment, int columns) {
        GridData data = new GridData(SWT.FILL, verticalAlignment, true, false, columns, 1);
        data.widthHint = NARROW;
        return data;
    }

    private static Text field(Composite parent, String label) {
        new Label(parent, SWT.NONE).setText(label);
        Text text = new Text(parent, SWT.BORDER);
        text.setLayoutData(narrowFill(SWT.CENTER, 3));
        return text;
    }

    private static Label wideLabel(Composite parent) {
        Label label = new Label(parent, SWT.WRAP);
        label.setLayoutData(narrowFill(SWT.CENTER, 4));
        return label;
    }

    private static String text(Text field) {
        return field.getText().isBlank() ? null : field.getText().strip();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
