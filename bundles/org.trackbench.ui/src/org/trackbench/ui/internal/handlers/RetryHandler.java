package org.trackbench.ui.internal.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;

import jakarta.inject.Named;

/** Retry now: the selected items that are not sent become due at once. */
public final class RetryHandler {

    @CanExecute
    boolean canExecute(@Optional @Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection) {
        return selection != null && selection.stream().anyMatch(item -> item.status() != ItemStatus.SENT);
    }

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_SELECTION) List<QueueItem> selection, @Service QueueAdmin admin) {
        List<Long> ids = selection.stream().filter(item -> item.status() != ItemStatus.SENT).map(QueueItem::id).toList();
        QueueWork.run("Retrying " + ids.size() + " item(s)", () -> admin.retry(ids));
    }
}
