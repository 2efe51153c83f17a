package org.trackbench.ui.internal.lifecycle;

import java.lang.management.ManagementFactory;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.inject.Inject;

/**
 * An add-on that says once when the workbench window is up and its event loop runs: the moment a person can use
 * it. The line carries the time since the JVM started; the start-up benchmark and scripts watch the log for it.
 */
public final class WorkbenchReadiness {

    static final String READY = "Trackbench workbench ready";

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchReadiness.class);

    @Inject
    @Optional
    void started(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        LOG.info("{} in {} ms", READY, ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
