package org.trackbench.benchmarks;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.sync.SyncService;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.Producers;
import org.trackbench.testing.QueueStoreFixture;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.queue.QueuePart;

/**
 * The Queue view over a large queue (1,000,000 items at full size): from making the view to its first page of rows
 * on screen, and each further page as the table scrolls to the end of what is loaded.
 */
class QueueViewBenchmark {

    private static final int ITEMS = BenchSize.pick(5_000, 1_000_000);
    private static final int PAGES = BenchSize.pick(4, 20);
    private static final int PAGE = 500;
    private static final String FIRST_PAINT = "first page of rows on screen";
    private static final String NEXT_PAGE = "each further page while scrolling";
    private static final String COUNT_ALL = "count of every item (the view's total)";
    private static final String COUNT_TEXT = "count with a text filter (reads every payload)";

    @Test
    void queueViewOverALargeQueue() throws Exception {
        QueueStoreFixture queues = new QueueStoreFixture();
        QueueStore store = queues.configure(queues.newDirectory("queue-view-bench"), 1024L * 1024);
        SyncService sync = new Configurations().await(SyncService.class, "");
        sync.pause();
        try {
            measure(store);
        } finally {
            sync.resume();
        }
    }

    private static void measure(QueueStore store) throws Exception {
        String at = Instant.now().toString();
        Producers.inParallel(8, ITEMS, i -> store.enqueue(EnqueueRequest.of("time_entry_event",
                "{\"type\":\"start\",\"at\":\"" + at + "\"}").inGroup(UUID.randomUUID().toString(), true)));

        double[] firstPaint = new double[BenchSize.RUNS];
        double[] pages = new double[BenchSize.RUNS * PAGES];
        for (int run = 0; run < BenchSize.RUNS; run++) {
            try (PartHarness ui = new PartHarness()) {
                long start = System.nanoTime();
                ui.make(QueuePart.class);
                Table table = ui.find(Table.class, t -> true);
                ui.until("the first page shows", () -> table.getItemCount() > PAGE && !table.getItem(0).getText(0).isEmpty(),
                        () -> table.getItemCount() + " rows");
                firstPaint[run] = (System.nanoTime() - start) / 1e6;
                for (int page = 0; page < PAGES; page++) {
                    int before = table.getItemCount();
                    long scroll = System.nanoTime();
                    table.setTopIndex(before - 1);
                    ui.until("the next page shows", () -> table.getItemCount() > before, () -> table.getItemCount() + " rows");
                    pages[run * PAGES + page] = (System.nanoTime() - scroll) / 1e6;
                }
            }
        }

        Measurement countAll = Measurement.measure(COUNT_ALL, "ms", () -> millis(() -> store.count(QueueQuery.all(1))));
        Measurement countText = Measurement.measure(COUNT_TEXT, "ms",
                () -> millis(() -> store.count(QueueQuery.all(1).withText("\"stop\""))));

        BenchmarkReport report = new BenchmarkReport("queue-view", "Queue view over " + String.format("%,d", ITEMS) + " items");
        report.add(new Measurement(FIRST_PAINT, "ms", firstPaint));
        report.add(new Measurement(NEXT_PAGE, "ms", pages));
        report.add(countAll);
        report.add(countText);
        report.limitGoal("first paint under 1 s", FIRST_PAINT, 1_000);
        report.limitGoal("each page scroll under 50 ms (median)", NEXT_PAGE, 50);
        report.note("A page is " + PAGE + " rows read by keyset in a background job; the table is SWT's virtual table"
                + " (Xvfb). Runs: " + BenchSize.RUNS + ", " + PAGES + " pages each. The counts run in their own job,"
                + " never before the first page, and the same filter at most every 2 s.");
        report.write();

        assertTrue(Files.readString(report.markdown()).contains(NEXT_PAGE));
    }

    private static double millis(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e6;
    }
}
