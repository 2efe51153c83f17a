package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.ui.internal.queue.QueuePart;

import jakarta.inject.Named;

/** What the three "… all matching" handlers share: the Queue view's filters, a dry run and a confirmation. */
abstract class BulkHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_PART) MPart part) {
        return part != null && part.getObject() instanceof QueuePart queue && queue.matching() != null;
    }

    /** Runs {@code action} over what the Queue view in {@code part} matches, after a dry run and a yes. */
    static void run(BulkAction action, MPart part, QueueAdmin admin, Shell shell, UISynchronize ui) {
        QueuePart queue = (QueuePart) part.getObject();
        BulkRun.start(action, queue.matching(), admin, ui,
                question -> MessageDialog.openConfirm(shell, "Confirm: " + action.describe(), question),
                message -> MessageDialog.openInformation(shell, action.describe(), message));
    }
}
