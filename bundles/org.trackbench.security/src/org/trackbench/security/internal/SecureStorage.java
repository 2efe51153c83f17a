package org.trackbench.security.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trackbench's Equinox secure storage: a file whose values are encrypted with a password derived from a
 * random master key. Without a desktop keyring the master key is a file beside it, readable by its owner only
 * (0600, the directory 0700), as with an SSH key: a copy of the queue, the logs or an export holds no secret,
 * but the user's own account can read both. Configuration PID {@code org.trackbench.security}.
 */
@Component(service = SecureStorage.class, configurationPid = "org.trackbench.security")
@Designate(ocd = SecureStorageConfig.class)
public final class SecureStorage {

    private static final Logger LOG = LoggerFactory.getLogger(SecureStorage.class);
    private static final String MASTER_KEY = "master.key";
    private static final String STORAGE = "secure_storage";
    private static final int FINGERPRINT_BYTES = 6;

    private final Path directory;
    private final ISecurePreferences root;
    private final Path file;

    @Activate
    public SecureStorage(BundleContext context, SecureStorageConfig config) {
        this(location(config.storageDirectory(), context.getProperty("osgi.instance.area")));
    }

    SecureStorage(Path directory) {
        this.directory = directory;
        try {
            OwnerOnly.createDirectories(directory);
            char[] password = MasterKeyFile.readOrCreate(directory.resolve(MASTER_KEY));
            this.file = directory.resolve(STORAGE + "-" + fingerprint(password));
            this.root = SecurePreferencesFactory.open(file.toUri().toURL(),
                    Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec(password), IProviderHints.PROMPT_USER, Boolean.FALSE));
            reportOthers(file);
        } catch (IOException e) {
            throw new UncheckedIOException("secure storage at " + directory + " cannot be opened: " + e.getMessage(), e);
        }
        LOG.info("Secure storage at {}", directory);
    }

    /**
     * Names the storage file after the master key, so a replaced key opens a new, empty storage and leaves the one
     * it cannot read untouched beside it, for the day the old key is put back.
     */
    private static String fingerprint(char[] password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(new String(password).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(digest, 0, FINGERPRINT_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }

    private void reportOthers(Path current) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> others = files.filter(file -> file.getFileName().toString().startsWith(STORAGE + "-"))
                    .filter(file -> !file.equals(current)).toList();
            if (!others.isEmpty()) {
                LOG.warn("Secure storage {} belongs to another master key and stays untouched: tokens and data keys"
                        + " kept there are unreadable until that key is back in {}", others, directory.resolve(MASTER_KEY));
            }
        }
    }

    /** The node at {@code path} (e.g. {@code tokens}), created when missing. */
    ISecurePreferences node(String path) {
        return root.node("org.trackbench/" + path);
    }

    /**
     * Writes what was put to disk and forces it there: a data key must be durable before a blob that uses it is
     * committed (Derby forces that blob). Values put with {@code encrypt} are stored encrypted.
     */
    void save() {
        try {
            root.flush();
            if (Files.exists(file)) {
                try (FileChannel written = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    written.force(true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("secure storage at " + directory + " cannot be written: " + e.getMessage(), e);
        }
    }

    /** Why a value cannot be decrypted, for a log line or a status: never the value itself. */
    String unreadable(StorageException e) {
        return "secure storage at " + directory + " cannot be read (" + e.getMessage() + ")";
    }

    static Path location(String configured, String instanceArea) {
        if (!configured.isBlank()) {
            return Path.of(configured.strip());
        }
        if (instanceArea != null && instanceArea.startsWith("file:")) {
            try {
                return Path.of(new URI(instanceArea.replace(" ", "%20"))).resolve("secure");
            } catch (URISyntaxException | IllegalArgumentException e) {
                return Path.of(instanceArea.substring("file:".length())).resolve("secure");
            }
        }
        return Path.of(System.getProperty("user.home"), ".trackbench", "secure");
    }
}
