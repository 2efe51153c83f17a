package org.trackbench.ui.internal.lifecycle;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.IWindowCloseHandler;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;
import org.trackbench.core.queue.QueueStore;

import jakarta.inject.Inject;

/** An add-on: closing a workbench window with items not delivered yet asks first, saying they are kept. */
public final class UndeliveredOnClose {

    @Inject
    @Optional
    @Service
    private QueueStore store;

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application) {
        for (MWindow window : application.getChildren()) {
            window.getContext().set(IWindowCloseHandler.class,
                    closing -> UndeliveredWarning.mayClose((Shell) closing.getWidget(), store));
        }
    }
}
