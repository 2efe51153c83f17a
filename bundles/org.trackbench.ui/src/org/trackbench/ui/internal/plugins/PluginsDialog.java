package org.trackbench.ui.internal.plugins;

import java.net.URI;
import java.util.List;
import java.util.function.Function;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.plugins.Plugin;
import org.trackbench.core.plugins.ProvisioningException;
import org.trackbench.core.plugins.PluginInstaller;

/**
 * Help > Plug-ins…: the plug-ins installed here (uninstall one), and the features a p2 repository offers (install
 * one). p2 runs in a job; the dialog says what it is doing and, when it fails, p2's reason. Items of a plug-in's
 * types wait in the queue while it is not installed.
 */
public final class PluginsDialog extends Dialog {

    private static final Logger LOG = LoggerFactory.getLogger(PluginsDialog.class);

    private final PluginInstaller installer;
    private TableViewer installed;
    private TableViewer available;
    private Text repository;
    private Label status;
    private List<Button> actions;
    private Button uninstall;
    private Button install;
    /** A p2 step is running: the actions stay disabled whatever is selected. */
    private boolean busy;

    public PluginsDialog(Shell parent, PluginInstaller installer) {
        super(parent);
        this.installer = installer;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Plug-ins");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().numColumns(3).margins(12, 12).spacing(8, 6).applyTo(area);

        heading(area, "Installed plug-ins (they stay installed across restarts)");
        installed = table(area);
        uninstall = button(area, "Uninstall", this::uninstallSelected);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).span(3, 1).applyTo(uninstall);

        heading(area, "Install from a p2 repository: a folder or an http(s) URL");
        repository = new Text(area, SWT.BORDER | SWT.SINGLE);
        repository.setMessage("/path/to/repository or https://…");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(repository);
        Button browse = button(area, "Folder…", this::chooseFolder);
        Button show = button(area, "Show features", this::showAvailable);
        available = table(area);
        install = button(area, "Install", this::installSelected);
        GridDataFactory.swtDefaults().align(SWT.END, SWT.BEGINNING).span(3, 1).applyTo(install);

        status = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).span(3, 1).hint(640, SWT.DEFAULT).applyTo(status);
        actions = List.of(uninstall, browse, show, install);
        installed.addSelectionChangedListener(event -> enable(!busy));
        available.addSelectionChangedListener(event -> enable(!busy));
        repository.addModifyListener(event -> available.setInput(List.of()));
        run("Reading the installed plug-ins…", () -> {
            List<Plugin> now = installer.installed();
            return () -> {
                installed.setInput(now);
                say(now.isEmpty() ? "No plug-ins installed." : now.size() + " plug-in(s) installed.");
            };
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** What the dialog last said: progress, the outcome, or why p2 refused. For tests, too. */
    public String status() {
        return status.getText();
    }

    /** The features the repository offers, for tests. */
    public TableViewer available() {
        return available;
    }

    /** The repository field, for tests. */
    public Text repository() {
        return repository;
    }

    /** Lists what the repository field's repository offers, as the "Show features" button does. */
    public void showAvailable() {
        URI uri;
        try {
            uri = PluginInstaller.repository(repository.getText());
        } catch (IllegalArgumentException e) {
            say(e.getMessage());
            return;
        }
        run("Reading " + uri + "…", () -> {
            List<Plugin> offered = installer.available(uri);
            return () -> {
                available.setInput(offered);
                say(offered.isEmpty() ? uri + " offers no feature that is not installed here."
                        : uri + " offers " + offered.size() + " feature(s) not installed here.");
            };
        });
    }

    private void installSelected() {
        Plugin chosen = selected(available);
        URI uri = PluginInstaller.repository(repository.getText());
        run("Installing " + chosen + " from " + uri + "…", () -> {
            Plugin done = installer.install(uri, chosen.id());
            List<Plugin> now = installer.installed();
            return () -> {
                installed.setInput(now);
                available.remove(chosen);
                say("Installed " + done + ". Items of its types that were waiting are sent now.");
            };
        });
    }

    private void uninstallSelected() {
        Plugin chosen = selected(installed);
        run("Uninstalling " + chosen + "…", () -> {
            Plugin done = installer.uninstall(chosen.id());
            List<Plugin> now = installer.installed();
            return () -> {
                installed.setInput(now);
                say("Uninstalled " + done + ". Items of its types stay queued and wait until a plug-in handles"
                        + " them again.");
            };
        });
    }

    private void chooseFolder() {
        DirectoryDialog chooser = new DirectoryDialog(getShell());
        chooser.setText("A p2 repository folder");
        String folder = chooser.open();
        if (folder != null) {
            repository.setText(folder);
        }
    }

    /** Runs a p2 step in a job, the dialog's actions disabled meanwhile, then shows its outcome. */
    private void run(String doing, P2Step step) {
        say(doing);
        enable(false);
        Job.create(doing, monitor -> {
            Runnable outcome;
            try {
                outcome = step.run();
            } catch (ProvisioningException e) {
                outcome = () -> say(e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("A p2 step of the Plug-ins dialog failed: {}", doing, e);
                outcome = () -> say("p2 failed unexpectedly: " + e + " (trackbench.log has the details)");
            }
            Runnable show = outcome;
            if (!status.isDisposed()) {
                status.getDisplay().asyncExec(() -> {
                    if (!status.isDisposed()) {
                        show.run();
                        enable(true);
                    }
                });
            }
            return Status.OK_STATUS;
        }).schedule();
    }

    private void enable(boolean idle) {
        busy = !idle;
        actions.forEach(button -> button.setEnabled(idle));
        uninstall.setEnabled(idle && !installed.getSelection().isEmpty());
        install.setEnabled(idle && !available.getSelection().isEmpty());
    }

    private void say(String text) {
        status.setText(text);
        status.getParent().layout(true);
    }

    private static Plugin selected(TableViewer table) {
        return (Plugin) ((IStructuredSelection) table.getSelection()).getFirstElement();
    }

    private static void heading(Composite parent, String text) {
        Label label = new Label(parent, SWT.NONE);
        label.setText(text);
        GridDataFactory.fillDefaults().span(3, 1).applyTo(label);
    }

    private static Button button(Composite parent, String text, Runnable action) {
        Button button = new Button(parent, SWT.PUSH);
        button.setText(text);
        button.addListener(SWT.Selection, event -> action.run());
        return button;
    }

    private static TableViewer table(Composite parent) {
        TableViewer table = new TableViewer(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE | SWT.V_SCROLL);
        table.getTable().setHeaderVisible(true);
        column(table, "Feature", 260, Plugin::id);
        column(table, "Version", 150, Plugin::version);
        column(table, "Name", 220, Plugin::name);
        table.setContentProvider(ArrayContentProvider.getInstance());
        table.setInput(List.of());
        GridDataFactory.fillDefaults().grab(true, true).span(3, 1).hint(640, 110).applyTo(table.getControl());
        return table;
    }

    private static void column(TableViewer table, String title, int width, Function<Plugin, String> text) {
        TableViewerColumn column = new TableViewerColumn(table, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((Plugin) element);
            }
        });
    }

    /** A p2 call off the UI thread; what it returns shows its result on the UI thread. */
    @FunctionalInterface
    private interface P2Step {
        Runnable run() throws ProvisioningException;
    }
}
