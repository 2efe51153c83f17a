package org.trackbench.core.plugins;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Installs plug-in features into this installation, the user's own part of it, the way Eclipse products are
 * extended: from a p2 repository (a folder or an http(s) URL), with the bundles they need that the installation
 * lacks, kept across restarts. Installing starts the plug-in's bundles, uninstalling stops and removes them; items of
 * a type whose plug-in is gone wait in the queue until one handles it again. Each call blocks until p2 is done (a
 * download may take a while): call it off the UI thread.
 */
@ProviderType
public interface PluginInstaller {

    /**
     * A repository as a person names it: an {@code http}, {@code https} or {@code file} URL, or a folder path.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    static URI repository(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("no repository given; expected a folder or an http(s) URL of a p2"
                    + " repository");
        }
        if (trimmed.matches("(?i)[a-z][a-z0-9+.-]+:.*")) {
            try {
                URI uri = new URI(trimmed);
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                if (List.of("http", "https", "file").contains(scheme)) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("repository '" + text + "' is not a valid URL: " + e.getReason(),
                        e);
            }
            throw new IllegalArgumentException("repository '" + text + "' is neither a folder nor an http, https or"
                    + " file URL");
        }
        return Path.of(trimmed).toAbsolutePath().normalize().toUri();
    }

    /** The plug-ins installed here through this service, by id. */
    List<Plugin> installed();

    /**
     * The features {@code repository} offers, the newest version of each, by id.
     *
     * @throws ProvisioningException naming the repository when it cannot be read
     */
    List<Plugin> available(URI repository) throws ProvisioningException;

    /**
     * Installs the newest version of feature {@code id} that {@code repository} offers, and what it requires that the
     * installation lacks, from that repository; then starts its bundles.
     *
     * @return what was installed
     * @throws ProvisioningException naming the feature and the repository, with p2's reason (not found, a requirement no
     *             bundle meets, a download or signature failure); nothing was installed
     */
    Plugin install(URI repository, String id) throws ProvisioningException;

    /**
     * Uninstalls plug-in {@code id}, stopping and removing its bundles and what only it needed.
     *
     * @return what was uninstalled
     * @throws ProvisioningException when no plug-in of that id was installed through this service (the product's own
     *             features cannot be uninstalled), or p2 could not remove it; nothing was changed
     */
    Plugin uninstall(String id) throws ProvisioningException;
}
