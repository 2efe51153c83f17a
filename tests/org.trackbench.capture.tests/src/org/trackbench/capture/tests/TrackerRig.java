package org.trackbench.capture.tests;

import java.lang.reflect.InvocationTargetException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.ScreenSource;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.QueueStoreFixture;

/** A fresh queue, the real tracker on it, and capture configured for the test (synthetic screen by default). */
final class TrackerRig {

    final Configurations configurations = new Configurations();
    final QueueStore store;
    TimeTracker tracker;

    TrackerRig(Map<String, Object> capture) {
        QueueStoreFixture queues = new QueueStoreFixture();
        store = queues.configure(queues.newDirectory("capture"), 64L * 1024 * 1024);
        // The person accepted the capture terms, unless the test says otherwise.
        Map<String, Object> settings = new HashMap<>(Map.of("intervalSeconds", 3_600L,
                "screenSource.target", "(" + ScreenSource.SOURCE + "=synthetic)",
                "consentAcceptedAt", "2026-12-01T08:00:00Z"));
        settings.putAll(capture);
        configurations.update("org.trackbench.capture", settings);
        tracker = restart();
    }

    /** A new tracker instance on the same queue, as after a restart or a crash. */
    TimeTracker restart() {
        tracker = configurations.configure("org.trackbench.tracker", Map.of(), TimeTracker.class);
        return tracker;
    }

    /** Capture's status, from the capture service the registry holds now (a new configuration restarts it). */
    CaptureStatus capture() {
        return screenCapture().status();
    }

    ScreenCapture screenCapture() {
        return configurations.await(ScreenCapture.class, "");
    }

    /** Runs {@code work} with the tracker component disabled, as when it failed to start. */
    void whileTrackerIsDown(Runnable work) {
        ServiceComponentRuntime runtime = configurations.await(ServiceComponentRuntime.class, "");
        Bundle capture = FrameworkUtil.getBundle(TrackerRig.class);
        ComponentDescriptionDTO component = runtime.getComponentDescriptionDTO(capture,
                "org.trackbench.capture.internal.TimeTrackerComponent");
        try {
            runtime.disableComponent(component).getValue();
            work.run();
        } catch (InvocationTargetException | InterruptedException e) {
            throw new IllegalStateException("cannot disable the tracker component", e);
        } finally {
            runtime.enableComponent(component);
        }
    }

    List<QueueItem> items(String entityType, String group) {
        return store.query(QueueQuery.all(1_000).withEntityTypes(Set.of(entityType)).inGroup(group)).items();
    }

    List<String> eventTypes(String group) {
        return items("time_entry_event", group).stream()
                .map(item -> item.payload().replaceAll(".*\"type\":\"([a-z]+)\".*", "$1")).toList();
    }

    long total() {
        return store.countByStatus().values().stream().mapToLong(Long::longValue).sum();
    }
}
