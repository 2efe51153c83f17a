package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.AttemptOutcome;
import org.trackbench.core.queue.BlobSource;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.QueueStoreFixture;

/**
 * The real queue driven through long random sequences (enqueue of ordered and unordered members with and without
 * blobs, claims, sent / retry / failed outcomes, admin retry / delete / purge, restarts after what an enqueue killed
 * between its file steps leaves), each step checked against a small reference model: no item lost or added, none
 * handed out twice or out of order, {@code blocked} exactly when the model says, counts equal, a blob file for each
 * unsent item with a blob and no other, each blob read back whole after a restart. Seeded: a failure names its seed, and the shortest sequence of its steps that still
 * fails (found by replaying ever smaller subsets on a fresh store: each step's choices are drawn up front and apply
 * to whatever state the replay is in). Steps per run: {@code -Dtrackbench.model.steps} (2,000 by default;
 * docs/reliability.md has the long run), seed: {@code -Dtrackbench.model.seed} (anything but a number: a new one).
 */
class QueueModelTest {

    private static final int STEPS = Integer.getInteger("trackbench.model.steps", 2_000);
    private static final long SEED = Long.getLong("trackbench.model.seed", System.nanoTime());
    private static final Duration LEASE = Duration.ofHours(1);
    private static final int GROUPS = 4;
    private static final int SHOWN_STEPS = 40;
    /** Replays the shrinking may spend: each opens a fresh store. */
    private static final int SHRINK_REPLAYS = 200;

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Map<Long, Modelled> model = new TreeMap<>();
    private final Deque<String> notes = new ArrayDeque<>();
    private final List<String> groups = new ArrayList<>();
    private Path directory;
    private QueueStore store;

    /** One step's choices, drawn up front: which action, and numbers that pick its target and variant. */
    private record Step(int dice, int a, int b, int c, int d) {

        static Step draw(Random random) {
            return new Step(random.nextInt(100), random.nextInt(Integer.MAX_VALUE), random.nextInt(Integer.MAX_VALUE),
                    random.nextInt(Integer.MAX_VALUE), random.nextInt(Integer.MAX_VALUE));
        }
    }

    /** A failed run: at which step, why, and the notes of the steps that led there. */
    private record Failure(int step, Throwable cause, List<String> notes) {
    }

    /** What the model knows of an item. */
    private static final class Modelled {
        final String group;
        final boolean ordered;
        final byte[] blob;
        ItemStatus status;
        int attempts;
        boolean dueNow = true;

        Modelled(String group, boolean ordered, byte[] blob, ItemStatus status) {
            this.group = group;
            this.ordered = ordered;
            this.blob = blob;
            this.status = status;
        }
    }

    @Test
    void randomSequencesKeepEveryPromise() {
        Random random = new Random(SEED);
        List<Step> steps = new ArrayList<>(STEPS);
        for (int i = 0; i < STEPS; i++) {
            steps.add(Step.draw(random));
        }
        Failure failure = run(steps);
        if (failure == null) {
            return;
        }
        List<Step> shortest = shrink(steps.subList(0, failure.step() + 1));
        Failure shown = run(shortest);
        if (shown == null) {
            shown = failure;
        }
        throw new AssertionError("seed " + SEED + " (-Dtrackbench.model.seed=" + SEED + "), step " + failure.step()
                + "; the shortest sequence found that fails (" + shortest.size() + " of " + (failure.step() + 1)
                + " steps), its last ones:\n  " + String.join("\n  ", shown.notes()), shown.cause());
    }

    /** Runs the steps on a fresh store; the first failure, or {@code null}. */
    private Failure run(List<Step> steps) {
        model.clear();
        notes.clear();
        groups.clear();
        for (int i = 0; i < GROUPS; i++) {
            groups.add(UUID.randomUUID().toString());
        }
        directory = fixture.newDirectory("model");
        store = fixture.configure(directory, 1024 * 1024);
        for (int i = 0; i < steps.size(); i++) {
            try {
                act(steps.get(i));
                check();
            } catch (AssertionError | RuntimeException e) {
                return new Failure(i, e, List.copyOf(notes));
            }
        }
        return null;
    }

    /**
     * Delta debugging: drops ever smaller chunks of steps as long as the rest still fails, within
     * {@link #SHRINK_REPLAYS} replays.
     */
    private List<Step> shrink(List<Step> failing) {
        List<Step> current = new ArrayList<>(failing);
        int replays = 0;
        for (int chunk = current.size() / 2; chunk >= 1 && replays < SHRINK_REPLAYS; chunk /= 2) {
            for (int start = 0; start + chunk <= current.size() && replays < SHRINK_REPLAYS;) {
                List<Step> candidate = new ArrayList<>(current.subList(0, start));
                candidate.addAll(current.subList(start + chunk, current.size()));
                replays++;
                Failure failure = candidate.isEmpty() ? null : run(candidate);
                if (failure != null) {
                    current = new ArrayList<>(candidate.subList(0, failure.step() + 1));
                } else {
                    start += chunk;
                }
            }
        }
        return current;
    }

    private void act(Step step) {
        int dice = step.dice();
        if (dice < 35) {
            enqueue(step);
        } else if (dice < 55) {
            claim(1 + step.a() % 4);
        } else if (dice < 85) {
            outcome(step);
        } else if (dice < 90) {
            adminRetry(step);
        } else if (dice < 94) {
            adminDelete(step);
        } else if (dice < 97) {
            purge();
        } else if (dice < 98) {
            restart(step);
        } else {
            groups.set(step.a() % GROUPS, UUID.randomUUID().toString());
            note("a new time entry");
        }
    }

    private void enqueue(Step step) {
        boolean grouped = step.a() % 5 > 0;
        String group = grouped ? groups.get(step.b() % GROUPS) : null;
        boolean ordered = grouped && step.c() % 3 > 0;
        EnqueueRequest request = EnqueueRequest.of("model", "{\"n\":" + model.size() + "}");
        if (grouped) {
            request = request.inGroup(group, ordered);
        }
        byte[] blob = null;
        if (step.d() % 4 == 0) {
            blob = new byte[1 + step.d() / 4 % 2048];
            new Random(step.d()).nextBytes(blob);
            request = request.withBlob(BlobSource.of(blob), "image/png");
        }
        QueueItem item = store.enqueue(request);
        ItemStatus expected = heldByFailure(group, item.id()) ? ItemStatus.BLOCKED : ItemStatus.PENDING;
        Modelled modelled = new Modelled(group, ordered, blob, expected);
        model.put(item.id(), modelled);
        note("enqueue " + item.id() + (grouped ? " in " + shortName(group) + (ordered ? " ordered" : "") : "")
                + (request.blob() != null ? " with a blob" : "") + " -> " + modelled.status.label());
        assertEquals(modelled.status, item.status(), "the status enqueue returned");
    }

    private void claim(int max) {
        List<Long> expected = model.entrySet().stream().filter(entry -> claimable(entry.getKey(), entry.getValue()))
                .map(Map.Entry::getKey).limit(max).toList();
        List<Long> claimed = store.claim(max, LEASE).stream().map(QueueItem::id).toList();
        note("claim " + max + " -> " + claimed);
        assertEquals(expected, claimed, "the oldest claimable items, nothing held, nothing twice");
        claimed.forEach(id -> model.get(id).status = ItemStatus.IN_FLIGHT);
    }

    private void outcome(Step step) {
        List<Long> inFlight = withStatus(ItemStatus.IN_FLIGHT);
        if (inFlight.isEmpty()) {
            return;
        }
        long id = inFlight.get(step.a() % inFlight.size());
        Modelled item = model.get(id);
        int kind = step.b() % 10;
        if (kind < 6) {
            store.markSent(id);
            item.status = ItemStatus.SENT;
            note("sent " + id);
        } else if (kind < 9) {
            boolean later = step.c() % 2 == 0;
            boolean counts = step.d() % 2 == 0;
            Instant at = later ? Instant.now().plus(Duration.ofHours(1)) : Instant.now().minusMillis(1);
            store.reschedule(id, new AttemptOutcome(at, "HTTP 503", counts));
            item.status = ItemStatus.PENDING;
            item.dueNow = !later;
            item.attempts += counts ? 1 : 0;
            note("retry " + id + (later ? " in an hour" : " now") + (counts ? ", counted" : ""));
        } else {
            store.markFailed(id, "HTTP 422: model");
            item.status = ItemStatus.FAILED;
            item.attempts++;
            if (item.ordered) {
                model.forEach((other, modelled) -> {
                    if (other > id && item.group.equals(modelled.group) && modelled.status == ItemStatus.PENDING) {
                        modelled.status = ItemStatus.BLOCKED;
                    }
                });
            }
            note("failed " + id);
        }
    }

    private void adminRetry(Step step) {
        List<Long> waiting = model.entrySet().stream().filter(entry -> entry.getValue().status == ItemStatus.FAILED
                || entry.getValue().status == ItemStatus.BLOCKED).map(Map.Entry::getKey).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<Long> chosen = List.of(waiting.get(step.a() % waiting.size()));
        store.retry(chosen);
        for (long id : chosen) {
            Modelled item = model.get(id);
            item.status = ItemStatus.PENDING;
            item.attempts = 0;
            item.dueNow = true;
        }
        recompute();
        note("admin retries " + chosen);
    }

    private void adminDelete(Step step) {
        List<Long> deletable = model.entrySet().stream().filter(entry -> entry.getValue().status != ItemStatus.IN_FLIGHT)
                .map(Map.Entry::getKey).toList();
        if (deletable.isEmpty()) {
            return;
        }
        long id = deletable.get(step.a() % deletable.size());
        assertEquals(1, store.delete(List.of(id)));
        model.remove(id);
        recompute();
        note("admin deletes " + id);
    }

    private void purge() {
        sleepAMillisecond();
        int purged = store.purgeSent(Duration.ZERO);
        List<Long> sent = withStatus(ItemStatus.SENT);
        sent.forEach(model::remove);
        note("purge sent -> " + purged);
        assertEquals(sent.size(), purged, "every sent item is purged, nothing else");
    }

    /**
     * Restarts the store after an enqueue was killed between two of its file steps: a temporary file, or a renamed
     * file whose row was never committed, for ids the store has not handed out.
     */
    private void restart(Step step) {
        long unused = store.query(QueueQuery.all(1).sortedBy(QueueQuery.SortKey.ID, true)).items().stream()
                .mapToLong(QueueItem::id).findFirst().orElse(0) + 1 + step.b() % 3;
        String left = unused + (step.c() % 2 == 0 ? ".tmp" : ".blob");
        write(blobs().resolve(left), new byte[1 + step.d() % 512]);
        store = fixture.configure(directory, 1024 * 1024);
        model.values().stream().filter(item -> item.status == ItemStatus.IN_FLIGHT)
                .forEach(item -> item.status = ItemStatus.PENDING);
        model.forEach((id, item) -> {
            if (item.blob != null && item.status != ItemStatus.SENT) {
                assertArrayEquals(item.blob, readBlob(id), "the blob of item " + id + " after a restart");
            }
        });
        note("restart, " + left + " left by a killed enqueue");
    }

    /** After a retry or delete: an item is blocked exactly when a failed ordered item precedes it in its group. */
    private void recompute() {
        model.forEach((id, item) -> {
            if (item.status == ItemStatus.BLOCKED) {
                item.status = ItemStatus.PENDING;
            }
            if (item.status == ItemStatus.PENDING && heldByFailure(item.group, id)) {
                item.status = ItemStatus.BLOCKED;
            }
        });
    }

    private void check() {
        Map<Long, QueueItem> stored = store.query(QueueQuery.all(QueueQuery.MAX_LIMIT)).items().stream()
                .collect(Collectors.toMap(QueueItem::id, item -> item, (a, b) -> a, TreeMap::new));
        assertEquals(model.keySet(), stored.keySet(), "no item lost, none added");
        model.forEach((id, item) -> {
            assertEquals(item.status, stored.get(id).status(), "the status of item " + id);
            assertEquals(item.attempts, stored.get(id).attempts(), "the attempts of item " + id);
        });
        Map<ItemStatus, Long> counts = new EnumMap<>(ItemStatus.class);
        for (ItemStatus status : ItemStatus.values()) {
            counts.put(status, model.values().stream().filter(item -> item.status == status).count());
        }
        assertEquals(counts, store.countByStatus());
        Set<String> expectedFiles = model.entrySet().stream()
                .filter(entry -> entry.getValue().blob != null && entry.getValue().status != ItemStatus.SENT)
                .map(entry -> entry.getKey() + ".blob").collect(Collectors.toSet());
        assertEquals(expectedFiles, blobFiles(), "a file for each unsent item with a blob, and no other");
    }

    private Path blobs() {
        return directory.resolve("blobs");
    }

    private Set<String> blobFiles() {
        try (Stream<Path> files = Files.list(blobs())) {
            return files.map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] readBlob(long id) {
        try (InputStream in = store.openBlob(id)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean claimable(long id, Modelled item) {
        return item.status == ItemStatus.PENDING && item.dueNow && (item.group == null || model.entrySet().stream()
                .noneMatch(other -> other.getKey() < id && item.group.equals(other.getValue().group)
                        && other.getValue().ordered && other.getValue().status != ItemStatus.SENT));
    }

    private boolean heldByFailure(String group, long id) {
        return group != null && model.entrySet().stream().anyMatch(other -> other.getKey() < id
                && group.equals(other.getValue().group) && other.getValue().ordered
                && other.getValue().status == ItemStatus.FAILED);
    }

    private List<Long> withStatus(ItemStatus status) {
        return model.entrySet().stream().filter(entry -> entry.getValue().status == status).map(Map.Entry::getKey).toList();
    }

    private void note(String step) {
        notes.addLast(step);
        if (notes.size() > SHOWN_STEPS) {
            notes.removeFirst();
        }
    }

    private static String shortName(String group) {
        return group.substring(0, 8);
    }

    private static void sleepAMillisecond() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
