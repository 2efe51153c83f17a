package org.trackbench.ui.internal.handlers;

import java.time.Duration;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.trackbench.core.queue.QueueStore;

/** Purge sent: removes the rows of items the server has already applied; nothing unsent is touched. */
public final class PurgeSentHandler {

    @Execute
    void execute(@Service QueueStore store) {
        QueueWork.run("Purging sent items", () -> store.purgeSent(Duration.ZERO));
    }
}
