package org.trackbench.core.plugins;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Updates the product itself from a p2 repository, its update site (the one the build publishes, or a copy of it),
 * into the user's part of the installation. An update takes effect at the next start: whoever applies one restarts
 * Trackbench. The queue's data is not part of the installation; a newer queue migrates its schema at that start.
 * Each call blocks until p2 is done: call it off the UI thread.
 */
@ProviderType
public interface ProductUpdates {

    /**
     * The update site configured for this installation (setting {@code updateSite} of {@code org.trackbench.provisioning}),
     * as typed: what to check when none is given.
     */
    Optional<String> updateSite();

    /**
     * The newer versions {@code repository} offers of the product and the features it was installed with.
     *
     * @return the updates, by id; empty when the product is up to date
     * @throws ProvisioningException naming the repository when it cannot be read
     */
    List<Update> check(URI repository) throws ProvisioningException;

    /**
     * Installs every update {@link #check(URI)} finds, all or none.
     *
     * @return what was updated; empty when there was nothing to update
     * @throws ProvisioningException naming the repository and p2's reason; nothing was changed
     */
    List<Update> apply(URI repository) throws ProvisioningException;
}
