package org.trackbench.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.eclipse.e4.ui.di.UISynchronize;
import org.junit.jupiter.api.Test;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.server.AppliedItem;
import org.trackbench.server.Faults;
import org.trackbench.testing.SyncRig;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.handlers.BulkRun;

/**
 * A bulk retry over the items failing with one error: the dry run says what it would change and release, and once
 * confirmed the repaired item and the followers it held reach a real server in their order.
 */
class BulkActionsTest {

    private static final List<String> EVENTS = List.of("start", "pause", "resume", "stop");

    @Test
    void aBulkRetryByErrorShowsItsDryRunThenReleasesTheBlockedFollowersInOrder() {
        try (SyncRig rig = SyncRig.start(); PartHarness ui = new PartHarness()) {
            rig.server.setFaults(Faults.none().withErrorRate(422, 1.0));
            String entry = UUID.randomUUID().toString();
            List<QueueItem> events = EVENTS.stream().map(type -> rig.store.enqueue(EnqueueRequest.of("time_entry_event",
                    "{\"type\":\"" + type + "\",\"at\":\"2026-11-30T09:00:00Z\"}").inGroup(entry, true))).toList();
            ui.until("the start is refused and the rest held", () -> statuses(rig, events).equals(List.of(
                    ItemStatus.FAILED, ItemStatus.BLOCKED, ItemStatus.BLOCKED, ItemStatus.BLOCKED)), rig::describe);
            rig.server.setFaults(Faults.none());
            QueueAdmin admin = rig.configurations.await(QueueAdmin.class, "");
            List<String> asked = new ArrayList<>();
            List<String> told = new ArrayList<>();

            BulkRun.start(BulkAction.retry(), QueueQuery.all(1).withError("422"), admin,
                    ui.context.get(UISynchronize.class), question -> {
                        asked.add(question);
                        return true;
                    }, told::add);

            ui.until("all four sent", () -> statuses(rig, events).stream().allMatch(ItemStatus.SENT::equals),
                    () -> rig.describe() + "; asked " + asked + "; told " + told);
            assertTrue(asked.get(0).startsWith("Retry 1 of the 1 item(s) matching error \"422\" (1 failed)?\n"
                    + "3 blocked item(s) would be released."), asked.toString());
            assertTrue(asked.get(0).contains("#" + events.get(0).id() + " time_entry_event, failed: HTTP 422"),
                    asked.get(0));
            assertEquals(EVENTS, rig.server.applied().stream().filter(item -> entry.equals(item.timeEntryId()))
                    .map(AppliedItem::detail).toList(), "in their order, each once");
        }
    }

    private static List<ItemStatus> statuses(SyncRig rig, List<QueueItem> items) {
        return items.stream().map(item -> rig.store.find(item.id()).orElseThrow().status()).toList();
    }
}
