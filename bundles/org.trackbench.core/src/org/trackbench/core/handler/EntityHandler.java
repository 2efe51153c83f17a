package org.trackbench.core.handler;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.trackbench.core.queue.QueueItem;

/**
 * Knows one entity type: how to check its payload, how to send an item to the server, how to show it.
 * Register it as a DS service with the {@link #ENTITY_TYPE} property; items of a type without a handler
 * wait until one is installed, they are not failed.
 */
@ConsumerType
public interface EntityHandler {

    /** Service property naming the handled type, e.g. {@code time_entry_event}. */
    String ENTITY_TYPE = "trackbench.entity.type";

    /** The type this handler serves; equal to its {@link #ENTITY_TYPE} service property. */
    String entityType();

    /**
     * Checks a payload before it is queued or sent: the queue asks the handler of an item's type at enqueue, so a
     * malformed payload is refused there, wherever it comes from (a console command, a plug-in, the UI).
     *
     * @throws IllegalArgumentException naming the field at fault and what would be accepted
     */
    void validate(String payloadJson);

    /** The HTTP request that delivers the item; the sync service adds authorization and idempotency headers. */
    OutboundRequest request(QueueItem item);

    /** One line for the queue listing, e.g. "start of entry 3f2a… at 09:12". */
    String summary(QueueItem item);

    /**
     * The repairs this handler offers for {@code item}, a failed or blocked item of its type, that apply to it now;
     * none by default. Offered in Item details and by {@code trackbench:repair}.
     *
     * @since 1.1
     */
    default List<RepairAction> repairs(QueueItem item) {
        return List.of();
    }
}
