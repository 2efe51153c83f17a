package com.example.trackbench.expenses.internal;

import java.math.BigDecimal;
import java.time.Instant;

import org.apache.felix.service.command.Descriptor;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.trackbench.core.capture.TimeEntry;
import org.trackbench.core.capture.TimeTracker;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;

/** {@code trackbench:expense 12.50 EUR taxi to the client}: queues an expense on the running time entry. */
@Component(service = ExpenseCommand.class,
        property = { "osgi.command.scope=trackbench", "osgi.command.function=expense" })
public final class ExpenseCommand {

    @Reference
    private QueueStore queue;
    @Reference
    private TimeTracker tracker;

    @Descriptor("queue an expense on the running time entry")
    public String expense(@Descriptor("the amount, e.g. 12.50") String amount,
            @Descriptor("the currency, e.g. EUR") String currency, @Descriptor("what it was for") String... note) {
        TimeEntry entry = tracker.status().currentEntry()
                .orElseThrow(() -> new IllegalStateException("no time entry runs; start one first (trackbench:start)"));
        BigDecimal value;
        try {
            value = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + amount + "' is not a number; expected e.g. 12.50", e);
        }
        Expense expense = new Expense(entry.id(), value, currency, String.join(" ", note), Instant.now());
        // Unordered in the entry's group: delivered after the entry's start, never holding its events back.
        QueueItem item = queue.enqueue(EnqueueRequest.of(Expense.ENTITY_TYPE, expense.toJson())
                .inGroup(entry.id().toString(), false));
        return "Queued expense #" + item.id() + " on entry " + entry.id();
    }
}
