package org.trackbench.queue.derby.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

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
 * blobs, claims, sent / retry / failed outcomes, admin retry / delete / purge, restarts), each step checked against
 * a small reference model: no item lost or added, none handed out twice or out of order, {@code blocked} exactly when
 * the model says, counts equal. Seeded: a failure names its seed and the steps that led to it. Steps per run:
 * {@code -Dtrackbench.model.steps} (2,000 by default; docs/reliability.md has the long run), seed:
 * {@code -Dtrackbench.model.seed} (anything but a number: a new one).
 */
class QueueModelTest {

    private static final int STEPS = Integer.getInteger("trackbench.model.steps", 2_000);
    private static final long SEED = Long.getLong("trackbench.model.seed", System.nanoTime());
    private static final Duration LEASE = Duration.ofHours(1);
    private static final int GROUPS = 4;
    private static final int SHOWN_STEPS = 40;

    private final QueueStoreFixture fixture = new QueueStoreFixture();
    private final Random random = new Random(SEED);
    private final Map<Long, Modelled> model = new TreeMap<>();
    private final Deque<String> steps = new ArrayDeque<>();
    private final List<String> groups = new ArrayList<>();
    private Path directory;
    private QueueStore store;

    /** What the model knows of an item. */
    private static final class Modelled {
        final String group;
        final boolean ordered;
        ItemStatus status;
        int attempts;
        boolean dueNow = true;

        Modelled(String group, boolean ordered, ItemStatus status) {
            this.group = group;
            this.ordered = ordered;
            this.status = status;
        }
    }

    @Test
    void randomSequencesKeepEveryPromise() {
        directory = fixture.newDirectory("model");
        store = fixture.configure(directory, 1024 * 1024);
        for (int i = 0; i < GROUPS; i++) {
            groups.add(UUID.randomUUID().toString());
        }
        for (int step = 0; step < STEPS; step++) {
            try {
                act(random.nextInt(100));
                check();
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + SEED + " (-Dtrackbench.model.seed=" + SEED + "), step " + step
                        + "; the last steps:\n  " + String.join("\n  ", steps), e);
            }
        }
    }

    private void act(int dice) {
        if (dice < 35) {
            enqueue();
        } else if (dice < 55) {
            claim(1 + random.nextInt(4));
        } else if (dice < 85) {
            outcome();
        } else if (dice < 90) {
            adminRetry();
        } else if (dice < 94) {
            adminDelete();
        } else if (dice < 97) {
            purge();
        } else if (dice < 98) {
            restart();
        } else {
            groups.set(random.nextInt(GROUPS), UUID.randomUUID().toString());
            note("a new time entry");
        }
    }

    private void enqueue() {
        boolean grouped = random.nextInt(5) > 0;
        String group = grouped ? groups.get(random.nextInt(GROUPS)) : null;
        boolean ordered = grouped && random.nextInt(3) > 0;
        EnqueueRequest request = EnqueueRequest.of("model", "{\"n\":" + model.size() + "}");
        if (grouped) {
            request = request.inGroup(group, ordered);
        }
        if (random.nextInt(4) == 0) {
            byte[] blob = new byte[1 + random.nextInt(2048)];
            random.nextBytes(blob);
            request = request.withBlob(BlobSource.of(blob), "image/png");
        }
        QueueItem item = store.enqueue(request);
        ItemStatus expected = heldByFailure(group, item.id()) ? ItemStatus.BLOCKED : ItemStatus.PENDING;
        Modelled modelled = new Modelled(group, ordered, expected);
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

    private void outcome() {
        List<Long> inFlight = withStatus(ItemStatus.IN_FLIGHT);
        if (inFlight.isEmpty()) {
            return;
        }
        long id = inFlight.get(random.nextInt(inFlight.size()));
        Modelled item = model.get(id);
        int kind = random.nextInt(10);
        if (kind < 6) {
            store.markSent(id);
            item.status = ItemStatus.SENT;
            note("sent " + id);
        } else if (kind < 9) {
            boolean later = random.nextBoolean();
            boolean counts = random.nextBoolean();
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

    private void adminRetry() {
        List<Long> waiting = model.entrySet().stream().filter(entry -> entry.getValue().status == ItemStatus.FAILED
                || entry.getValue().status == ItemStatus.BLOCKED).map(Map.Entry::getKey).toList();
        if (waiting.isEmpty()) {
            return;
        }
        List<Long> chosen = List.of(waiting.get(random.nextInt(waiting.size())));
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

    private void adminDelete() {
        List<Long> deletable = model.entrySet().stream().filter(entry -> entry.getValue().status != ItemStatus.IN_FLIGHT)
                .map(Map.Entry::getKey).toList();
        if (deletable.isEmpty()) {
            return;
        }
        long id = deletable.get(random.nextInt(deletable.size()));
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

    private void restart() {
        store = fixture.configure(directory, 1024 * 1024);
        model.values().stream().filter(item -> item.status == ItemStatus.IN_FLIGHT)
                .forEach(item -> item.status = ItemStatus.PENDING);
        note("restart");
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
        steps.addLast(step);
        if (steps.size() > SHOWN_STEPS) {
            steps.removeFirst();
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
