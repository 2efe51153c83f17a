/**
 * Trackbench's settings as one service: the Configuration Admin values of every Trackbench component, described by
 * its Metatype, checked against that description before they are saved. The console's {@code trackbench:config}
 * and the workbench preferences edit the same store through it.
 */
@Version("2.0.0")
package org.trackbench.core.settings;

import org.osgi.annotation.versioning.Version;
