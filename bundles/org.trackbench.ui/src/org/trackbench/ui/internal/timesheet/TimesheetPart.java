package org.trackbench.ui.internal.timesheet;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.ledger.DayReconciliation;
import org.trackbench.core.ledger.EntryDifference;
import org.trackbench.core.ledger.Reconciliation;
import org.trackbench.core.ledger.ReconciliationUnavailableException;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.TextColumns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Timesheet view: per day, the time tracked here against the time the server confirms and the time still queued,
 * and below every entry the two see differently; one button queues what the server lacks again from the ledger.
 */
public final class TimesheetPart {

    static final int DEFAULT_DAYS = 7;

    @Inject
    private UISynchronize ui;

    @Inject
    private Shell shell;

    private volatile Reconciliation reconciliation;
    private volatile QueueAdmin admin;
    private volatile int days = DEFAULT_DAYS;
    private volatile List<UUID> missing = List.of();
    private Label message;
    private Button requeue;
    private TableViewer dayViewer;
    private TableViewer differenceViewer;
    private final Job read = PartJob.system("Reconciling the timesheet", this, monitor -> refresh());

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(5, false));
        new Label(parent, SWT.NONE).setText("Days");
        Spinner span = new Spinner(parent, SWT.BORDER);
        span.setValues(DEFAULT_DAYS, 1, 366, 0, 1, 7);
        span.addListener(SWT.Selection, event -> {
            days = span.getSelection();
            read.schedule(300);
        });
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, event -> read.schedule());
        requeue = new Button(parent, SWT.PUSH);
        requeue.setText("Re-queue what the server lacks");
        requeue.setEnabled(false);
        requeue.addListener(SWT.Selection, event -> requeueMissing());
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        dayViewer = table(parent, 40);
        TextColumns.of(dayViewer, DayReconciliation.class)
                .add("Day", 110, SWT.LEFT, day -> day.day().toString())
                .add("Tracked", 90, SWT.LEFT, day -> clock(day.tracked()))
                .add("Confirmed", 90, SWT.LEFT, day -> clock(day.confirmed()))
                .add("Queued", 90, SWT.LEFT, day -> clock(day.queued()))
                .add("Differences", 90, SWT.LEFT, day -> Integer.toString(day.differences().size()))
                .add("", 80, SWT.LEFT, day -> day.proven() ? "proven" : "");
        differenceViewer = table(parent, 60);
        TextColumns.of(differenceViewer, EntryDifference.class)
                .add("Entry", 100, SWT.LEFT, difference -> difference.entryId().toString().substring(0, 8))
                .add("Difference", 150, SWT.LEFT, difference -> difference.kind().label())
                .add("Tracked", 80, SWT.LEFT, difference -> clock(difference.tracked()))
                .add("Confirmed", 80, SWT.LEFT, difference -> clock(difference.confirmed()))
                .add("Description", 180, SWT.LEFT, difference -> difference.description() == null ? ""
                        : difference.description())
                .add("Detail", 420, SWT.LEFT, EntryDifference::detail);
        read.schedule();
    }

    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
    }

    @Inject
    void setReconciliation(@Optional @Service Reconciliation newReconciliation) {
        reconciliation = newReconciliation;
        read.schedule();
    }

    @Inject
    void setAdmin(@Optional @Service QueueAdmin newAdmin) {
        admin = newAdmin;
    }

    private void refresh() {
        Reconciliation current = reconciliation;
        if (current == null) {
            show(List.of(), "The timesheet is reconciled by the sync, which is not running.");
            return;
        }
        LocalDate today = LocalDate.now();
        try {
            show(current.reconcile(today.minusDays(days - 1L), today, ZoneId.systemDefault()), null);
        } catch (ReconciliationUnavailableException e) {
            show(List.of(), e.getMessage());
        }
    }

    private void show(List<DayReconciliation> report, String problem) {
        List<EntryDifference> differences = report.stream().flatMap(day -> day.differences().stream()).toList();
        missing = differences.stream().filter(difference -> difference.kind() == EntryDifference.Kind.MISSING_ON_SERVER)
                .map(EntryDifference::entryId).toList();
        long proven = report.stream().filter(DayReconciliation::proven).count();
        ui.asyncExec(() -> {
            if (dayViewer.getTable().isDisposed()) {
                return;
            }
            dayViewer.setInput(report);
            differenceViewer.setInput(differences);
            requeue.setEnabled(!missing.isEmpty());
            requeue.setText(missing.isEmpty() ? "Re-queue what the server lacks"
                    : "Re-queue " + missing.size() + " entr" + (missing.size() == 1 ? "y" : "ies") + " the server lacks");
            message.setText(problem != null ? problem : proven + " of " + report.size() + " day(s) proven delivered; "
                    + differences.size() + " entr(ies) differ.");
            message.getParent().layout(true);
        });
    }

    private void requeueMissing() {
        List<UUID> entries = missing;
        QueueAdmin current = admin;
        if (entries.isEmpty() || current == null || !MessageDialog.openConfirm(shell, "Re-queue from the ledger",
                "Queue the events of " + entries.size() + " time entr" + (entries.size() == 1 ? "y" : "ies")
                        + " the server does not hold again, under new keys? This is recorded in the audit trail.")) {
            return;
        }
        try {
            int queued = current.requeue(entries);
            message.setText("Re-queued " + queued + " event(s); refresh once the sync has delivered them.");
        } catch (IllegalArgumentException e) {
            MessageDialog.openError(shell, "Nothing was re-queued", e.getMessage());
        }
        read.schedule();
    }

    private static TableViewer table(Composite parent, int heightPercent) {
        TableViewer viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, true, 5, 1);
        layout.heightHint = heightPercent * 4;
        table.setLayoutData(layout);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        return viewer;
    }

    /** {@code 1:02:03}, as the Tracker view shows time worked. */
    private static String clock(Duration duration) {
        return String.format("%d:%02d:%02d", duration.toHours(), duration.toMinutesPart(), duration.toSecondsPart());
    }
}
