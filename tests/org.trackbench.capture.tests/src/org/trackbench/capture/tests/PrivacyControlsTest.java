package org.trackbench.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.CaptureTerms;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenshotUnderReview;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.testing.ApiContract;
import org.trackbench.testing.Await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The person's controls over screenshots, on the real capture component and queue: consent, review, the quota. */
class PrivacyControlsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void noScreenshotIsTakenUntilThePersonAcceptsTheTerms() {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "consentAcceptedAt", ""));
        ScreenCapture capture = rig.screenCapture();
        CaptureTerms terms = capture.terms();
        assertTrue(terms.accepted().isEmpty());
        assertTrue(terms.points().get(0).startsWith("What: one image of the whole desktop"), terms.points().toString());
        assertTrue(terms.points().stream().anyMatch(point -> point.startsWith("When: once every 1 second")),
                terms.points().toString());
        TimeEntry entry = rig.tracker.start(null, null, null);

        Await.until("capture waits for consent", WAIT, () -> rig.capture().state() == CaptureState.AWAITING_CONSENT,
                () -> rig.capture().toString());
        // Three intervals go by: none of them may take a screenshot.
        Await.until("three intervals", WAIT, () -> Duration.between(entry.startedAt(), Instant.now()).toSeconds() >= 3,
                () -> "");
        assertEquals(List.of(), rig.items("screenshot", entry.id().toString()));
        assertEquals(List.of(), rig.items("screenshot_omitted", entry.id().toString()),
                "nothing was due: the person has not agreed to screenshots");

        Instant before = Instant.now();
        capture.accept();

        Await.until("a screenshot once accepted", WAIT, () -> !rig.items("screenshot", entry.id().toString()).isEmpty(),
                () -> rig.capture().toString());
        Instant accepted = rig.screenCapture().terms().accepted().orElseThrow();
        assertFalse(accepted.isBefore(before.minusMillis(1)), "recorded with the time: " + accepted);
        rig.tracker.stop();
    }

    @Test
    void aScreenshotDeletedUnderReviewLeavesOnlyItsMarker() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "reviewMinutes", 5));
        TimeEntry entry = rig.tracker.start(null, null, null);
        ScreenCapture capture = rig.screenCapture();
        Await.until("a screenshot under review", WAIT, () -> !capture.underReview().isEmpty(), () -> rig.capture().toString());
        rig.tracker.stop();

        ScreenshotUnderReview held = capture.underReview().get(capture.underReview().size() - 1);
        QueueItem shot = rig.store.find(held.id()).orElseThrow();
        assertEquals(held.capturedAt().plus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.MILLIS), held.reviewEndsAt(),
                "the queue keeps milliseconds");
        assertEquals(held.reviewEndsAt(), shot.nextAttemptAt(), "not sent before the window ends");
        assertEquals(shot.blobSize(), held.bytes());

        capture.deleteUnderReview(held.id());

        QueueItem marker = rig.store.find(held.id()).orElseThrow();
        assertEquals("screenshot_omitted", marker.entityType());
        JsonNode payload = JSON.readTree(marker.payload());
        ApiContract.load().assertConforms("ScreenshotOmission", payload);
        assertEquals("deleted_by_user", payload.get("reason").asText());
        assertEquals(held.capturedAt(), Instant.parse(payload.get("capturedAt").asText()));
        assertThrows(QueueException.class, () -> rig.store.openBlob(held.id()), "its bytes are gone");
        assertFalse(marker.nextAttemptAt().isAfter(Instant.now()), "the marker leaves at once");
        assertTrue(capture.underReview().stream().noneMatch(listed -> listed.id() == held.id()));
        IllegalArgumentException again = assertThrows(IllegalArgumentException.class,
                () -> capture.deleteUnderReview(held.id()));
        assertTrue(again.getMessage().contains("item " + held.id() + " is not a screenshot under review"),
                again.getMessage());
    }

    @Test
    void withoutAReviewWindowAScreenshotIsDueAtOnceAndNothingIsUnderReview() {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "reviewMinutes", 0));
        TimeEntry entry = rig.tracker.start(null, null, null);
        Await.until("a screenshot", WAIT, () -> !rig.items("screenshot", entry.id().toString()).isEmpty(),
                () -> rig.capture().toString());
        rig.tracker.stop();

        QueueItem shot = rig.items("screenshot", entry.id().toString()).get(0);
        assertEquals(shot.createdAt(), shot.nextAttemptAt());
        assertEquals(List.of(), rig.screenCapture().underReview());
    }

    @Test
    void evictOldestDropsTheOldestScreenshotsForMarkersAndNeverAnEvent() throws Exception {
        TrackerRig rig = new TrackerRig(Map.of("intervalSeconds", 1L, "quotaMegabytes", 1L, "quotaPolicy", "evictOldest"));
        TimeEntry entry = rig.tracker.start(null, null, null);
        String group = entry.id().toString();
        List<QueueItem> backlog = List.of(megabyteScreenshot(rig, group, "2026-12-01T09:00:00Z"),
                megabyteScreenshot(rig, group, "2026-12-01T09:05:00Z"));

        Await.until("both backlog screenshots evicted", WAIT, () -> rig.items("screenshot_omitted", group).size() >= 2,
                () -> rig.capture() + " " + rig.screenCapture().storage().describe());
        assertEquals(CaptureState.CAPTURING, rig.capture().state(), "capture goes on instead of pausing");
        rig.tracker.stop();

        List<QueueItem> markers = rig.items("screenshot_omitted", group);
        assertEquals(backlog.stream().map(QueueItem::id).toList(), markers.stream().map(QueueItem::id).toList(),
                "the oldest went, each replaced in place by its marker");
        assertEquals("2026-12-01T09:00:00Z", JSON.readTree(markers.get(0).payload()).get("capturedAt").asText());
        assertEquals("2026-12-01T09:05:00Z", JSON.readTree(markers.get(1).payload()).get("capturedAt").asText());
        assertTrue(markers.stream().allMatch(marker -> marker.payload().contains("\"reason\":\"evicted_over_quota\"")));
        assertEquals(List.of("start", "stop"), rig.eventTypes(group), "no event is ever evicted");
        assertTrue(rig.store.unsentBlobBytes() <= 1024 * 1024, rig.screenCapture().storage().describe());
        assertFalse(rig.items("screenshot", group).isEmpty(), "the newest screenshots are kept");
    }

    private static QueueItem megabyteScreenshot(TrackerRig rig, String group, String capturedAt) {
        return rig.store.enqueue(EnqueueRequest.of("screenshot", "{\"capturedAt\":\"" + capturedAt + "\"}")
                .inGroup(group, false).withBlob(BlobSource.of(new byte[1024 * 1024]), "image/jpeg"));
    }
}
