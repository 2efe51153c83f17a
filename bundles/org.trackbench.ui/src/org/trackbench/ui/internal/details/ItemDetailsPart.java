package org.trackbench.ui.internal.details;

import java.io.IOException;
import java.util.List;
import java.util.function.Function;

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
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.RepairAction;
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
 *
 * <p>A failed or blocked item's payload is an editor: what is typed is checked as the queue and the type's handler
 * would check it, and Save, enabled only for a valid change, repairs the item in place and retries it. Redacted
 * fields left as they are keep their stored values.
 */
public final class ItemDetailsPart {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final int PREVIEW_WIDTH = 360;
    private static final int PREVIEW_HEIGHT = 240;

    @Inject
    private UISynchronize ui;

    private volatile QueueStore store;
    /** The workbench's own instance: an edit made here is recorded as made in the workbench. */
    private volatile QueueAdmin admin;
    private volatile List<EntityHandler> handlers = List.of();
    private QueueItem selected;
    private Label summary;
    private Label heldBy;
    private Label preview;
    private Text payload;
    private Label problem;
    private Button save;
    private Composite repairs;

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
        payload = new Text(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        payload.setEditable(false);
        payload.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        payload.addListener(SWT.Modify, event -> check());
        Composite actions = new Composite(parent, SWT.NONE);
        actions.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        actions.setLayout(new GridLayout(2, false));
        problem = new Label(actions, SWT.WRAP);
        problem.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        save = new Button(actions, SWT.PUSH);
        save.setText("Save and retry");
        save.setEnabled(false);
        save.addListener(SWT.Selection, event -> save());
        repairs = new Composite(parent, SWT.NONE);
        repairs.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        repairs.setLayout(new RowLayout());
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
    void setAdmin(@Optional @Service QueueAdmin newAdmin) {
        admin = newAdmin;
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
        boolean repairable = item.status() == ItemStatus.FAILED || item.status() == ItemStatus.BLOCKED;
        payload.setEditable(repairable);
        payload.setText(formatted(item.payload()));
        save.setEnabled(false);
        problem.setText(repairable ? "Edit the payload to repair the item: it keeps its place and is retried at once."
                : "");
        showRepairs(List.of());
        if (repairable) {
            loadRepairs(item);
        }
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

    /** Checks what is typed as the queue will; Save is enabled only for a valid change. */
    private void check() {
        QueueItem item = selected;
        QueueAdmin current = admin;
        if (item == null || !payload.getEditable()) {
            return;
        }
        String candidate = candidate(item);
        if (current == null) {
            save.setEnabled(false);
            problem.setText("The queue is not running; the item cannot be repaired now.");
            return;
        }
        try {
            current.checkPayload(item.entityType(), candidate);
            boolean changed = !JSON.readTree(candidate).equals(JSON.readTree(item.payload()));
            save.setEnabled(changed);
            problem.setText(changed ? "Valid." : "Unchanged.");
        } catch (IllegalArgumentException | JsonProcessingException e) {
            save.setEnabled(false);
            problem.setText(e.getMessage());
        }
        problem.requestLayout();
    }

    /** The typed payload with the stored values of the redacted fields left as they are; as typed if not JSON. */
    private String candidate(QueueItem item) {
        try {
            return JSON.writeValueAsString(Redaction.restored(JSON.readTree(item.payload()), JSON.readTree(payload.getText())));
        } catch (JsonProcessingException e) {
            return payload.getText();
        }
    }

    private void save() {
        QueueItem item = selected;
        String repaired = candidate(item);
        change(item, admin -> admin.edit(item.id(), repaired));
    }

    /** The repairs the item's handler offers, read off the UI thread: one button each. */
    private void loadRepairs(QueueItem item) {
        QueueAdmin current = admin;
        if (current == null) {
            return;
        }
        PartJob.of("Reading the repairs offered for item " + item.id(), this, monitor -> {
            List<RepairAction> offered;
            try {
                offered = current.repairs(item.id());
            } catch (RuntimeException e) {
                offered = List.of();
            }
            List<RepairAction> found = offered;
            ui.asyncExec(() -> {
                if (!repairs.isDisposed() && stillSelected(item)) {
                    showRepairs(found);
                }
            });
        }).schedule();
    }

    private void showRepairs(List<RepairAction> offered) {
        for (Control old : repairs.getChildren()) {
            old.dispose();
        }
        QueueItem item = selected;
        for (RepairAction action : offered) {
            Button button = new Button(repairs, SWT.PUSH);
            button.setText(action.label());
            button.addListener(SWT.Selection, event -> change(item, admin -> admin.repair(item.id(), action.id())));
        }
        repairs.requestLayout();
    }

    /** Runs an admin's change of {@code item} off the UI thread, then shows the item as it is and what happened. */
    private void change(QueueItem item, Function<QueueAdmin, QueueItem> change) {
        QueueAdmin current = admin;
        if (current == null) {
            problem.setText("The queue is not running; the item cannot be repaired now.");
            return;
        }
        save.setEnabled(false);
        PartJob.of("Repairing item " + item.id(), this, monitor -> {
            QueueItem edited;
            String outcome;
            try {
                edited = change.apply(current);
                outcome = "Saved: #" + edited.id() + " is " + edited.status().label() + ", sent under "
                        + (edited.idempotencyKey().equals(item.idempotencyKey())
                                ? "its idempotency key (an earlier attempt may have used it)."
                                : "a new idempotency key (the server refused the old one).");
            } catch (RuntimeException e) {
                edited = null;
                outcome = "Not repaired: " + e.getMessage();
            }
            QueueItem shown = edited;
            String said = outcome;
            ui.asyncExec(() -> {
                if (problem.isDisposed() || !stillSelected(item)) {
                    return;
                }
                if (shown != null) {
                    selected = shown;
                    show();
                } else {
                    check();
                }
                problem.setText(said);
                problem.requestLayout();
            });
        }).schedule();
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
