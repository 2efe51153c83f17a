package org.trackbench.ui.internal.details;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.trackbench.core.queue.QueueItem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Item details: the item selected in the Queue view, its attempts and last error, and its payload as formatted JSON. */
public final class ItemDetailsPart {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Label summary;
    private Text payload;

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        summary = new Label(parent, SWT.WRAP);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        summary.setText("Select an item in the Queue view.");
        payload = new Text(parent, SWT.MULTI | SWT.READ_ONLY | SWT.V_SCROLL | SWT.H_SCROLL | SWT.BORDER);
        payload.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    @Inject
    void selectionChanged(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection) {
        if (summary == null || summary.isDisposed() || selection == null || selection.isEmpty()) {
            return;
        }
        QueueItem item = selection.get(0);
        summary.setText(String.format("#%d %s, %s, %d attempt(s)%s%s", item.id(), item.entityType(),
                item.status().label(), item.attempts(), item.lastError() == null ? "" : "\nLast error: " + item.lastError(),
                item.blobSize() == 0 ? "" : "\nBlob: " + item.blobSize() + " bytes, " + item.blobContentType()));
        payload.setText(formatted(item.payload()));
        summary.requestLayout();
    }

    private static String formatted(String json) {
        try {
            return JSON.writeValueAsString(JSON.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }
}
