/**
 * Plug-ins: features that add entity types (and their commands and views) to an installed Trackbench, installed
 * from a p2 repository with their dependencies, kept across restarts and uninstalled again, through
 * {@link org.trackbench.core.plugins.PluginInstaller}; and the product updated from its update site through
 * {@link org.trackbench.core.plugins.ProductUpdates}.
 */
@Version("1.0.0")
package org.trackbench.core.plugins;

import org.osgi.annotation.versioning.Version;
