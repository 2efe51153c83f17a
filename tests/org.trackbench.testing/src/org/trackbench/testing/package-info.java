/** Helpers the OSGi test bundles share: configuring real services through Configuration Admin and waiting for them. */
package org.trackbench.testing;
