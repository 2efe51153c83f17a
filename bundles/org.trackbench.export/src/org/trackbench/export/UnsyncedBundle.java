package org.trackbench.export;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.trackbench.core.admin.AuditEntry;
import org.trackbench.core.admin.AuditQuery;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A queue's unsent items, screenshots included, in one passphrase-protected file, to carry them to another machine;
 * imported there, they keep their idempotency keys, so an item sent from both machines is applied once.
 *
 * <p>The file is a ZIP. {@code bundle.json} is in clear: the format and version, the key derivation (PBKDF2 with
 * HMAC-SHA256, its salt and iterations) and a sealed check value that tells a wrong passphrase at once. Every other
 * entry is sealed with AES-256-GCM under the derived key, with its own name as associated data:
 * {@code items/NNNNNN} hold the items as JSON Lines (entity type, idempotency key, payload, ordering group, whether
 * ordered, the blob's entry and media type), {@code blobs/NNNNNN} one blob each, and {@code audit.jsonl} the
 * audit trail's newest entries. The entry names and sizes show how many items and blobs there are and how large,
 * nothing of what they hold.
 */
public final class UnsyncedBundle {

    /** The file name extension the workbench and the console suggest. */
    public static final String EXTENSION = ".tbbundle";
    /** The shortest passphrase a bundle is written with. */
    public static final int MIN_PASSPHRASE = 12;

    static final String FORMAT = "trackbench-unsynced-bundle";
    static final int VERSION = 1;
    private static final String HEADER = "bundle.json";
    private static final String AUDIT = "audit.jsonl";
    private static final String CHECK = "trackbench";
    private static final int ITEMS_PER_ENTRY = 500;
    private static final int AUDIT_ENTRIES = 10_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnsyncedBundle() {
    }

    /**
     * Writes every unsent item of {@code store} (pending, in flight, failed, blocked) with its blob, and the newest
     * entries of {@code audit} when given, to {@code target}, which appears whole or not at all and is its owner's
     * only; returns how many items it holds. The queue is left as it is.
     *
     * @throws IllegalArgumentException for a passphrase shorter than {@value #MIN_PASSPHRASE} characters
     */
    public static long write(QueueStore store, AuditTrail audit, Path target, char[] passphrase) throws IOException {
        if (passphrase == null || passphrase.length < MIN_PASSPHRASE) {
            throw new IllegalArgumentException("the passphrase has " + (passphrase == null ? 0 : passphrase.length)
                    + " characters; expected at least " + MIN_PASSPHRASE);
        }
        byte[] salt = BundleCipher.newSalt();
        BundleCipher cipher = derive(passphrase, salt, BundleCipher.ITERATIONS, target);
        return WholeFile.write(target, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                put(zip, HEADER, header(cipher, salt));
                long written = writeItems(zip, store, cipher);
                if (audit != null) {
                    sealed(zip, cipher, AUDIT, auditLines(audit));
                }
                return written;
            } catch (GeneralSecurityException e) {
                throw new IOException("Cannot seal the bundle " + target + ": " + e, e);
            }
        });
    }

    /**
     * Opens {@code file} and checks all of it before anything is handed out: the passphrase, every item and every
     * blob. The caller queues {@link Contents#requests()} and then closes it.
     *
     * @throws IllegalArgumentException when the passphrase does not open it, or it is not a bundle or is damaged,
     *         saying which; nothing can have been imported then
     */
    public static Contents read(Path file, char[] passphrase) throws IOException {
        ZipFile zip;
        try {
            zip = new ZipFile(file.toFile());
        } catch (ZipException e) {
            throw new IllegalArgumentException(file + " is not a Trackbench bundle (not a ZIP file); nothing was"
                    + " imported", e);
        }
        try {
            JsonNode header = JSON.readTree(bytes(zip, HEADER, file));
            if (!FORMAT.equals(header.path("format").asText()) || header.path("version").asInt() != VERSION) {
                throw new IllegalArgumentException(file + " is not a Trackbench bundle of version " + VERSION
                        + "; nothing was imported");
            }
            BundleCipher cipher = derive(passphrase, Base64.getDecoder().decode(header.path("salt").asText()),
                    header.path("iterations").asInt(), file);
            try {
                cipher.open(Base64.getDecoder().decode(header.path("check").asText()), HEADER);
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("the passphrase does not open " + file + "; nothing was imported",
                        e);
            }
            List<EnqueueRequest> requests = readItems(zip, cipher, file);
            return new Contents(zip, requests);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
    }

    /** A checked bundle's items, ready to be queued; their blobs are read from the file, so close it after. */
    public static final class Contents implements AutoCloseable {

        private final ZipFile zip;
        private final List<EnqueueRequest> requests;

        private Contents(ZipFile zip, List<EnqueueRequest> requests) {
            this.zip = zip;
            this.requests = List.copyOf(requests);
        }

        /** The items in the order they were queued, each with its original idempotency key. */
        public List<EnqueueRequest> requests() {
            return requests;
        }

        @Override
        public void close() throws IOException {
            zip.close();
        }
    }

    private static long writeItems(ZipOutputStream zip, QueueStore store, BundleCipher cipher)
            throws IOException, GeneralSecurityException {
        QueueQuery query = QueueQuery.all(ITEMS_PER_ENTRY).withStatuses(ItemStatus.UNDELIVERED);
        long written = 0;
        for (int chunk = 1; ; chunk++) {
            QueuePage page = store.query(query);
            StringBuilder lines = new StringBuilder();
            for (QueueItem item : page.items()) {
                String blob = null;
                if (item.hasBlob()) {
                    blob = "blobs/" + String.format("%06d", written + 1);
                    try (InputStream in = store.openBlob(item.id())) {
                        sealed(zip, cipher, blob, in.readAllBytes());
                    }
                }
                lines.append(JSON.writeValueAsString(line(item, blob))).append('\n');
                written++;
            }
            if (!page.items().isEmpty()) {
                sealed(zip, cipher, "items/" + String.format("%06d", chunk),
                        lines.toString().getBytes(StandardCharsets.UTF_8));
            }
            if (page.next() == null) {
                return written;
            }
            query = query.after(page.next());
        }
    }

    private static ObjectNode line(QueueItem item, String blob) {
        ObjectNode line = JSON.createObjectNode();
        line.put("entityType", item.entityType());
        line.put("idempotencyKey", item.idempotencyKey().toString());
        line.put("payload", item.payload());
        line.put("orderingGroup", item.orderingGroup());
        line.put("ordered", item.ordered());
        line.put("createdAt", item.createdAt().toString());
        line.put("blob", blob);
        line.put("blobContentType", blob == null ? null : item.blobContentType());
        return line;
    }

    private static List<EnqueueRequest> readItems(ZipFile zip, BundleCipher cipher, Path file) throws IOException {
        List<EnqueueRequest> requests = new ArrayList<>();
        List<String> chunks = zip.stream().map(ZipEntry::getName).filter(name -> name.startsWith("items/")).sorted()
                .toList();
        for (String chunk : chunks) {
            for (String line : new String(opened(zip, cipher, chunk, file), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    requests.add(request(JSON.readTree(line), zip, cipher, file));
                }
            }
        }
        return requests;
    }

    private static EnqueueRequest request(JsonNode line, ZipFile zip, BundleCipher cipher, Path file) {
        EnqueueRequest request = EnqueueRequest.of(line.path("entityType").asText(), line.path("payload").asText())
                .withIdempotencyKey(UUID.fromString(line.path("idempotencyKey").asText()));
        if (line.hasNonNull("orderingGroup")) {
            request = request.inGroup(line.get("orderingGroup").asText(), line.path("ordered").asBoolean());
        }
        if (line.hasNonNull("blob")) {
            String blob = line.get("blob").asText();
            opened(zip, cipher, blob, file);
            request = request.withBlob(() -> new ByteArrayInputStream(opened(zip, cipher, blob, file)),
                    line.path("blobContentType").asText());
        }
        return request;
    }

    /** The entry opened and checked. @throws IllegalArgumentException naming the file when it is damaged */
    private static byte[] opened(ZipFile zip, BundleCipher cipher, String name, Path file) {
        try {
            return cipher.open(bytes(zip, name, file), name);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException(file + " is damaged: its entry " + name + " does not open; nothing was"
                    + " imported", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + name + " of " + file + ": " + e.getMessage(), e);
        }
    }

    private static byte[] bytes(ZipFile zip, String name, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(name);
        if (entry == null) {
            throw new IllegalArgumentException(file + " is damaged: its entry " + name + " is missing; nothing was"
                    + " imported");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static byte[] header(BundleCipher cipher, byte[] salt) throws IOException, GeneralSecurityException {
        ObjectNode header = JSON.createObjectNode();
        header.put("format", FORMAT);
        header.put("version", VERSION);
        header.put("createdAt", Instant.now().toString());
        header.put("kdf", BundleCipher.KDF);
        header.put("iterations", BundleCipher.ITERATIONS);
        header.put("salt", Base64.getEncoder().encodeToString(salt));
        header.put("cipher", BundleCipher.CIPHER);
        header.put("check", Base64.getEncoder().encodeToString(cipher.seal(CHECK.getBytes(StandardCharsets.UTF_8),
                HEADER)));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(header);
    }

    private static byte[] auditLines(AuditTrail audit) throws IOException {
        ByteArrayOutputStream lines = new ByteArrayOutputStream();
        for (AuditEntry entry : audit.entries(AuditQuery.latest(AUDIT_ENTRIES))) {
            ObjectNode line = JSON.createObjectNode();
            line.put("at", entry.at().toString());
            line.put("user", entry.user());
            line.put("origin", entry.origin());
            line.put("action", entry.action().label());
            line.put("items", entry.items());
            line.put("detail", entry.detail());
            lines.write(JSON.writeValueAsBytes(line));
            lines.write('\n');
        }
        return lines.toByteArray();
    }

    private static BundleCipher derive(char[] passphrase, byte[] salt, int iterations, Path file) {
        try {
            return BundleCipher.derive(passphrase, salt, iterations);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Cannot derive the key of " + file + ": " + e.getMessage(), e);
        }
    }

    private static void sealed(ZipOutputStream zip, BundleCipher cipher, String name, byte[] plain)
            throws IOException, GeneralSecurityException {
        put(zip, name, cipher.seal(plain, name));
    }

    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
