package org.trackbench.system.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.trackbench.testing.product.GogoConsole;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * An admin at the console between the crashes: retries the failed items, deletes failed screenshots, purges sent
 * items, changes a sync setting. Every record an action takes out of the queue is read first (an export), so the
 * final count can tell an item an admin removed from one the product lost.
 */
final class QueueAdmin {

    private static final Pattern OPEN_ENTRY = Pattern.compile("\\(entry ([0-9a-f-]{36})\\)");

    private final Random random;
    private final Path exports;
    private final ObjectMapper json = new ObjectMapper();
    /** Each record seen before an action could remove it, by idempotency key. */
    private final Map<String, JsonNode> seen = new HashMap<>();
    private final Map<String, Integer> performed = new TreeMap<>();
    private int exportCount;

    QueueAdmin(Random random, Path exports) {
        this.random = random;
        this.exports = exports;
    }

    /** One action, chosen at random. */
    void act(GogoConsole console) {
        switch (random.nextInt(4)) {
            case 0 -> count("retry failed", console.run("trackbench:retry --failed"));
            case 1 -> deleteFailedScreenshots(console);
            case 2 -> purgeSent(console);
            default -> count("settings change", console.run("trackbench:config org.trackbench.sync concurrency "
                    + (1 + random.nextInt(4))));
        }
    }

    /** Records read before they could be removed: with the final export, all the product ever held. */
    Collection<JsonNode> seen() {
        return List.copyOf(seen.values());
    }

    /** How many of each action were performed, e.g. {@code {delete failed=3, purge sent=5, …}}. */
    Map<String, Integer> performed() {
        return Map.copyOf(performed);
    }

    /**
     * Deletes the failed screenshots by id: exactly those read. (A failed time-entry event is retried, not deleted:
     * its entry's later events wait for it, and without it the server would refuse them.)
     */
    private void deleteFailedScreenshots(GogoConsole console) {
        Matcher open = OPEN_ENTRY.matcher(console.run("trackbench:status"));
        String held = open.find() ? open.group(1) : "";
        // The open entry's items are held against deletion: the product would refuse the whole command.
        List<JsonNode> failed = export(console, "-s failed -t screenshot").stream()
                .filter(item -> !held.equals(item.get("orderingGroup").asText())).toList();
        if (failed.isEmpty()) {
            return;
        }
        String ids = failed.stream().map(item -> item.get("id").asText()).collect(Collectors.joining(" "));
        count("delete failed", console.run("trackbench:delete " + ids));
    }

    /**
     * Purges sent items older than the export that read them, plus a margin: an item sent after the export is never
     * old enough to go.
     */
    private void purgeSent(GogoConsole console) {
        long exportedAt = System.nanoTime();
        export(console, "-s sent");
        long age = (System.nanoTime() - exportedAt) / 1_000_000_000L + 2;
        count("purge sent", console.run("trackbench:purge " + age + "s"));
    }

    private List<JsonNode> export(GogoConsole console, String filters) {
        Path file = exports.resolve("admin-" + ++exportCount + ".jsonl");
        String answer = console.run("trackbench:export " + filters + " " + file);
        if (!answer.startsWith("Exported")) {
            throw new IllegalStateException("the export before an admin action failed: " + answer);
        }
        try {
            List<JsonNode> items = Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(this::parse).toList();
            items.forEach(item -> seen.put(item.get("idempotencyKey").asText(), item));
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void count(String action, String answer) {
        if (answer.startsWith("error")) {
            throw new IllegalStateException(action + " failed: " + answer);
        }
        performed.merge(action, 1, Integer::sum);
    }

    private JsonNode parse(String line) {
        try {
            return json.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
