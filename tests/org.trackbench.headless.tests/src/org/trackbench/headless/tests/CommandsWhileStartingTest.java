package org.trackbench.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.headless.internal.TrackerCommands;
import org.trackbench.testing.Await;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.SyncRig;

/**
 * The console's commands exist from its first moment: while the service they work on is missing (starting, or
 * failed to start) they say so, instead of Gogo's "command not found".
 */
class CommandsWhileStartingTest {

    private static final String TRACKER = "org.trackbench.capture.internal.TimeTrackerComponent";

    private final Configurations configurations = new Configurations();
    private SyncRig rig;
    private ServiceComponentRuntime runtime;
    private ComponentDescriptionDTO tracker;

    @BeforeEach
    void givenATrackerThatIsNotUp() throws Exception {
        rig = SyncRig.start();
        runtime = configurations.await(ServiceComponentRuntime.class, "");
        BundleContext context = FrameworkUtil.getBundle(CommandsWhileStartingTest.class).getBundleContext();
        Bundle capture = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().equals("org.trackbench.capture")).findFirst().orElseThrow();
        tracker = runtime.getComponentDescriptionDTO(capture, TRACKER);
        runtime.disableComponent(tracker).getValue();
    }

    @AfterEach
    void bringTheTrackerBack() throws Exception {
        runtime.enableComponent(tracker).getValue();
        configurations.await(TimeTracker.class, "");
        rig.close();
    }

    @Test
    void aTrackerCommandSaysWhyItCannotRunAndChangesNothing() {
        TrackerCommands commands = configurations.await(TrackerCommands.class, "");

        String answer = commands.start("", "", "Too", "early");

        assertTrue(answer.startsWith("error: the time tracker is unavailable: "), answer);
        assertTrue(answer.contains("nothing was changed"), answer);
        assertEquals(0, rig.items().size(), "nothing was queued");
    }

    @Test
    void theCommandWorksOnceTheTrackerIsUp() throws Exception {
        TrackerCommands commands = configurations.await(TrackerCommands.class, "");
        runtime.enableComponent(tracker).getValue();

        Await.until("the tracker answers", Duration.ofSeconds(30),
                () -> !commands.pause().startsWith("error: the time tracker is unavailable"));
        commands.stop();
        String answer = commands.start("", "", "On", "time");
        assertTrue(answer.startsWith("Started entry"), answer);
        commands.stop();
    }
}
