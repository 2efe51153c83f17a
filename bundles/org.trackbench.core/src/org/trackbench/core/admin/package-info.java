/**
 * What an admin does to the queue and around it, and the audit trail that records it.
 * {@link org.trackbench.core.admin.QueueAdmin} changes the queue and records each change in the same transaction;
 * {@link org.trackbench.core.admin.AuditTrail} records the actions outside the queue and reads the trail. Both are
 * bundle-scoped services: each bundle that uses one is recorded as where the action came from, so no bundle acts
 * in another's name.
 */
@Version("1.1.0")
package org.trackbench.core.admin;

import org.osgi.annotation.versioning.Version;
