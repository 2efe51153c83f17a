package org.trackbench.core.sync;

import java.net.URI;
import java.util.Optional;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Keeps the access token for a server. The sync service reads it at send time only; it is never written
 * into the queue, a log line, a view, an export or an exception message.
 */
@ConsumerType
public interface TokenProvider {

    /** The token for {@code server}, if one is set. */
    Optional<String> token(URI server);

    /** Sets (or, with {@code null}, clears) the token for {@code server}. */
    void setToken(URI server, String token);
}
