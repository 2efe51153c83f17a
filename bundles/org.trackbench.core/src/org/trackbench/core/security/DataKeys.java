package org.trackbench.core.security;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The keys that encrypt data at rest, kept in secure storage. */
@ProviderType
public interface DataKeys {

    /** The key new data is encrypted with; created on first use. */
    DataKey current();

    /**
     * The key with {@code id}, empty when it is not held (lost or replaced): its data is then unreadable.
     *
     * @throws IllegalStateException when secure storage cannot be read (the key may be held): its data is kept and
     *         may be read again later
     */
    Optional<DataKey> byId(String id);
}
