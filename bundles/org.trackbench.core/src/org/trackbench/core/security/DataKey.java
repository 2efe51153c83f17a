package org.trackbench.core.security;

import java.util.Objects;

import javax.crypto.SecretKey;

/**
 * A symmetric key for data at rest.
 *
 * @param id a short name stored with the data it encrypts; it says nothing about the key's bits
 * @param key the AES key
 */
public record DataKey(String id, SecretKey key) {

    public DataKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
        return "DataKey[" + id + "]";
    }
}
