package org.trackbench.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.Test;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.CaptureStorage;
import org.trackbench.core.capture.CaptureUnavailableException;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.Await;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Periodic screenshots from the real capture component, with the synthetic screen or a failing one. */
class ScreenCaptureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aRunningEntryGetsScreenshotsQueuedInItsGroup() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L));
        TimeEntry entry = rig.tracker.start(null, null, null);
        String group = entry.id().toString();

        Await.until("a screenshot is queued", WAIT, () -> !rig.items("screenshot", group).isEmpty(),
                () -> rig.tracker.status().toString());
        rig.tracker.stop();

        QueueItem shot = rig.items("screenshot", group).get(0);
        assertEquals("image/jpeg", shot.blobContentType());
        assertTrue(!shot.ordered(), "screenshots do not hold each other up");
        try (InputStream in = rig.store.openBlob(shot.id())) {
            BufferedImage image = ImageIO.read(in);
            assertEquals(1920, image.getWidth());
            assertEquals(1080, image.getHeight());
        }
    }

    @Test
    void noScreenshotByteTouchesTheDiskInClear() throws Exception {
        Path temporary = Path.of(System.getProperty("java.io.tmpdir"));
        try (WatchService watch = temporary.getFileSystem().newWatchService()) {
            temporary.register(watch, StandardWatchEventKinds.ENTRY_CREATE);
            TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L));
            TimeEntry entry = rig.tracker.start(null, null, null);

            Await.until("two screenshots are queued", WAIT, () -> rig.items("screenshot", entry.id().toString()).size() >= 2,
                    () -> rig.tracker.status().toString());
            rig.tracker.stop();

            List<String> created = new ArrayList<>();
            for (WatchKey key = watch.poll(); key != null; key = watch.poll()) {
                key.pollEvents().forEach(event -> created.add(event.context().toString()));
                key.reset();
            }
            assertEquals(List.of(), created.stream().filter(name -> name.contains("screenshot")).toList(),
                    "files made in " + temporary + " while capturing");
        }
    }

    @Test
    void aNewIntervalTakesEffectAtOnceWithoutARestart() {
        TrackerRig rig = new TrackerRig(Map.of());
        ScreenCapture before = rig.configurations.await(ScreenCapture.class, "");
        TimeEntry entry = rig.tracker.start(null, null, null);

        rig.configurations.update("org.trackbench.capture", Map.of("intervalSeconds", 1L,
                "screenSource.target", "(" + ScreenSource.SOURCE + "=synthetic)", "consentAcceptedAt", "2026-12-01T08:00:00Z"));

        Await.until("a screenshot at the new interval, not an hour later", WAIT,
                () -> !rig.items("screenshot", entry.id().toString()).isEmpty(), () -> rig.capture().toString());
        assertSame(before, rig.configurations.await(ScreenCapture.class, ""), "capture was changed in place");
        rig.tracker.stop();
    }

    @Test
    void captureStopsWhileAnEntryIsPaused() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L));
        TimeEntry entry = rig.tracker.start(null, null, null);
        rig.tracker.pause();

        Await.until("capture is off", WAIT, () -> rig.capture().state() == CaptureState.OFF, () -> rig.capture().toString());
        // A capture under way when the pause came ends; none is scheduled after it.
        Await.until("no screenshot is scheduled", WAIT, () -> Job.getJobManager().find(ScreenCapture.JOB_FAMILY).length == 0,
                () -> List.of(Job.getJobManager().find(ScreenCapture.JOB_FAMILY)).toString());
        assertEquals(List.of(), rig.items("screenshot", entry.id().toString()));
    }

    @Test
    void captureWaitsWhileTheQuotaIsExceededAndResumesAfter() {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "quotaMegabytes", 1L));
        QueueItem backlog = rig.store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-11-26T09:00:00Z\"}")
                .withBlob(BlobSource.of(new byte[2 * 1024 * 1024]), "image/jpeg"));
        TimeEntry entry = rig.tracker.start(null, null, null);

        Await.until("capture pauses", WAIT, () -> rig.capture().state() == CaptureState.PAUSED, () -> rig.capture().toString());
        assertTrue(rig.capture().reason().contains("1 MiB quota"), rig.capture().reason());
        assertEquals(TrackerState.RUNNING, rig.tracker.status().state(), "tracking goes on");
        assertEquals(List.of("start"), rig.eventTypes(entry.id().toString()));
        CaptureStorage storage = rig.configurations.await(ScreenCapture.class, "").storage();
        assertEquals(new CaptureStorage(2 * 1024 * 1024, 1024 * 1024), storage);
        assertTrue(storage.nearlyFull());
        assertEquals("2.0 of 1 MiB of unsent screenshots", storage.describe());

        rig.store.delete(List.of(backlog.id()));

        Await.until("capture resumes", WAIT, () -> !rig.items("screenshot", entry.id().toString()).isEmpty(),
                () -> rig.capture().toString());
    }

    @Test
    void anUnavailableScreenIsReportedAndTrackingGoesOn() {
        ServiceRegistration<ScreenSource> broken = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(ScreenSource.class, perMonitor -> {
                    throw new CaptureUnavailableException("no display (test)", null);
                }, new Hashtable<>(Map.of(ScreenSource.SOURCE, "broken")));
        try {
            TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L,
                    "screenSource.target", "(" + ScreenSource.SOURCE + "=broken)"));
            TimeEntry entry = rig.tracker.start(null, null, null);

            Await.until("capture says it is unavailable", WAIT,
                    () -> rig.capture().equals(CaptureStatus.off().with(CaptureState.UNAVAILABLE, "no display (test)")),
                    () -> rig.capture().toString());
            Await.until("the gap is marked with its cause", WAIT,
                    () -> !rig.items("screenshot_omitted", entry.id().toString()).isEmpty(), () -> rig.capture().toString());
            rig.tracker.stop();

            assertEquals(List.of("start", "stop"), rig.eventTypes(entry.id().toString()));
            assertEquals(List.of(), rig.items("screenshot", entry.id().toString()));
            QueueItem marker = rig.items("screenshot_omitted", entry.id().toString()).get(0);
            assertTrue(marker.payload().contains("\"reason\":\"capture_unavailable\""), marker.payload());
            assertTrue(!marker.ordered(), "a marker holds nothing up, as a screenshot");
        } finally {
            broken.unregister();
        }
    }

    @Test
    void anExcludedMonitorIsNeverStoredAndItsGapIsMarked() throws Exception {
        BufferedImage left = new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB);
        BufferedImage right = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        ServiceRegistration<ScreenSource> twoMonitors = FrameworkUtil.getBundle(getClass()).getBundleContext()
                .registerService(ScreenSource.class, perMonitor -> perMonitor ? List.of(left, right)
                        : List.of(new BufferedImage(1440, 600, BufferedImage.TYPE_INT_RGB)),
                        new Hashtable<>(Map.of(ScreenSource.SOURCE, "two-monitors")));
        try {
            TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "perMonitor", true, "excludedMonitors", "2",
                    "format", "png", "screenSource.target", "(" + ScreenSource.SOURCE + "=two-monitors)"));
            TimeEntry entry = rig.tracker.start(null, null, null);

            Await.until("a screenshot and a marker", WAIT, () -> !rig.items("screenshot", entry.id().toString()).isEmpty()
                    && !rig.items("screenshot_omitted", entry.id().toString()).isEmpty(), () -> rig.capture().toString());
            rig.tracker.stop();

            for (QueueItem shot : rig.items("screenshot", entry.id().toString())) {
                try (InputStream in = rig.store.openBlob(shot.id())) {
                    assertEquals(640, ImageIO.read(in).getWidth(), "only the first monitor is stored");
                }
            }
            assertTrue(rig.items("screenshot_omitted", entry.id().toString()).get(0).payload()
                    .contains("\"reason\":\"excluded\""));
        } finally {
            twoMonitors.unregister();
        }
    }

    @Test
    void pausedScreenshotsLeaveAMarkerPerSkippedOneWhileTheEntryRuns() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L));
        ScreenCapture capture = rig.configurations.await(ScreenCapture.class, "");
        capture.pauseFor(Duration.ofMinutes(10));
        try {
            TimeEntry entry = rig.tracker.start("Private call", null, null);

            Await.until("two screenshots skipped and marked", WAIT,
                    () -> rig.items("screenshot_omitted", entry.id().toString()).size() >= 2, () -> rig.capture().toString());

            assertEquals(List.of(), rig.items("screenshot", entry.id().toString()), "nothing captured while paused");
            assertEquals(TrackerState.RUNNING, rig.tracker.status().state(), "the entry keeps running");
            assertEquals(CaptureState.PAUSED, rig.capture().state());
            assertTrue(capture.pausedUntil().isPresent());
            QueueItem marker = rig.items("screenshot_omitted", entry.id().toString()).get(0);
            ApiContract.load().assertConforms("ScreenshotOmission", new ObjectMapper().readTree(marker.payload()));
            assertTrue(marker.payload().contains("\"reason\":\"paused_by_user\""), marker.payload());

            capture.pauseFor(Duration.ZERO);
            Await.until("screenshots again once resumed", WAIT,
                    () -> !rig.items("screenshot", entry.id().toString()).isEmpty(), () -> rig.capture().toString());
            rig.tracker.stop();
        } finally {
            capture.pauseFor(Duration.ZERO);
        }
    }
}
