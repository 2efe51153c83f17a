package org.trackbench.queue.derby.internal;

import org.osgi.service.component.ComponentServiceObjects;

/**
 * A service the store has been told of but not yet used, fetched on first use. The store is what most components
 * need first, and the handlers and holds it is told of may need what needs the store (a plug-in's handler asking the
 * time tracker, the tracker being a hold): fetching them while the store itself is being created would make DS create
 * those components in the middle of it, and fail them as a circular reference. Declarative Services releases what
 * was fetched when the service goes.
 */
final class LazyService<S> {

    private final ComponentServiceObjects<S> objects;
    private S service;

    LazyService(ComponentServiceObjects<S> objects) {
        this.objects = objects;
    }

    /** The service, or null while its component cannot be activated (asked again next time). */
    synchronized S get() {
        if (service == null) {
            service = objects.getService();
        }
        return service;
    }

    boolean isFor(ComponentServiceObjects<S> other) {
        return objects.equals(other);
    }
}
