package org.trackbench.security.internal;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.KeyGenerator;
import javax.crypto.spec.SecretKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.StorageException;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.trackbench.core.security.DataKey;
import org.trackbench.core.security.DataKeys;

/** AES-256 keys for data at rest, encrypted in secure storage; the first is created on first use. */
@Component
public final class SecureDataKeys implements DataKeys {

    private static final Logger LOG = LoggerFactory.getLogger(SecureDataKeys.class);
    private static final String CURRENT = "current";
    private static final String KEY = "key";

    private final SecureStorage storage;
    private final Map<String, DataKey> read = new ConcurrentHashMap<>();

    @Activate
    public SecureDataKeys(@Reference SecureStorage storage) {
        this.storage = storage;
    }

    @Override
    public synchronized DataKey current() {
        ISecurePreferences keys = storage.node("keys");
        try {
            String id = keys.get(CURRENT, null);
            if (id != null) {
                return byId(id).orElseThrow(() -> new IllegalStateException("the current data key " + id
                        + " cannot be read from secure storage"));
            }
            return create(keys);
        } catch (StorageException e) {
            throw new IllegalStateException(storage.unreadable(e), e);
        }
    }

    @Override
    public Optional<DataKey> byId(String id) {
        DataKey known = read.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            ISecurePreferences keys = storage.node("keys");
            if (!keys.nodeExists(id)) {
                return Optional.empty();
            }
            String encoded = keys.node(id).get(KEY, null);
            if (encoded == null) {
                return Optional.empty();
            }
            DataKey key = new DataKey(id, new SecretKeySpec(Base64.getDecoder().decode(encoded), "AES"));
            read.put(id, key);
            return Optional.of(key);
        } catch (StorageException e) {
            // Not "not held": the key may well be there. Saying it is gone would fail its data for good.
            throw new IllegalStateException("data key " + id + " cannot be read from secure storage: "
                    + storage.unreadable(e), e);
        }
    }

    private DataKey create(ISecurePreferences keys) throws StorageException {
        try {
            KeyGenerator generator = KeyGenerator.getInstance("AES");
            generator.init(256, new SecureRandom());
            byte[] idBytes = new byte[6];
            new SecureRandom().nextBytes(idBytes);
            DataKey key = new DataKey(HexFormat.of().formatHex(idBytes), generator.generateKey());
            keys.node(key.id()).put(KEY, Base64.getEncoder().encodeToString(key.key().getEncoded()), true);
            keys.put(CURRENT, key.id(), false);
            storage.save();
            read.put(key.id(), key);
            LOG.info("Created data key {} in secure storage", key.id());
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot generate AES-256 keys", e);
        }
    }
}
