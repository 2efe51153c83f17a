package org.trackbench.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.trackbench.core.capture.IllegalTransitionException;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.capture.TrackerState;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.RetentionHold;

/** The real time tracker in Equinox, on a real Derby queue. */
class TimeTrackerTest {

    private final TrackerRig rig = new TrackerRig(Map.of());

    @Test
    void everyLegalTransitionCommitsItsEventBeforeReturning() {
        TimeTracker tracker = rig.tracker;
        assertEquals(TrackerState.IDLE, tracker.status().state());

        TimeEntry entry = tracker.start("Review sync backoff", "Trackbench", "Code review");
        String group = entry.id().toString();
        assertEquals(List.of("start"), rig.eventTypes(group));
        assertEquals(TrackerState.RUNNING, tracker.status().state());

        tracker.pause();
        assertEquals(List.of("start", "pause"), rig.eventTypes(group));
        tracker.resume();
        assertEquals(List.of("start", "pause", "resume"), rig.eventTypes(group));
        TimeEntry stopped = tracker.stop();
        assertEquals(List.of("start", "pause", "resume", "stop"), rig.eventTypes(group));

        assertEquals(TrackerState.STOPPED, stopped.state());
        List<QueueItem> events = rig.items("time_entry_event", group);
        assertTrue(events.stream().allMatch(QueueItem::ordered), "events keep their order");
        assertTrue(events.get(0).payload().contains("\"description\":\"Review sync backoff\""), events.get(0).payload());
        assertTrue(events.get(0).payload().contains("\"project\":\"Trackbench\""), events.get(0).payload());
        assertTrue(!events.get(3).payload().contains("description"), "only the start carries the description");

        TimeEntry next = tracker.start(null, null, null);
        assertTrue(!next.id().equals(entry.id()), "a new start after a stop begins a new entry");
    }

    @Test
    void illegalTransitionsNameTheStateAndQueueNothing() {
        TimeTracker tracker = rig.tracker;
        assertRefused(() -> tracker.pause(), "pause", "idle", "start");
        assertRefused(() -> tracker.resume(), "resume", "idle", "start");
        assertRefused(() -> tracker.stop(), "stop", "idle", "start");
        tracker.start(null, null, null);
        assertRefused(() -> tracker.start(null, null, null), "start", "running", "pause, stop");
        assertRefused(() -> tracker.resume(), "resume", "running", "pause, stop");
        tracker.pause();
        assertRefused(() -> tracker.pause(), "pause", "paused", "resume, stop");
        tracker.stop();
        assertRefused(() -> tracker.stop(), "stop", "stopped", "start");

        assertEquals(3, rig.total(), "only start, pause and stop were queued");
    }

    private void assertRefused(org.junit.jupiter.api.function.Executable action, String verb, String state,
            String allowed) {
        long before = rig.total();
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, action);
        assertEquals("Cannot " + verb + " while " + state + "; allowed now: " + allowed, e.getMessage());
        assertEquals(before, rig.total());
    }

    @Test
    void aRunningEntrySurvivesARestart() {
        TimeEntry entry = rig.tracker.start("Before the crash", null, null);

        TimeTracker restarted = rig.restart();

        assertEquals(TrackerState.RUNNING, restarted.status().state());
        assertEquals(entry.id(), restarted.status().entry().id());
        assertEquals("Before the crash", restarted.status().entry().description());
        assertTrue(restarted.status().message().startsWith("restored running entry since " + entry.startedAt()),
                restarted.status().message());
        restarted.stop();
        assertEquals(List.of("start", "stop"), rig.eventTypes(entry.id().toString()), "no duplicate start, no lost stop");
        assertEquals(TrackerState.IDLE, rig.restart().status().state(), "a stopped entry is not restored");
    }

    @Test
    void aPausedEntrySurvivesARestartWithItsTime() throws InterruptedException {
        TimeEntry entry = rig.tracker.start(null, null, null);
        Thread.sleep(30);
        TimeEntry paused = rig.tracker.pause();

        TimeTracker restarted = rig.restart();

        assertEquals(TrackerState.PAUSED, restarted.status().state());
        assertEquals(paused.accumulated(), restarted.status().entry().accumulated(), "worked time is kept");
        restarted.resume();
        assertEquals(List.of("start", "pause", "resume"), rig.eventTypes(entry.id().toString()));
    }

    @Test
    void aRunningEntryKeepsItsSentEventsThroughAPurgeAndIsRestored() throws InterruptedException {
        TimeEntry entry = rig.tracker.start("Purged around", null, null);
        rig.tracker.pause();
        rig.store.claim(10, Duration.ofMinutes(5)).forEach(item -> rig.store.markSent(item.id()));
        // The store keeps milliseconds and purges what was sent before now.
        Thread.sleep(5);

        rig.store.purgeSent(Duration.ZERO);
        TimeTracker restarted = rig.restart();

        assertEquals(TrackerState.PAUSED, restarted.status().state(), "restored from the events the purge kept");
        assertEquals("Purged around", restarted.status().entry().description());
        RetentionHold hold = rig.configurations.await(RetentionHold.class, "");
        assertEquals(Map.of(entry.id().toString(), "the paused time entry"), hold.heldGroups());
        restarted.stop();
        assertEquals(Map.of(), hold.heldGroups(), "a stopped entry's events are purged like any");
    }

    @Test
    void anEntryWhoseStartAnAdminDeletedFromTheQueueIsRestoredFromTheLedger() {
        TimeEntry entry = rig.tracker.start("Start deleted", null, null);
        rig.tracker.pause();
        long start = rig.store.query(QueueQuery.all(10).inGroup(entry.id().toString())).items().get(0).id();
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> rig.store.delete(List.of(start)));
        assertTrue(refused.getMessage().contains("belongs to the paused time entry"), refused.getMessage());
        // With the tracker down nothing holds the entry: an admin may still delete its start, and restore must cope.
        rig.whileTrackerIsDown(() -> rig.store.delete(List.of(start)));

        TimeTracker restarted = rig.restart();

        assertEquals(TrackerState.PAUSED, restarted.status().state(), "the ledger keeps what the queue lost");
        assertEquals(entry.id(), restarted.status().entry().id());
        assertEquals(List.of("pause"), rig.eventTypes(entry.id().toString()), "the rest stays queued as it was");
        restarted.stop();
        assertEquals(List.of("pause", "stop"), rig.eventTypes(entry.id().toString()));
    }
}
