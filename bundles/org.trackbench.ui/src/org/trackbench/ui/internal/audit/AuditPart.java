package org.trackbench.ui.internal.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.Text;
import org.osgi.service.event.Event;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.TextColumns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Audit view: who did what to the queue, the settings and the sign-in, newest first, filtered by action and by
 * text. It reads the trail in the background and again whenever an entry is recorded.
 */
public final class AuditPart {

    /** The newest entries shown; the console's {@code trackbench:audit} reaches further back. */
    static final int SHOWN = 1_000;
    private static final String ALL_ACTIONS = "all actions";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Inject
    private UISynchronize ui;

    private volatile AuditTrail trail;
    private volatile AuditQuery query = AuditQuery.latest(SHOWN);
    private Combo action;
    private Text search;
    private Label message;
    private TableViewer viewer;
    private final Job read = PartJob.system("Reading the audit trail", this, monitor -> show(readTrail()));

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        action = new Combo(parent, SWT.READ_ONLY);
        action.add(ALL_ACTIONS);
        for (AdminAction each : AdminAction.values()) {
            action.add(each.label());
        }
        action.select(0);
        search = new Text(parent, SWT.SEARCH | SWT.ICON_SEARCH | SWT.ICON_CANCEL);
        search.setMessage("user, origin or detail contains…");
        search.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        message = new Label(parent, SWT.NONE);
        message.setLayoutData(new GridData(SWT.END, SWT.CENTER, false, false));
        viewer = new TableViewer(parent, SWT.MULTI | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        TextColumns.of(viewer, AuditEntry.class)
                .add("When", 150, SWT.LEFT, entry -> TIME.format(entry.at()))
                .add("User", 90, SWT.LEFT, AuditEntry::user)
                .add("From", 110, SWT.LEFT, AuditEntry::origin)
                .add("Action", 90, SWT.LEFT, entry -> entry.action().label())
                .add("Items", 60, SWT.RIGHT, entry -> Long.toString(entry.items()))
                .add("Detail", 520, SWT.LEFT, AuditEntry::detail);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        action.addListener(SWT.Selection, event -> applyFilter());
        search.addListener(SWT.DefaultSelection, event -> applyFilter());
        read.schedule();
    }

    /** Closed: a read under way is cancelled. */
    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
    }

    /** The trail, again whenever the queue that keeps it restarts; {@code null} while it is down. */
    @Inject
    void setTrail(@Optional @Service AuditTrail newTrail) {
        trail = newTrail;
        read.schedule();
    }

    @Inject
    @Optional
    void recorded(@UIEventTopic(AuditTrail.TOPIC_RECORDED) Event event) {
        read.schedule();
    }

    private void applyFilter() {
        String chosen = action.getText();
        query = AuditQuery.latest(SHOWN).withText(search.getText())
                .withActions(chosen.equals(ALL_ACTIONS) ? Set.of() : Set.of(AdminAction.parse(chosen)));
        read.schedule();
    }

    private List<AuditEntry> readTrail() {
        AuditTrail current = trail;
        return current == null ? null : current.entries(query);
    }

    private void show(List<AuditEntry> entries) {
        ui.asyncExec(() -> {
            if (viewer == null || viewer.getTable().isDisposed()) {
                return;
            }
            viewer.setInput(entries == null ? List.of() : entries);
            message.setText(entries == null ? "The audit trail is kept in the queue, which is not running."
                    : entries.size() == SHOWN ? "the newest " + SHOWN + " entries" : entries.size() + " entries");
            message.getParent().layout(new Control[] { message });
        });
    }

}
