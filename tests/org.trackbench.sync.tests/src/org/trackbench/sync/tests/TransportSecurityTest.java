package org.trackbench.sync.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.trackbench.testing.SyncRig.seconds;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.sync.SyncState;
import org.trackbench.testing.Await;
import org.trackbench.testing.SelfSignedCertificate;
import org.trackbench.testing.SyncRig;

/** The sync over https to the reference server with a self-signed certificate made for the run. */
class TransportSecurityTest {

    private static final Duration DELIVERY = seconds(30);

    @TempDir
    Path directory;

    @Test
    void aServerWhoseCertificateIsTrustedGetsTheItems() {
        try (SyncRig f = SyncRig.overTls(SelfSignedCertificate.create(directory), true)) {
            assertEquals("https", f.server.baseUri().getScheme());
            QueueItem item = f.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-26T09:00:00Z\"}")
                    .inGroup("7b0e9a8c-4f7e-4a57-9d3c-1f2e3d4c5b6a", true));

            Await.until("the item is sent over https", DELIVERY,
                    () -> f.store.find(item.id()).orElseThrow().status() == ItemStatus.SENT, f::describe);
            assertEquals(1, f.server.applied().size());
        }
    }

    @Test
    void aServerWithAnUntrustedCertificateGetsNothingAndNothingFails() {
        try (SyncRig f = SyncRig.overTls(SelfSignedCertificate.create(directory), false)) {
            QueueItem item = f.store.enqueue(EnqueueRequest.of("time_entry_event", "{\"type\":\"start\",\"at\":\"2026-11-26T09:00:00Z\"}")
                    .inGroup("0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", true));

            Await.until("the sync reports the refused certificate", DELIVERY,
                    () -> f.sync.status().state() == SyncState.OFFLINE && f.sync.status().lastError() != null, f::describe);

            String error = f.sync.status().lastError();
            assertTrue(error.contains("TLS with 127.0.0.1 failed") && error.contains("trustedCertificates"), error);
            assertEquals(0, f.server.stats().applied(), "nothing reached the server");
            QueueItem waiting = f.store.find(item.id()).orElseThrow();
            assertEquals(ItemStatus.PENDING, waiting.status());
            assertEquals(0, waiting.attempts());
        }
    }
}
