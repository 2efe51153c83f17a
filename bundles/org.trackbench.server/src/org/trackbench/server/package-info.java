/**
 * The reference tracking server: a real HTTP server implementing Trackbench's server API v1
 * ({@code docs/api/openapi.yaml}) with fault injection, for demos, development and tests. Configure PID
 * {@code org.trackbench.server} to start it inside a framework, or run {@code ./trackbench server}.
 */
@Version("1.0.0")
package org.trackbench.server;

import org.osgi.annotation.versioning.Version;
