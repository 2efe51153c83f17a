package org.trackbench.ui.internal.about;

import java.util.function.Function;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.dnd.Transfer;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/** Help > About: Trackbench's version, the user's data directory, the Java runtime and the bundles, to copy. */
public final class AboutDialog extends Dialog {

    private static final int COPY_ID = IDialogConstants.CLIENT_ID + 1;

    private final AboutFacts facts;
    private Image logo;
    private TableViewer bundles;

    public AboutDialog(Shell parent, AboutFacts facts) {
        super(parent);
        this.facts = facts;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("About Trackbench");
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(12, 12).spacing(12, 6).applyTo(area);
        logo = ImageDescriptor.createFromURL(AboutDialog.class.getResource("/icons/trackbench48.png")).createImage();
        Label image = new Label(area, SWT.NONE);
        image.setImage(logo);
        GridDataFactory.swtDefaults().align(SWT.BEGINNING, SWT.BEGINNING).span(1, 4).applyTo(image);
        label(area, "Trackbench " + facts.version()).setFont(JFaceResources.getHeaderFont());
        label(area, "An offline-first time tracker: every record is committed to the local queue first.");
        label(area, "Data directory: " + facts.dataDirectory());
        label(area, "Java: " + facts.java());
        bundles = new TableViewer(area, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        bundles.getTable().setHeaderVisible(true);
        column("Bundle", 300, row -> ((AboutFacts.BundleRow) row).symbolicName());
        column("Version", 200, row -> ((AboutFacts.BundleRow) row).version());
        column("State", 120, row -> ((AboutFacts.BundleRow) row).state());
        bundles.setContentProvider(ArrayContentProvider.getInstance());
        bundles.setInput(facts.bundles());
        GridDataFactory.fillDefaults().grab(true, true).span(2, 1).hint(640, 300).applyTo(bundles.getControl());
        area.addDisposeListener(event -> logo.dispose());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, COPY_ID, "Copy details", false);
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.OK_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == COPY_ID) {
            Clipboard clipboard = new Clipboard(getShell().getDisplay());
            try {
                clipboard.setContents(new Object[] { facts.asText() }, new Transfer[] { TextTransfer.getInstance() });
            } finally {
                clipboard.dispose();
            }
            return;
        }
        super.buttonPressed(buttonId);
    }

    /** The bundles table, for tests. */
    public TableViewer bundles() {
        return bundles;
    }

    private static Label label(Composite parent, String text) {
        Label label = new Label(parent, SWT.WRAP);
        label.setText(text);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(label);
        return label;
    }

    private void column(String title, int width, Function<Object, String> text) {
        TableViewerColumn column = new TableViewerColumn(bundles, SWT.LEFT);
        column.getColumn().setText(title);
        column.getColumn().setWidth(width);
        column.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply(element);
            }
        });
    }
}
