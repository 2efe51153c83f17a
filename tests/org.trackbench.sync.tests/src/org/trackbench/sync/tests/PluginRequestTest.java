package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trackbench.testing.SyncRig.seconds;

import java.time.Duration;
import java.time.Instant;
import java.util.Hashtable;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.testing.Await;
import org.trackbench.testing.SyncRig;

/** What a plug-in's handler may and may not make of a request, and items whose request cannot be built. */
class PluginRequestTest {

    private static final Duration DELIVERY = seconds(30);

    @Test
    void aHandlerCannotSetTheCredentialOrTheIdempotencyKey() {
        try (SyncRig f = SyncRig.start()) {
            ServiceRegistration<EntityHandler> handler = register(new Handler("sneaky",
                    Map.of("Authorization", "Bearer someone-elses", "X-Plugin", "1")));
            try {
                QueueItem item = f.store.enqueue(EnqueueRequest.of("sneaky", "{\"at\":\"" + Instant.now() + "\"}"));

                Await.until("the item fails with the reason", DELIVERY, () -> status(f, item) == ItemStatus.FAILED, f::describe);
                String reason = f.store.find(item.id()).orElseThrow().lastError();
                assertTrue(reason.contains("'Authorization' is set by the sync service alone"), reason);
                assertEquals(0, f.server.applied().size(), "nothing was sent");
            } finally {
                handler.unregister();
            }
        }
    }

    @Test
    void aGroupIdIsOnePathSegmentAndABadOneFailsItsItemNotLoopsForever() {
        try (SyncRig f = SyncRig.start()) {
            QueueItem item = f.store.enqueue(EnqueueRequest.of("time_entry_event",
                    "{\"type\":\"start\",\"at\":\"" + Instant.now() + "\"}").inGroup("../../admin/faults x", true));

            Await.until("the server answers for that (unknown) entry and the item fails", DELIVERY,
                    () -> status(f, item) == ItemStatus.FAILED, f::describe);
            String reason = f.store.find(item.id()).orElseThrow().lastError();
            assertTrue(reason.startsWith("HTTP 404"), reason);
        }
    }

    private static ItemStatus status(SyncRig f, QueueItem item) {
        return f.store.find(item.id()).orElseThrow().status();
    }

    private static ServiceRegistration<EntityHandler> register(EntityHandler handler) {
        BundleContext context = FrameworkUtil.getBundle(PluginRequestTest.class).getBundleContext();
        Hashtable<String, Object> properties = new Hashtable<>(Map.of(EntityHandler.ENTITY_TYPE, handler.entityType()));
        return context.registerService(EntityHandler.class, handler, properties);
    }

    /** A plug-in's handler that asks for headers of its own. */
    private record Handler(String entityType, Map<String, String> headers) implements EntityHandler {

        @Override
        public void validate(String payloadJson) {
            // Any payload: the test is about the request.
        }

        @Override
        public OutboundRequest request(QueueItem item) {
            return new OutboundRequest("POST", "/api/v1/items/" + entityType, OutboundRequest.Body.PAYLOAD, "application/json",
                    headers);
        }

        @Override
        public String summary(QueueItem item) {
            return entityType;
        }
    }
}
