/**
 * Keys for data at rest. The queue encrypts what it must not keep in clear (screenshots) with a
 * {@link org.trackbench.core.security.DataKey} from {@link org.trackbench.core.security.DataKeys}, and stores the
 * key's id beside the data, so data whose key is gone is recognised as unreadable rather than mistaken for
 * garbage. The keys themselves live in Equinox secure storage, never in the queue.
 */
@Version("1.0.0")
package org.trackbench.core.security;

import org.osgi.annotation.versioning.Version;
