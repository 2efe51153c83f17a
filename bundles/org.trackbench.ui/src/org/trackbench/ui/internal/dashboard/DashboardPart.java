package org.trackbench.ui.internal.dashboard;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.TableEditor;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.ClusteredXYBarRenderer;
import org.jfree.data.time.Minute;
import org.jfree.data.time.Second;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;
import org.osgi.service.event.Event;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.FailureGroup;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueEvents;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.StatusPalette;
import org.trackbench.ui.internal.handlers.QueueWork;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The dashboard: the queue's depth by status and the items sent and failed per minute as charts (JFreeChart), over
 * the last hours since the workbench started; and the failed items grouped by error message, each group one click
 * from being retried or deleted. Counts are read in a background job every {@value #SAMPLE_MILLIS} ms and, at most
 * once a second, after the queue changed.
 */
public final class DashboardPart {

    private static final int SAMPLE_MILLIS = 10_000;
    private static final String NO_MESSAGE = "(no message)";
    private static final long CHANGE_DELAY_MILLIS = 1_000;
    private static final int HISTORY_SECONDS = 6 * 3600;
    private static final int HISTORY_MINUTES = 6 * 60;
    private static final List<ItemStatus> DEPTH = List.of(ItemStatus.PENDING, ItemStatus.IN_FLIGHT, ItemStatus.BLOCKED,
            ItemStatus.FAILED);

    @Inject
    private UISynchronize ui;

    private volatile QueueStore store;
    /** The workbench's own instance: what is done through it is recorded as done in the workbench. */
    @Inject
    @Optional
    @Service
    private QueueAdmin admin;
    private final TimeSeriesCollection depth = new TimeSeriesCollection();
    private final TimeSeries sentPerMinute = new TimeSeries("sent");
    private final TimeSeries failedPerMinute = new TimeSeries("failed");
    private ChartCanvas depthChart;
    private ChartCanvas throughputChart;
    private Table failures;
    private final Job sample = PartJob.system("Reading the queue for the dashboard", this, monitor -> {
        QueueStore current = store;
        if (current != null) {
            Map<ItemStatus, Long> counts = current.countByStatus();
            List<FailureGroup> groups = current.failureGroups();
            ui.asyncExec(() -> show(counts, groups));
        }
    });

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new FillLayout());
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        Composite charts = new Composite(sash, SWT.NONE);
        charts.setLayout(new GridLayout(2, true));
        for (ItemStatus status : DEPTH) {
            TimeSeries series = new TimeSeries(status.label());
            series.setMaximumItemAge(HISTORY_SECONDS);
            depth.addSeries(series);
        }
        sentPerMinute.setMaximumItemAge(HISTORY_MINUTES);
        failedPerMinute.setMaximumItemAge(HISTORY_MINUTES);
        TimeSeriesCollection throughput = new TimeSeriesCollection();
        throughput.addSeries(sentPerMinute);
        throughput.addSeries(failedPerMinute);
        depthChart = chart(charts, FlatChartTheme.apply(
                ChartFactory.createTimeSeriesChart("Queue by status", null, "items", depth, true, false, false),
                DEPTH.stream().map(StatusPalette::awt).toArray(Color[]::new)));
        // Bars side by side: a minute is a bucket, and a single minute must show too.
        JFreeChart perMinute = ChartFactory.createXYBarChart("Sent and failed per minute", null, true, "items", throughput);
        ((XYPlot) perMinute.getPlot()).setRenderer(new ClusteredXYBarRenderer());
        throughputChart = chart(charts, FlatChartTheme.apply(perMinute, StatusPalette.awt(ItemStatus.SENT),
                StatusPalette.awt(ItemStatus.FAILED)));

        Composite groups = new Composite(sash, SWT.NONE);
        groups.setLayout(new GridLayout(1, false));
        new Label(groups, SWT.NONE).setText("Failed items by error message");
        failures = new Table(groups, SWT.BORDER | SWT.FULL_SELECTION);
        failures.setHeaderVisible(true);
        failures.setLinesVisible(true);
        failures.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        column("items", 60, SWT.RIGHT);
        column("error message", 520, SWT.LEFT);
        column("", 90, SWT.CENTER);
        column("", 90, SWT.CENTER);
        sash.setWeights(55, 45);
        tick();
    }

    /** Closed: a sample under way is cancelled. */
    @PreDestroy
    void close() {
        Job.getJobManager().cancel(this);
    }

    /** The queue store, again whenever it restarts; {@code null} while it is down. */
    @Inject
    void setStore(@Optional @Service QueueStore newStore) {
        store = newStore;
        sample.schedule();
    }

    @Inject
    @Optional
    void queueChanged(@UIEventTopic(QueueEvents.TOPIC_CHANGED) Event event) {
        Object status = event.getProperty(QueueEvents.STATUS);
        int count = event.getProperty(QueueEvents.ITEM_IDS) instanceof long[] ids ? ids.length : 0;
        if (ItemStatus.SENT.label().equals(status)) {
            add(sentPerMinute, count);
        } else if (ItemStatus.FAILED.label().equals(status)) {
            add(failedPerMinute, count);
        }
        sample.schedule(CHANGE_DELAY_MILLIS);
    }

    @Inject
    @Optional
    void queueGrew(@UIEventTopic(QueueEvents.TOPIC_ENQUEUED) Event event) {
        sample.schedule(CHANGE_DELAY_MILLIS);
    }

    private void add(TimeSeries series, int count) {
        Minute now = new Minute();
        Number before = series.getValue(now);
        series.addOrUpdate(now, (before == null ? 0 : before.intValue()) + count);
        if (throughputChart != null) {
            throughputChart.chartChanged();
        }
    }

    private void tick() {
        if (failures == null || failures.isDisposed()) {
            return;
        }
        sample.schedule();
        failures.getDisplay().timerExec(SAMPLE_MILLIS, this::tick);
    }

    private void show(Map<ItemStatus, Long> counts, List<FailureGroup> groups) {
        if (failures == null || failures.isDisposed()) {
            return;
        }
        Second now = new Second();
        for (int i = 0; i < DEPTH.size(); i++) {
            depth.getSeries(i).addOrUpdate(now, counts.get(DEPTH.get(i)));
        }
        depthChart.chartChanged();
        showGroups(groups);
    }

    private void showGroups(List<FailureGroup> groups) {
        for (Control editor : failures.getChildren()) {
            editor.dispose();
        }
        failures.removeAll();
        for (FailureGroup group : groups) {
            String reason = group.error().orElse(NO_MESSAGE);
            TableItem row = new TableItem(failures, SWT.NONE);
            row.setText(new String[] { Long.toString(group.items()), reason });
            button(row, 2, "Retry", () -> QueueWork.run("Retrying the items that failed with \"" + reason + "\"",
                    () -> admin.retryFailed(group.reason())));
            button(row, 3, "Delete…", () -> {
                if (MessageDialog.openConfirm(failures.getShell(), "Delete failed items", "Delete the "
                        + group.items() + " item(s) that failed with \"" + reason + "\" (and any that fail with it"
                        + " meanwhile)? They will never reach the server. This cannot be undone.")) {
                    QueueWork.run("Deleting the items that failed with \"" + reason + "\"",
                            () -> admin.deleteFailed(group.reason()));
                }
            });
        }
    }

    private void button(TableItem row, int column, String label, Runnable action) {
        TableEditor editor = new TableEditor(failures);
        Button button = new Button(failures, SWT.PUSH);
        button.setText(label);
        button.addListener(SWT.Selection, event -> action.run());
        editor.grabHorizontal = true;
        editor.setEditor(button, row, column);
    }

    private void column(String title, int width, int alignment) {
        TableColumn column = new TableColumn(failures, alignment);
        column.setText(title);
        column.setWidth(width);
    }

    private static ChartCanvas chart(Composite parent, JFreeChart chart) {
        ChartCanvas canvas = new ChartCanvas(parent, chart);
        canvas.control().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        return canvas;
    }
}
