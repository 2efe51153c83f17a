package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.eclipse.swt.widgets.Button;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.core.plugins.PluginInstaller;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.plugins.PluginsDialog;

/**
 * Help > Plug-ins… with the plug-in installer the registry holds (p2 itself): a repository it cannot read or a
 * location it does not accept is named with the reason, nothing is listed, and the dialog can be used again. The
 * install itself, which needs an installed product's p2 profile, is the headless product's system test.
 */
class PluginsDialogTest {

    @TempDir
    Path folder;

    @Test
    void aRepositoryThatCannotBeReadOrALocationNotAcceptedIsNamedAndNothingIsListed() {
        try (PartHarness harness = new PartHarness()) {
            PluginInstaller installer = harness.context.get(PluginInstaller.class);
            assertNotNull(installer, "the plug-in installer is a service");
            PluginsDialog dialog = new PluginsDialog(harness.shell, installer);
            dialog.setBlockOnOpen(false);
            dialog.open();
            try {
                harness.until("the dialog has read the installed plug-ins (none: a test runtime has no p2 profile)",
                        () -> dialog.status().equals("No plug-ins installed."), dialog::status);
                Path missing = folder.resolve("no-such-site");
                dialog.repository().setText(missing.toString());
                dialog.showAvailable();
                harness.until("the dialog says why the repository cannot be read",
                        () -> dialog.status().startsWith("cannot read"), dialog::status);
                assertTrue(dialog.status().contains("cannot read p2 repository " + missing.toUri()), dialog.status());
                assertEquals(0, dialog.available().getTable().getItemCount());
                assertTrue(button(dialog, "Show features").isEnabled(), "the dialog is usable again");
                assertFalse(button(dialog, "Install").isEnabled(), "nothing to install is chosen");

                dialog.repository().setText("ftp://example.org/site");
                dialog.showAvailable();
                assertTrue(dialog.status().contains("'ftp://example.org/site' is neither a folder nor an http, https"
                        + " or file URL"), dialog.status());
            } finally {
                dialog.close();
            }
        }
    }

    private static Button button(PluginsDialog dialog, String text) {
        Button button = PartHarness.findIn(dialog.getShell(), Button.class, candidate -> text.equals(candidate.getText()));
        assertNotNull(button, "a button '" + text + "'");
        return button;
    }
}
