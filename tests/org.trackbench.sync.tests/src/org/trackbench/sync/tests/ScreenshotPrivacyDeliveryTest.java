package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.jobs.Job;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.ScreenshotUnderReview;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.server.AppliedItem;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/**
 * What the server receives of the person's privacy choices, end to end: real capture, queue, sync and reference
 * server. A screenshot deleted under review never arrives, its marker does; screenshots evicted over the quota arrive
 * as markers, with every event of their entry.
 */
class ScreenshotPrivacyDeliveryTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void aScreenshotDeletedUnderReviewNeverReachesTheServerAndItsMarkerDoes() throws InterruptedException {
        try (SyncRig rig = SyncRig.start(Map.of(), Map.of())) {
            TimeTracker tracker = capturing(rig, Map.of("reviewMinutes", 5));
            ScreenCapture capture = rig.configurations.await(ScreenCapture.class, "");
            TimeEntry entry = tracker.start("Private call", null, null);
            Await.until("a screenshot under review", WAIT, () -> !capture.underReview().isEmpty(), rig::describe);
            tracker.stop();
            // A capture under way at the stop ends first: what it queued is under review too.
            Job.getJobManager().join(ScreenCapture.JOB_FAMILY, null);

            List<ScreenshotUnderReview> held = capture.underReview();
            held.forEach(screenshot -> capture.deleteUnderReview(screenshot.id()));
            rig.awaitDelivered(WAIT);

            List<AppliedItem> applied = applied(rig, entry);
            assertEquals(List.of(), applied.stream().filter(item -> item.kind().equals("screenshot")).toList(),
                    "no screenshot deleted under review reached the server");
            assertEquals(held.size(), applied.stream().filter(item -> item.kind().equals("omission")
                    && item.detail().equals("deleted_by_user")).count(), applied.toString());
            assertEquals(List.of("start", "stop"), events(applied));
        }
    }

    @Test
    void evictedScreenshotsArriveAsMarkersWithEveryEventOfTheirEntry() {
        try (SyncRig rig = SyncRig.start(Map.of(), Map.of())) {
            rig.sync.pause();
            TimeTracker tracker = capturing(rig, Map.of("quotaMegabytes", 1L, "quotaPolicy", "evictOldest"));
            TimeEntry entry = tracker.start("Offline afternoon", null, null);
            String group = entry.id().toString();
            for (int i = 0; i < 2; i++) {
                rig.store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"2026-12-01T09:0" + i + ":00Z\"}")
                        .inGroup(group, false).withBlob(BlobSource.of(new byte[1024 * 1024]), "image/jpeg"));
            }
            Await.until("the oldest evicted", WAIT, () -> rig.store.count(QueueQuery.all(1)
                    .withEntityTypes(Set.of("screenshot_omitted")).inGroup(group)) >= 2, rig::describe);
            tracker.pause();
            tracker.resume();
            tracker.stop();

            rig.sync.resume();
            rig.awaitDelivered(WAIT);

            List<AppliedItem> applied = applied(rig, entry);
            assertEquals(List.of("start", "pause", "resume", "stop"), events(applied), "no event was evicted");
            assertTrue(applied.stream().filter(item -> item.kind().equals("omission"))
                    .allMatch(item -> item.detail().equals("evicted_over_quota")), applied.toString());
            assertTrue(applied.stream().filter(item -> item.kind().equals("omission")).count() >= 2, applied.toString());
            assertFalse(applied.stream().anyMatch(item -> item.kind().equals("screenshot") && item.bytes() >= 1024 * 1024),
                    "an evicted screenshot reached the server: " + applied);
        }
    }

    /** The real tracker, capturing the synthetic screen every second with the terms accepted, plus {@code settings}. */
    private static TimeTracker capturing(SyncRig rig, Map<String, Object> settings) {
        rig.configurations.await(EntityHandler.class, "(" + EntityHandler.ENTITY_TYPE + "=screenshot_omitted)");
        Map<String, Object> capture = new HashMap<>(Map.of("intervalSeconds", 1L, "screenSource.target",
                "(" + ScreenSource.SOURCE + "=synthetic)", "consentAcceptedAt", "2026-12-01T08:00:00Z"));
        capture.putAll(settings);
        rig.configurations.update("org.trackbench.capture", capture);
        return rig.configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
    }

    private static List<AppliedItem> applied(SyncRig rig, TimeEntry entry) {
        return rig.server.applied().stream().filter(item -> entry.id().toString().equals(item.timeEntryId())).toList();
    }

    private static List<String> events(List<AppliedItem> applied) {
        return applied.stream().filter(item -> item.kind().equals("event")).map(AppliedItem::detail).toList();
    }
}
