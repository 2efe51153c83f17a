package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.trackbench.core.admin.QueueAdmin;

/** Retry all failed: every failed item, and the items blocked behind them, become due at once. */
public final class RetryAllFailedHandler {

    @Execute
    void execute(@Service QueueAdmin admin) {
        QueueWork.run("Retrying all failed items", admin::retryAllFailed);
    }
}
