package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/**
 * An admin repairs a failed or blocked item in place: the payload is checked as at enqueue, the item keeps its id and
 * its place, is due at once, and gets a new idempotency key only when the server refused the old one.
 */
class RepairTest {

    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final String TYPE = "booking";
    private static final String GROUP = "entry-7";

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Configurations configurations = new Configurations();
    private final BundleContext context = FrameworkUtil.getBundle(RepairTest.class).getBundleContext();
    private ServiceRegistration<EntityHandler> handler;
    private QueueStore store;
    private QueueAdmin admin;

    @BeforeEach
    void openStoreWithAHandlerThatNeedsAProject() {
        store = fixture.configure(fixture.newDirectory("repair"), 1024);
        handler = context.registerService(EntityHandler.class, new ProjectNeeded(),
                new Hashtable<>(Map.of(EntityHandler.ENTITY_TYPE, TYPE)));
        admin = configurations.await(context, QueueAdmin.class);
    }

    @AfterEach
    void removeHandler() {
        handler.unregister();
    }

    @Test
    void aRefusedItemIsRepairedInItsPlaceUnderANewKeyAndReleasesItsFollowers() {
        QueueItem refused = store.enqueue(booking("{\"project\":\"Acme\",\"minutes\":30}"));
        QueueItem follower = store.enqueue(booking("{\"project\":\"Acme\",\"minutes\":15}"));
        claimOnly(refused);
        store.markRejected(refused.id(), "HTTP 422: unknown project Acme");
        assertEquals(ItemStatus.BLOCKED, store.find(follower.id()).orElseThrow().status());

        QueueItem repaired = admin.edit(refused.id(), "{\"project\":\"Acme Corp\",\"minutes\":30}");

        assertEquals(refused.id(), repaired.id());
        assertEquals(ItemStatus.PENDING, repaired.status());
        assertEquals(0, repaired.attempts());
        assertNotEquals(refused.idempotencyKey(), repaired.idempotencyKey(), "the server keeps its refusal for the old key");
        assertEquals(ItemStatus.PENDING, store.find(follower.id()).orElseThrow().status(), "the follower is released");
        assertEquals(List.of(refused.id()), store.claim(10, LEASE).stream().map(QueueItem::id).toList(),
                "it goes first again, its follower after it");
        AuditEntry recorded = configurations.await(context, AuditTrail.class).entries(AuditQuery.latest(1)).get(0);
        assertEquals(AdminAction.EDIT, recorded.action());
        assertEquals("item " + refused.id() + " (booking): project: \"Acme\" → \"Acme Corp\"; sent under a new"
                + " idempotency key, the server having refused the old one", recorded.detail());
    }

    @Test
    void anItemWhoseOutcomeIsUnknownKeepsItsKeySoItIsNeverAppliedTwice() {
        QueueItem gaveUp = store.enqueue(booking("{\"project\":\"Acme\",\"minutes\":30}"));
        claimOnly(gaveUp);
        store.markFailed(gaveUp.id(), "gave up after 10 attempts; last: timed out");

        QueueItem repaired = admin.edit(gaveUp.id(), "{\"project\":\"Acme\",\"minutes\":45}");

        assertEquals(gaveUp.idempotencyKey(), repaired.idempotencyKey());
        assertTrue(configurations.await(context, AuditTrail.class).entries(AuditQuery.latest(1)).get(0).detail()
                .endsWith("sent under its idempotency key, which an earlier attempt may have used"));
    }

    @Test
    void aBadEditChangesNothingAndRecordsNothing() {
        QueueItem refused = store.enqueue(booking("{\"project\":\"Acme\",\"minutes\":30}"));
        claimOnly(refused);
        store.markRejected(refused.id(), "HTTP 422: unknown project Acme");
        QueueItem pending = store.enqueue(EnqueueRequest.of(TYPE, "{\"project\":\"Acme\",\"minutes\":5}"));

        IllegalArgumentException noProject = assertThrows(IllegalArgumentException.class,
                () -> admin.edit(refused.id(), "{\"minutes\":30}"));
        IllegalArgumentException notJson = assertThrows(IllegalArgumentException.class,
                () -> admin.edit(refused.id(), "{\"project\":"));
        IllegalArgumentException notRepairable = assertThrows(IllegalArgumentException.class,
                () -> admin.edit(pending.id(), "{\"project\":\"Acme Corp\"}"));

        assertEquals("booking project is missing; expected the name of a project", noProject.getMessage());
        assertTrue(notJson.getMessage().contains("is not a JSON object"), notJson.getMessage());
        assertTrue(notRepairable.getMessage().contains("item " + pending.id() + " is pending; only a failed or blocked"),
                notRepairable.getMessage());
        assertEquals(refused.payload(), store.find(refused.id()).orElseThrow().payload());
        assertEquals(ItemStatus.FAILED, store.find(refused.id()).orElseThrow().status());
        assertEquals(List.of(), configurations.await(context, AuditTrail.class).entries(AuditQuery.latest(10)));
    }

    @Test
    void theTrailShowsWhatChangedButNeverASecret() {
        QueueItem refused = store.enqueue(booking("{\"project\":\"Acme\",\"apiToken\":\"tok-1\",\"minutes\":30}"));
        claimOnly(refused);
        store.markRejected(refused.id(), "HTTP 401: bad token");

        admin.edit(refused.id(), "{\"project\":\"Acme\",\"apiToken\":\"tok-2\",\"minutes\":30,\"note\":\"fixed\"}");

        String detail = configurations.await(context, AuditTrail.class).entries(AuditQuery.latest(1)).get(0).detail();
        assertTrue(detail.contains("apiToken: [redacted] → [redacted], note: (none) → \"fixed\""), detail);
        assertFalse(detail.contains("tok-"), detail);
    }

    @Test
    void aRepairTheHandlerOffersIsAppliedAsAnEditAndRecordedByName() {
        QueueItem refused = store.enqueue(booking("{\"project\":\"acme\",\"minutes\":30}"));
        claimOnly(refused);
        store.markRejected(refused.id(), "HTTP 422: unknown project acme");

        assertEquals(List.of("uppercase-project"), admin.repairs(refused.id()).stream().map(RepairAction::id).toList());
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> admin.repair(refused.id(), "guess"));
        QueueItem repaired = admin.repair(refused.id(), "uppercase-project");

        assertTrue(unknown.getMessage().contains("repair 'guess' is not offered for item " + refused.id()
                + " (booking); offered: uppercase-project"), unknown.getMessage());
        assertEquals("{\"project\":\"ACME\",\"minutes\":30}", repaired.payload());
        assertEquals(ItemStatus.PENDING, repaired.status());
        assertEquals(List.of(), admin.repairs(refused.id()), "a pending item is not repaired");
        assertEquals("item " + refused.id() + " (booking): repair \"Write the project in capitals\" of its handler:"
                + " project: \"acme\" → \"ACME\"; sent under a new idempotency key, the server having refused the old"
                + " one", configurations.await(context, AuditTrail.class).entries(AuditQuery.latest(1)).get(0).detail());
    }

    private static EnqueueRequest booking(String payload) {
        return EnqueueRequest.of(TYPE, payload).inGroup(GROUP, true);
    }

    /** Claims {@code item}, which must be the only one due. */
    private void claimOnly(QueueItem item) {
        assertEquals(List.of(item.id()), store.claim(10, LEASE).stream().map(QueueItem::id).toList());
    }

    /** A plug-in's handler: a booking needs a project. */
    private static final class ProjectNeeded implements EntityHandler {

        @Override
        public String entityType() {
            return TYPE;
        }

        @Override
        public void validate(String payloadJson) {
            if (!payloadJson.contains("\"project\"")) {
                throw new IllegalArgumentException("booking project is missing; expected the name of a project");
            }
        }

        @Override
        public OutboundRequest request(QueueItem item) {
            return OutboundRequest.postJson("/api/v1/bookings");
        }

        @Override
        public String summary(QueueItem item) {
            return "booking";
        }

        @Override
        public List<RepairAction> repairs(QueueItem item) {
            return List.of(new RepairAction() {
                @Override
                public String id() {
                    return "uppercase-project";
                }

                @Override
                public String label() {
                    return "Write the project in capitals";
                }

                @Override
                public String repair(QueueItem broken) {
                    return broken.payload().replace("\"acme\"", "\"ACME\"");
                }
            });
        }
    }
}
