package org.trackbench.sync.internal;

import java.io.IOException;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.UUID;

import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This installation's stable id in the fleet, created at its first start and kept with its settings under a PID of
 * its own ({@value #PID}): no settings form writes it, so no form saved at the same moment can lose it. It names the
 * installation, not the person, and is never derived from the machine; a copied machine image gets a new one when its
 * {@code org/trackbench/client.config} is deleted.
 */
final class ClientIdentity {

    static final String PID = "org.trackbench.client";
    static final String CLIENT_ID = "clientId";
    private static final Logger LOG = LoggerFactory.getLogger(ClientIdentity.class);
    /** Binds the configuration to whichever bundle asks for the PID, as the settings service does. */
    private static final String ANY_LOCATION = "?";

    private ClientIdentity() {
    }

    /** The saved id, else a new one saved now (and used for this run even if saving fails). */
    static String ensure(ConfigurationAdmin configurations) {
        try {
            Configuration configuration = configurations.getConfiguration(PID, ANY_LOCATION);
            Dictionary<String, Object> properties = configuration.getProperties();
            Object saved = properties == null ? null : properties.get(CLIENT_ID);
            if (saved instanceof String id && !id.isBlank()) {
                return id;
            }
            String created = UUID.randomUUID().toString();
            Dictionary<String, Object> updated = new Hashtable<>();
            updated.put(CLIENT_ID, created);
            configuration.update(updated);
            LOG.info("This installation's client id is {}", created);
            return created;
        } catch (IOException e) {
            String unsaved = UUID.randomUUID().toString();
            LOG.warn("Cannot keep a client id ({}); this run reports as {}", e.getMessage(), unsaved);
            return unsaved;
        }
    }
}
