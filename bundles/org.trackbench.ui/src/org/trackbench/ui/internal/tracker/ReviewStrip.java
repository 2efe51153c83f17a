package org.trackbench.ui.internal.tracker;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenshotUnderReview;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.images.QueuedImages;

/**
 * The screenshots still under review, as thumbnails each with a Delete button: a deleted one is never sent, and its
 * omission marker tells the server one was deleted. Shown only while there is one; read off the UI thread, and read
 * again when the earliest review ends.
 */
final class ReviewStrip {

    static final String TITLE = "Under review: delete a screenshot before it is sent";
    private static final int WIDTH = 160;
    private static final int HEIGHT = 100;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    /** One screenshot as read for the strip: its image scaled, or {@code null} when it could not be read. */
    private record Thumbnail(ScreenshotUnderReview screenshot, ImageData image) {
    }

    private final Group group;
    private final Composite thumbnails;
    private final Consumer<String> say;
    private final UISynchronize ui;
    private final Supplier<ScreenCapture> capture;
    private final Supplier<QueueStore> store;
    private final Object owner;
    private final List<Image> images = new ArrayList<>();
    private final Runnable expiry = this::refresh;

    /** {@code owner}: the part whose jobs these are, cancelled with it; {@code say}: shows a deletion's outcome. */
    ReviewStrip(Composite parent, int columns, UISynchronize ui, Supplier<ScreenCapture> capture,
            Supplier<QueueStore> store, Object owner, Consumer<String> say) {
        this.ui = ui;
        this.say = say;
        this.capture = capture;
        this.store = store;
        this.owner = owner;
        group = new Group(parent, SWT.NONE);
        group.setText(TITLE);
        group.setLayout(new GridLayout(1, false));
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, columns, 1);
        data.widthHint = WIDTH;
        group.setLayoutData(data);
        thumbnails = new Composite(group, SWT.NONE);
        thumbnails.setLayout(new RowLayout(SWT.HORIZONTAL));
        thumbnails.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        showThumbnails(List.of());
    }

    /** Reads the screenshots under review again, off the UI thread. */
    void refresh() {
        PartJob.of("Reading the screenshots under review", owner, monitor -> {
            ScreenCapture currentCapture = capture.get();
            QueueStore currentStore = store.get();
            if (currentCapture == null || currentStore == null) {
                return;
            }
            List<Thumbnail> read = new ArrayList<>();
            for (ScreenshotUnderReview screenshot : currentCapture.underReview()) {
                read.add(new Thumbnail(screenshot, image(currentStore, screenshot.id())));
            }
            ui.asyncExec(() -> showThumbnails(read));
        }).schedule();
    }

    /** The part closes: no more reads, and the images freed. */
    void dispose() {
        if (!group.isDisposed()) {
            group.getDisplay().timerExec(-1, expiry);
        }
        disposeImages();
    }

    private void disposeImages() {
        images.forEach(Image::dispose);
        images.clear();
    }

    private static ImageData image(QueueStore store, long id) {
        try {
            return QueuedImages.scaled(store, id, WIDTH, HEIGHT);
        } catch (IOException | RuntimeException e) {
            // Sent, or deleted, since it was listed: shown without its image until the next read drops it.
            return null;
        }
    }

    private void showThumbnails(List<Thumbnail> shown) {
        if (group.isDisposed()) {
            return;
        }
        for (var child : thumbnails.getChildren()) {
            child.dispose();
        }
        disposeImages();
        shown.forEach(this::add);
        boolean any = !shown.isEmpty();
        group.setVisible(any);
        ((GridData) group.getLayoutData()).exclude = !any;
        // The new cells are laid out here: the view's layout sizes the strip, not what is inside it.
        thumbnails.layout(true, true);
        group.requestLayout();
        group.getDisplay().timerExec(-1, expiry);
        shown.stream().map(thumbnail -> thumbnail.screenshot().reviewEndsAt()).min(Instant::compareTo)
                .ifPresent(end -> group.getDisplay().timerExec(
                        (int) Math.max(1_000, Duration.between(Instant.now(), end).toMillis() + 500), expiry));
    }

    private void add(Thumbnail thumbnail) {
        ScreenshotUnderReview screenshot = thumbnail.screenshot();
        Composite cell = new Composite(thumbnails, SWT.NONE);
        cell.setLayout(new GridLayout(1, false));
        Label picture = new Label(cell, SWT.BORDER);
        if (thumbnail.image() != null) {
            Image image = new Image(group.getDisplay(), thumbnail.image());
            images.add(image);
            picture.setImage(image);
        }
        picture.setToolTipText("Screenshot #" + screenshot.id() + ", " + screenshot.bytes() / 1024 + " KiB");
        new Label(cell, SWT.NONE).setText("Taken " + TIME.format(screenshot.capturedAt()) + ", sent from "
                + TIME.format(screenshot.reviewEndsAt()));
        Button delete = new Button(cell, SWT.PUSH);
        delete.setText("Delete");
        delete.setData("screenshot", screenshot.id());
        delete.addListener(SWT.Selection, event -> delete(delete, screenshot.id()));
    }

    private void delete(Button button, long id) {
        button.setEnabled(false);
        PartJob.of("Deleting a screenshot under review", owner, monitor -> {
            ScreenCapture current = capture.get();
            String outcome;
            try {
                if (current == null) {
                    throw new IllegalStateException("screenshot capture is not available; see the log for why");
                }
                current.deleteUnderReview(id);
                outcome = "Screenshot #" + id + " deleted: it is never sent, and the server is told one was deleted.";
            } catch (RuntimeException e) {
                outcome = "Not deleted: " + e.getMessage();
            }
            say.accept(outcome);
            refresh();
        }).schedule();
    }
}
