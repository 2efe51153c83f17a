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
 * This installation's stable id in the fleet: kept with the sync's settings, created there at the first start. It
 * names the installation, not the person, and is never derived from the machine, so a copied image can be given a
 * new one by emptying the setting.
 */
final class ClientIdentity {

    static final String PID = "org.trackbench.sync";
    static final String CLIENT_ID = "clientId";
    private static final Logger LOG = LoggerFactory.getLogger(ClientIdentity.class);
    /** Binds the configuration to whichever bundle registers the PID, as the settings service does. */
    private static final String ANY_LOCATION = "?";

    private ClientIdentity() {
    }

    /** {@code configured} if set, else a new id saved with the settings (used for this run even if saving fails). */
    static String ensure(String configured, ConfigurationAdmin configurations) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        String created = UUID.randomUUID().toString();
        try {
            Configuration configuration = configurations.getConfiguration(PID, ANY_LOCATION);
            Dictionary<String, Object> properties = configuration.getProperties();
            Dictionary<String, Object> updated = properties == null ? new Hashtable<>() : properties;
            updated.put(CLIENT_ID, created);
            configuration.update(updated);
            LOG.info("This installation's client id is {}", created);
        } catch (IOException e) {
            LOG.warn("Cannot save the new client id {}; the next start creates another: {}", created, e.getMessage());
        }
        return created;
    }
}
