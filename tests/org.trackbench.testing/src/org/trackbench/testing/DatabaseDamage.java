package org.trackbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.CRC32;

/** Garbage written over a Derby database beyond what its log can repair, and checksums to prove it was left alone. */
public final class DatabaseDamage {

    private DatabaseDamage() {
    }

    /** Overwrites the data files and the log's control files; Derby repairs damaged pages from an intact log. */
    public static void garble(Path database) throws IOException {
        List<Path> files = new ArrayList<>(List.of(database.resolve("log/log.ctrl"), database.resolve("log/logmirror.ctrl")));
        try (Stream<Path> data = Files.list(database.resolve("seg0"))) {
            data.filter(file -> file.getFileName().toString().endsWith(".dat")).forEach(files::add);
        }
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (i * 31 + 7);
            }
            Files.write(file, bytes);
        }
    }

    /**
     * Checksums of the database's files; Derby's lock files hold no data and come and go with each boot attempt, so
     * one vanishing while the directory is walked means walking it again.
     */
    public static Map<String, Long> checksums(Path database) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return checksumsOnce(database);
            } catch (UncheckedIOException e) {
                if (!(e.getCause() instanceof NoSuchFileException) || attempt == 5) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, Long> checksumsOnce(Path database) throws IOException {
        Map<String, Long> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(database)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().endsWith(".lck")).toList()) {
                CRC32 crc = new CRC32();
                crc.update(Files.readAllBytes(file));
                sums.put(database.relativize(file).toString(), crc.getValue());
            }
        }
        return sums;
    }
}
