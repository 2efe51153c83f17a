package org.trackbench.ui.internal.fleet;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.trackbench.core.fleet.FleetClient;
import org.trackbench.core.fleet.FleetService;
import org.trackbench.core.fleet.FleetUnavailableException;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.ui.internal.PartJob;
import org.trackbench.ui.internal.StatusPalette;
import org.trackbench.ui.internal.TextColumns;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The Fleet view: every client that reports to the server, most at risk first, those needing attention in red. It
 * reads the server's listing in the background while it is open, every {@link #REFRESH}; double-click shows a
 * client's full report.
 */
public final class FleetPart {

    static final Duration REFRESH = Duration.ofSeconds(30);

    @Inject
    private UISynchronize ui;

    private final Clock clock = Clock.systemUTC();
    private volatile FleetService fleet;
    private volatile boolean open = true;
    private Label message;
    private TableViewer viewer;
    private Color attention;
    private final Job read = PartJob.system("Reading the fleet", this, monitor -> refresh());

    @PostConstruct
    void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        attention = new LocalResourceManager(JFaceResources.getResources(), parent)
                .create(ColorDescriptor.createFrom(StatusPalette.swt(ItemStatus.FAILED)));
        message = new Label(parent, SWT.WRAP);
        message.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER);
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        // Why a client needs attention comes right after who it is: it is what an admin reads first.
        Function<FleetClient, Color> red = client -> client.attention(now()).isPresent() ? attention : null;
        TextColumns.of(viewer, FleetClient.class)
                .add("Client", 80, SWT.LEFT, client -> client.health().clientId().substring(0,
                        Math.min(8, client.health().clientId().length())), red)
                .add("User", 140, SWT.LEFT, client -> client.health().osUser() + "@" + client.health().hostName(), red)
                .add("Attention", 300, SWT.LEFT, client -> client.attention(now()).orElse(""), red)
                .add("Last seen", 80, SWT.RIGHT, client -> FleetClient.age(Duration.between(client.lastSeenAt(), now()))
                        + " ago", red)
                .add("Unsent", 60, SWT.RIGHT, client -> Long.toString(client.health().unsent()), red)
                .add("Oldest", 80, SWT.RIGHT, client -> client.unsentAge(now()).map(FleetClient::age).orElse("-"), red)
                .add("Failed", 55, SWT.RIGHT, client -> Long.toString(client.health().failed()), red)
                .add("Clock", 110, SWT.RIGHT, client -> FleetClient.offset(client.health().clockOffset()), red)
                .add("Version", 130, SWT.LEFT, client -> client.health().productVersion(), red);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        viewer.addDoubleClickListener(event -> {
            Object chosen = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (chosen instanceof FleetClient client) {
                new FleetReportDialog(parent.getShell(), client, now()).open();
            }
        });
        read.schedule();
    }

    /** Closed: the read under way is cancelled and none is scheduled again. */
    @PreDestroy
    void close() {
        open = false;
        Job.getJobManager().cancel(this);
    }

    @Inject
    void setFleet(@Optional @Service FleetService newFleet) {
        fleet = newFleet;
        read.schedule();
    }

    private Instant now() {
        return clock.instant();
    }

    private void refresh() {
        FleetService current = fleet;
        List<FleetClient> clients = List.of();
        String problem = null;
        if (current == null) {
            problem = "The fleet is read by the sync, which is not running.";
        } else {
            try {
                clients = current.clients();
            } catch (FleetUnavailableException e) {
                problem = e.getMessage();
            }
        }
        show(clients, problem);
        if (open) {
            read.schedule(REFRESH.toMillis());
        }
    }

    private void show(List<FleetClient> clients, String problem) {
        Instant now = now();
        long needing = clients.stream().filter(client -> client.attention(now).isPresent()).count();
        ui.asyncExec(() -> {
            if (viewer.getTable().isDisposed()) {
                return;
            }
            viewer.setInput(clients);
            message.setText(problem != null ? problem : clients.size() + " client(s); " + needing
                    + " need attention. Refreshed every " + REFRESH.toSeconds() + " s; double-click for a full report.");
            message.getParent().layout();
        });
    }

}
