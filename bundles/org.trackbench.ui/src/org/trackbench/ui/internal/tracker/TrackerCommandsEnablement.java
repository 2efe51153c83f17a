package org.trackbench.ui.internal.tracker;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;
import org.trackbench.core.capture.TrackerEvents;

import jakarta.inject.Inject;

/**
 * An add-on: the toolbar's and the Tracker menu's Start, Pause, Resume and Stop follow the tracker's state, whoever
 * changed it (the Tracker view, the console, a restart). e4 asks handlers again only when told to.
 */
public final class TrackerCommandsEnablement {

    @Inject
    private IEventBroker broker;

    @Inject
    @Optional
    void trackerChanged(@UIEventTopic(TrackerEvents.TOPIC_STATE) Event event) {
        broker.send(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }
}
