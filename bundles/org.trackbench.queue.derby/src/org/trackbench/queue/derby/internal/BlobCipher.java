package org.trackbench.queue.derby.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.UnreadableItemException;
import org.trackbench.core.security.DataKey;
import org.trackbench.core.security.DataKeys;

/**
 * Encrypts blobs at rest with AES-GCM: the current data key, a fresh random 96-bit nonce per blob, and the
 * item's id as associated data, so a blob copied onto another row does not decrypt. The key stays in secure
 * storage; the row keeps the key's id and the nonce.
 */
final class BlobCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final SecureRandom random = new SecureRandom();

    BlobCipher(DataKeys keys) {
        this.keys = keys;
    }

    /** How one blob is sealed: the key's id and the nonce to store beside it, and the cipher that encrypts it. */
    record Sealing(String keyId, String nonce, Cipher cipher) {
    }

    Sealing seal(long itemId) {
        DataKey key = keys.current();
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        return new Sealing(key.id(), Base64.getEncoder().encodeToString(nonce),
                cipher(Cipher.ENCRYPT_MODE, key, nonce, itemId));
    }

    /**
     * Decrypts and checks a stored blob whole. (JDK 17's {@code CipherInputStream} reallocates everything it has
     * buffered on each read when decrypting AES-GCM, which made a 50 MB blob take minutes; GCM releases no
     * plaintext before the tag is checked anyway.)
     *
     * @throws UnreadableItemException when secure storage does not hold the blob's key, or the blob fails its
     *         integrity check
     * @throws QueueException when secure storage cannot be read now: the blob may well be readable later
     */
    byte[] open(long itemId, String keyId, String nonce, byte[] ciphertext) {
        Optional<DataKey> held;
        try {
            held = keys.byId(keyId);
        } catch (IllegalStateException e) {
            throw new QueueException("Cannot read the blob of item " + itemId + " now: " + e.getMessage()
                    + "; the item is kept as it is", e);
        }
        DataKey key = held.orElseThrow(() -> new UnreadableItemException("the blob of item " + itemId
                + " is encrypted with data key " + keyId + ", which secure storage does not hold (was it replaced?);"
                + " the item is kept and becomes readable when that key is restored"));
        try {
            return cipher(Cipher.DECRYPT_MODE, key, Base64.getDecoder().decode(nonce), itemId).doFinal(ciphertext);
        } catch (AEADBadTagException e) {
            throw new UnreadableItemException("the blob of item " + itemId + " fails its integrity check (damaged or"
                    + " altered on disk); the item is kept for an admin to inspect or delete");
        } catch (GeneralSecurityException e) {
            throw new QueueException("Cannot decrypt the blob of item " + itemId + ": " + e.getMessage(), e);
        }
    }

    private static Cipher cipher(int mode, DataKey key, byte[] nonce, long itemId) {
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(mode, key.key(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(("trackbench-blob:" + itemId).getBytes(StandardCharsets.US_ASCII));
            return cipher;
        } catch (GeneralSecurityException e) {
            throw new QueueException("AES-GCM is not available for blob encryption: " + e.getMessage(), e);
        }
    }
}
