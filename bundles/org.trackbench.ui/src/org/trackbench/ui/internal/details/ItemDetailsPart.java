package org.trackbench.ui.internal.details;

import java.io.IOException;
import java.util.List;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.SWTException;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.export.Redaction;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.images.QueuedImages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Item details: the item selected in the Queue view, its attempts and last error, which failed item holds it when
 * it is blocked, the rendering its entity type's handler gives it (a plug-in's own types too), its payload as
 * formatted JSON (secret-looking fields redacted), and for an image blob still queued a scaled preview; what needs
 * the store is read off the UI thread.
 */
public final class ItemDetailsPart {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PREVIEW_WIDTH = 360;
    private static final int PREVIEW_HEIGHT = 240;

    @Inject
    private UISynchronize ui;

    private volatile QueueStore store;
    private volatile List<EntityHandler> handlers = List.of();
    private QueueItem selected;
    private Label summary;
    private Label heldBy;
    private Label preview;
    private Text payload;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setText("Select an item in the Queue view.");
        heldBy = new Label(parent, SWT.WRAP);
        heldBy.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        preview = new Label(parent, SWT.NONE);
        preview.setLayoutData(new GridData(SWT.LEFT, SWT.TOP, false, false));
        payload = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        payload.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        show();
    }

    /** Closed: the reads under way are cancelled and the preview image freed. */
    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
        setPreview(null);
    }

    @Inject
    void setStore(@Optional @Service QueueStore newStore) {
        store = newStore;
    }

    @Inject
    void setHandlers(@Optional @Service List<EntityHandler> newHandlers) {
        handlers = newHandlers == null ? List.of() : List.copyOf(newHandlers);
    }

    @Inject
    void selectionChanged(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection) {
        if (selection != null && !selection.isEmpty()) {
            selected = selection.get(0);
            show();
        }
    }

    private void show() {
        QueueItem item = selected;
        if (summary == null || summary.isDisposed() || item == null) {
            return;
        }
        summary.setText(String.format("#%d %s, %s, %d attempt(s)%s%s%n%s", item.id(), item.entityType(),
                item.status().label(), item.attempts(), item.lastError() == null ? "" : "\nLast error: " + item.lastError(),
                item.blobSize() == 0 ? "" : "\nBlob: " + item.blobSize() + " bytes, " + item.blobContentType(),
                rendering(item)));
        payload.setText(formatted(item.payload()));
        heldBy.setText("");
        if (item.status() == ItemStatus.BLOCKED) {
            loadHolder(item);
        }
        setPreview(null);
        if (QueuedImages.held(item)) {
            loadPreview(item);
        }
        summary.requestLayout();
    }

    /** What the item's handler says of it; a missing or failing handler is said plainly. */
    private String rendering(QueueItem item) {
        for (EntityHandler handler : handlers) {
            if (handler.entityType().equals(item.entityType())) {
                try {
                    return handler.summary(item);
                } catch (RuntimeException e) {
                    return "(the " + item.entityType() + " handler cannot render this item: " + e.getMessage() + ")";
                }
            }
        }
        return "(no handler installed for " + item.entityType() + ")";
    }

    /** Which failed item holds a blocked one, read off the UI thread. */
    private void loadHolder(QueueItem item) {
        QueueStore current = store;
        if (current == null) {
            return;
        }
        PartJob.of("Reading what holds item " + item.id(), this, monitor -> {
            String text;
            try {
                text = current.holder(item.id())
                        .map(holder -> "Blocked by #" + holder.id() + ", failed: " + holder.error().orElse("no reason"))
                        .orElse("Blocked, but no failed item of its group holds it any more: retry it.");
            } catch (RuntimeException e) {
                text = "Cannot read what holds it: " + e.getMessage();
            }
            String shown = text;
            ui.asyncExec(() -> {
                if (!heldBy.isDisposed() && stillSelected(item)) {
                    heldBy.setText(shown);
                    heldBy.requestLayout();
                }
            });
        }).schedule();
    }

    private void loadPreview(QueueItem item) {
        QueueStore current = store;
        if (current == null) {
            return;
        }
        PartJob.of("Reading the image of item " + item.id(), this, monitor -> {
            ImageData scaled;
            try {
                scaled = QueuedImages.scaled(current, item.id(), PREVIEW_WIDTH, PREVIEW_HEIGHT);
            } catch (IOException | RuntimeException e) {
                ui.asyncExec(() -> showPreviewFailure(item, e));
                return;
            }
            ui.asyncExec(() -> {
                if (!preview.isDisposed() && stillSelected(item)) {
                    setPreview(new Image(preview.getDisplay(), scaled));
                }
            });
        }).schedule();
    }

    /** Whether a read that finished for {@code item} is still wanted: the selection may have moved on. */
    private boolean stillSelected(QueueItem item) {
        return selected != null && selected.id() == item.id();
    }

    private void showPreviewFailure(QueueItem item, Exception e) {
        if (!preview.isDisposed() && stillSelected(item)) {
            preview.setText("No preview: " + (e instanceof SWTException ? "not an image SWT can read" : e.getMessage()));
            preview.requestLayout();
        }
    }

    private void setPreview(Image image) {
        if (preview != null && !preview.isDisposed()) {
            preview.setText("");
        }
        QueuedImages.show(preview, image);
    }

    private static String formatted(String json) {
        try {
            return JSON.writeValueAsString(Redaction.redacted(JSON.readTree(json)));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
