package org.trackbench.security.internal;

import java.net.URI;
import java.util.Optional;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.sync.TokenProvider;

/**
 * One access token per server URL, encrypted in secure storage and read at send time. Without a stored token,
 * the token handed over in the environment is used, for the server it names and no other ({@link EnvironmentToken});
 * it is never written anywhere. No token is ever logged.
 */
@Component
public final class SecureTokenProvider implements TokenProvider {

    private static final Logger LOG = LoggerFactory.getLogger(SecureTokenProvider.class);
    private static final String TOKEN = "token";

    private final SecureStorage storage;
    private final Optional<EnvironmentToken> environment;

    @Activate
    public SecureTokenProvider(@Reference SecureStorage storage) {
        this(storage, EnvironmentToken.from(System.getenv()));
    }

    SecureTokenProvider(SecureStorage storage, Optional<EnvironmentToken> environment) {
        this.storage = storage;
        this.environment = environment;
        environment.ifPresent(handedOver -> LOG.info("A token for {} was handed over in the environment", handedOver.server()));
    }

    @Override
    public Optional<String> token(URI server) {
        try {
            String stored = node(server).get(TOKEN, null);
            return stored != null ? Optional.of(stored) : fromEnvironment(server);
        } catch (StorageException e) {
            LOG.warn("No token for {}: {}", server, storage.unreadable(e));
            return fromEnvironment(server);
        }
    }

    private Optional<String> fromEnvironment(URI server) {
        return environment.flatMap(handedOver -> handedOver.tokenFor(server));
    }

    @Override
    public void setToken(URI server, String token) {
        ISecurePreferences node = node(server);
        if (token == null || token.isBlank()) {
            node.removeNode();
            LOG.info("Token for {} removed", server);
        } else {
            try {
                node.put(TOKEN, token.strip(), true);
            } catch (StorageException e) {
                throw new IllegalStateException(storage.unreadable(e), e);
            }
            LOG.info("Token for {} stored", server);
        }
        storage.save();
    }

    /** One node per server: {@code https://host/} and {@code https://host} are the same server and share a token. */
    private ISecurePreferences node(URI server) {
        String url = server.toString();
        String withoutSlash = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return storage.node("tokens/" + EncodingUtils.encodeSlashes(withoutSlash));
    }
}
