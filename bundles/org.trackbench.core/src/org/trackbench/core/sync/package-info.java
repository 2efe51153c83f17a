/**
 * Delivering the queue: {@link org.trackbench.core.sync.SyncService} controls the background sync and
 * reports its {@link org.trackbench.core.sync.SyncStatus}; {@link org.trackbench.core.sync.TokenProvider}
 * hands it the access token at send time, so no credential is ever stored with the queued items.
 */
@Version("1.3.0")
package org.trackbench.core.sync;

import org.osgi.annotation.versioning.Version;
