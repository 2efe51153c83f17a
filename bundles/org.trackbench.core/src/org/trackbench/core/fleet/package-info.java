/**
 * The fleet: every client's latest health as the tracking server holds it. Each client reports its
 * {@link org.trackbench.core.fleet.ClientHealth} (latest wins, never queued); an admin lists them through
 * {@link org.trackbench.core.fleet.FleetService} with an admin token, kept apart from the users' tokens.
 */
@Version("1.0.0")
package org.trackbench.core.fleet;

import org.osgi.annotation.versioning.Version;
