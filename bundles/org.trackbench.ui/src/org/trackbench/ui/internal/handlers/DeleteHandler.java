package org.trackbench.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.QueueItem;

import jakarta.inject.Named;

/** Delete, after the admin confirms: the selected items leave the queue and will never be sent. */
public final class DeleteHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection) {
        return selection != null && !selection.isEmpty();
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection, @Service QueueAdmin admin,
            Shell shell) {
        List<Long> ids = selection.stream().map(QueueItem::id).toList();
        if (MessageDialog.openConfirm(shell, "Delete queued items", "Delete " + ids.size() + " item(s)? Items not yet"
                + " sent will never reach the server. This cannot be undone.")) {
            QueueWork.run("Deleting " + ids.size() + " item(s)", () -> admin.delete(ids));
        }
    }
}
