package org.trackbench.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Finds the files under a directory whose bytes contain a given sequence: how tests look for leaked secrets. */
public final class ByteScan {

    private ByteScan() {
    }

    /** The regular files under {@code root} (or {@code root} itself) that contain {@code needle}. */
    public static List<Path> filesContaining(Path root, byte[] needle) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(read(file), needle)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan " + root, e);
        }
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int start = 0; start <= haystack.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (haystack[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
