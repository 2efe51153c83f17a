package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.dnd.Clipboard;
import org.eclipse.swt.dnd.TextTransfer;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.about.AboutDialog;
import org.trackbench.ui.internal.about.AboutFacts;

/** Help > About says which Trackbench this is, where this user's data lives, and every bundle, and copies it all. */
class AboutDialogTest {

    private final BundleContext context = FrameworkUtil.getBundle(AboutDialogTest.class).getBundleContext();

    @Test
    void itSaysTheVersionTheDataDirectoryAndEveryBundleAndCopiesThem() throws Exception {
        Bundle ui = Stream.of(context.getBundles()).filter(b -> "org.trackbench.ui".equals(b.getSymbolicName()))
                .findFirst().orElseThrow();
        String dataDirectory = Path.of(new URI(context.getProperty("osgi.instance.area"))).toString();
        AboutFacts facts = AboutFacts.ofRunningFramework();

        try (PartHarness harness = new PartHarness()) {
            AboutDialog dialog = new AboutDialog(harness.shell, facts);
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                String labels = texts(dialog.getShell());
                assertTrue(labels.contains("Trackbench " + ui.getVersion()), labels);
                assertTrue(labels.contains("Data directory: " + dataDirectory), labels);
                TableItem[] rows = dialog.bundles().getTable().getItems();
                assertEquals(context.getBundles().length, rows.length, "a row per installed bundle");
                assertTrue(Arrays.stream(rows).anyMatch(row -> row.getText(0).equals("org.trackbench.ui")
                        && row.getText(1).equals(ui.getVersion().toString()) && row.getText(2).equals("active")),
                        "the UI bundle, its version and state");

                Button copy = PartHarness.findIn(dialog.getShell(), Button.class,
                        button -> "Copy details".equals(button.getText()));
                copy.notifyListeners(SWT.Selection, null);

                Clipboard clipboard = new Clipboard(harness.display);
                try {
                    String copied = (String) clipboard.getContents(TextTransfer.getInstance());
                    assertTrue(copied.contains("Data directory: " + dataDirectory)
                            && copied.contains("org.trackbench.ui " + ui.getVersion() + " (active)"), copied);
                } finally {
                    clipboard.dispose();
                }
            } finally {
                dialog.close();
            }
        }
    }

    private static String texts(Composite parent) {
        StringBuilder all = new StringBuilder();
        for (Control child : parent.getChildren()) {
            if (child instanceof Label label) {
                all.append(label.getText()).append('\n');
            } else if (child instanceof Composite composite) {
                all.append(texts(composite));
            }
        }
        return all.toString();
    }
}
