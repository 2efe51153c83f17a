package org.trackbench.server.internal;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The server's validated settings.
 *
 * @param host address to listen on
 * @param port TCP port, 0 for any free one
 * @param token the bearer token clients must present
 * @param dataDirectory where applied items are journaled, {@code null} to keep them in memory only
 * @param maxBodyBytes larger bodies are answered 413
 * @param faultSeed seed of the fault decisions
 * @param keyStore PKCS#12 file with the TLS key and certificate, {@code null} for plain HTTP
 * @param keyStorePassword the key store's password, {@code null} without a key store
 * @param adminToken the bearer token of the admin API ({@code /api/v1/admin/}), {@code null} to serve it to no one
 */
record ServerOptions(String host, int port, String token, Path dataDirectory, long maxBodyBytes, long faultSeed,
        Path keyStore, String keyStorePassword, String adminToken) {

    static final int DEFAULT_PORT = 8470;
    static final long DEFAULT_MAX_BODY_BYTES = 25L * 1024 * 1024;

    ServerOptions {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range; expected 0 to 65535");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("token is empty; the server needs the bearer token clients must send");
        }
        if (adminToken != null && (adminToken.isBlank() || adminToken.equals(token))) {
            throw new IllegalArgumentException("the admin token is empty or the users' token; expected a token of its own,"
                    + " or none to keep the admin API closed");
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is out of range; expected at least 1");
        }
    }

    static ServerOptions from(ServerConfig config) {
        String directory = config.dataDirectory().trim();
        String keyStore = config.keyStore().trim();
        return new ServerOptions(config.host(), config.port(), config.token(),
                directory.isEmpty() ? null : Path.of(directory), config.maxBodyBytes(), config.faultSeed(),
                keyStore.isEmpty() ? null : Path.of(keyStore), keyStore.isEmpty() ? null : config.keyStorePassword(),
                config.adminToken().isBlank() ? null : config.adminToken());
    }
}
