/**
 * The durable outbound queue: every record Trackbench produces is committed here before anything
 * else happens to it, and the sync service delivers it from here. {@link org.trackbench.core.queue.QueueStore}
 * is the service; {@link org.trackbench.core.queue.QueueItem} is the immutable view of one stored item;
 * {@link org.trackbench.core.queue.QueueEvents} names the EventAdmin topics a store posts on every change.
 */
@Version("1.7.0")
package org.trackbench.core.queue;

import org.osgi.annotation.versioning.Version;
