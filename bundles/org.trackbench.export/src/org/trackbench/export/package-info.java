/**
 * Queue items written out for people and tools: {@link org.trackbench.export.ItemExport} writes the items a
 * query selects (or a given list) to a file as JSON Lines, a JSON array or CSV, streaming and all-or-nothing;
 * {@link org.trackbench.export.Redaction} hides secret-looking payload fields wherever a payload is shown or
 * exported. The console's {@code export} and the workbench's Export… share it.
 */
@Version("1.1.0")
package org.trackbench.export;

import org.osgi.annotation.versioning.Version;
