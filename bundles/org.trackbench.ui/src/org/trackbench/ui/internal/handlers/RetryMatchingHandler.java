package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.QueueAdmin;

import jakarta.inject.Named;

/** Retry all matching…: every item the Queue view's filters match, after a dry run and a confirmation. */
public final class RetryMatchingHandler extends BulkHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part, @Service QueueAdmin admin, Shell shell,
            UISynchronize ui) {
        run(BulkAction.retry(), part, admin, shell, ui);
    }
}
