package org.trackbench.ui.internal.lifecycle;

import java.util.Map;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueStore;

/**
 * Says, as the workbench is about to close, how many items have not reached the server yet and that they are kept:
 * a person who is about to log out, reinstall or change machines learns it before it matters.
 */
public final class UndeliveredWarning {

    private UndeliveredWarning() {
    }

    /** Whether to go on closing: at once when everything is delivered or the queue is not running. */
    public static boolean mayClose(Shell shell, QueueStore store) {
        if (store == null) {
            return true;
        }
        Map<ItemStatus, Long> counts;
        try {
            counts = store.countByStatus();
        } catch (RuntimeException e) {
            return true;
        }
        long failed = counts.get(ItemStatus.FAILED) + counts.get(ItemStatus.BLOCKED);
        long undelivered = ItemStatus.undelivered(counts);
        if (undelivered == 0) {
            return true;
        }
        return new MessageDialog(shell, "Items not delivered yet", null, message(undelivered, failed),
                MessageDialog.WARNING, 0, "Quit", "Stay").open() == 0;
    }

    static String message(long undelivered, long failed) {
        return undelivered + " item(s) have not reached the server yet" + (failed == 0 ? ""
                : ", " + failed + " of them failed or held behind a failure (the Queue view and the Dashboard repair them)")
                + ".\n\nThey are kept in the queue on this machine and are sent the next time Trackbench runs and reaches"
                + " the server. Moving to another machine? File > Export unsynced… carries them over.";
    }
}
