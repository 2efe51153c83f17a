package org.trackbench.queue.derby.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the queue database lives when the configuration does not say. */
final class DatabaseLocation {

    private static final String RELATIVE = "queue";

    private DatabaseLocation() {
    }

    static Path defaultDirectory(String instanceArea) {
        if (instanceArea != null && instanceArea.startsWith("file:")) {
            try {
                return Path.of(new URI(instanceArea.replace(" ", "%20"))).resolve(RELATIVE);
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Equinox writes instance areas as plain file: URLs; an odd one is read as a path.
                return Path.of(instanceArea.substring("file:".length())).resolve(RELATIVE);
            }
        }
        return Path.of(System.getProperty("user.home"), ".trackbench", "queue");
    }
}
