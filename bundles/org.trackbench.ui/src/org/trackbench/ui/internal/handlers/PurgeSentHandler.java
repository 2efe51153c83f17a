package org.trackbench.ui.internal.handlers;

import java.time.Duration;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.trackbench.core.admin.QueueAdmin;

/** Purge sent: removes the rows of items the server has already applied; nothing unsent is touched. */
public final class PurgeSentHandler {

    @Execute
    void execute(@Service QueueAdmin admin) {
        QueueWork.run("Purging sent items", () -> admin.purgeSent(Duration.ZERO));
    }
}
