package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.ui.internal.lifecycle.UndeliveredWarning;

/**
 * Quit: closes the workbench, after saying how many items are not delivered yet, if any; the framework then stops
 * the sync and shuts the queue down in order.
 */
public final class QuitHandler {

    @Execute
    void execute(IWorkbench workbench, Shell shell, @Optional @Service QueueStore store) {
        if (UndeliveredWarning.mayClose(shell, store)) {
            workbench.close();
        }
    }
}
