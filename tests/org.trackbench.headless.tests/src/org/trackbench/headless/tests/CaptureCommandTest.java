package org.trackbench.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.headless.internal.CaptureCommand;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * {@code trackbench:capture terms|accept} and {@code trackbench:screenshots [delete <id>]} as Gogo calls them, over
 * the real capture component and queue (synthetic screen, the sync paused).
 */
class CaptureCommandTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SyncRig rig;
    private CaptureCommand command;
    private TimeTracker tracker;

    @BeforeEach
    void captureNotYetAccepted() {
        rig = SyncRig.start();
        rig.sync.pause();
        Map<String, Object> capture = new HashMap<>(Map.of("intervalSeconds", 1L, "reviewMinutes", 5,
                "screenSource.target", "(" + ScreenSource.SOURCE + "=synthetic)", "consentAcceptedAt", ""));
        rig.configurations.update("org.trackbench.capture", capture);
        tracker = rig.configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
        command = rig.configurations.await(CaptureCommand.class, "");
        // Capture restarts on the rig's new queue, then takes the settings above.
        Await.until("capture on its new settings", WAIT, () -> command.capture("terms").contains("waits 5 minutes"),
                () -> command.capture("terms"));
    }

    @AfterEach
    void stop() {
        if (tracker.status().state() != TrackerState.STOPPED && tracker.status().state() != TrackerState.IDLE) {
            tracker.stop();
        }
        rig.close();
    }

    @Test
    void theTermsAreShownAndAcceptedWithTheirTime() {
        String terms = command.capture("terms");
        assertTrue(terms.contains("What: one image of the whole desktop") && terms.contains("Review: each screenshot"
                + " waits 5 minutes") && terms.contains("Not accepted: no screenshot is taken"), terms);

        String accepted = command.capture("accept");

        assertTrue(accepted.startsWith("Accepted;"), accepted);
        Await.until("the acceptance recorded", WAIT, () -> command.capture("terms").contains("Accepted at "),
                () -> command.capture("terms"));
    }

    @Test
    void aScreenshotUnderReviewIsListedAndDeleted() {
        command.capture("accept");
        ScreenCapture capture = rig.configurations.await(ScreenCapture.class, "");
        Await.until("capture accepted", WAIT, () -> capture.terms().accepted().isPresent(), () -> "");
        assertEquals("No screenshot is under review.\n", command.screenshots());
        tracker.start(null, null, null);
        Await.until("a screenshot under review", WAIT, () -> !capture.underReview().isEmpty(), () -> capture.status().toString());
        long id = capture.underReview().get(0).id();

        String listing = command.screenshots();
        assertTrue(listing.contains(String.valueOf(id)) && listing.contains("trackbench:screenshots delete <id>"), listing);
        String deleted = command.screenshots("delete", String.valueOf(id));

        assertTrue(deleted.startsWith("Screenshot " + id + " deleted"), deleted);
        assertEquals("screenshot_omitted", rig.store.find(id).orElseThrow().entityType());
        String again = command.screenshots("delete", String.valueOf(id));
        assertTrue(again.contains("item " + id + " is not a screenshot under review"), again);
        String typo = command.screenshots("delete", "latest");
        assertTrue(typo.contains("id 'latest' is not accepted") && typo.contains("trackbench:screenshots [delete <id>]"),
                typo);
    }
}
