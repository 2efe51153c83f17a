package org.trackbench.ui.internal.handlers;

import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.UISynchronize;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.BulkPreview;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueQuery;

/**
 * A bulk action over the Queue view's filters, as an admin expects one: its dry run read off the UI thread, the
 * question with what it would change, and only on a yes the change itself, as a user job.
 */
public final class BulkRun {

    private BulkRun() {
    }

    /**
     * Starts the dry run; {@code confirm} is asked, on the UI thread, whether to go on with what it found (the text
     * says it) and {@code tell} hears what there is to say when there is nothing to do or the dry run failed.
     */
    public static Job start(BulkAction action, QueueQuery filter, QueueAdmin admin, UISynchronize ui,
            Predicate<String> confirm, Consumer<String> tell) {
        Job dryRun = Job.create("Dry run: " + action.describe() + " on " + filter.describeFilters(), monitor -> {
            BulkPreview preview;
            try {
                preview = admin.preview(action, filter);
            } catch (RuntimeException e) {
                ui.asyncExec(() -> tell.accept("The dry run failed: " + e.getMessage()));
                return;
            }
            ui.asyncExec(() -> {
                if (preview.changed() == 0) {
                    tell.accept("Nothing to " + action.describe() + ": no item matching " + filter.describeFilters()
                            + " would change.");
                } else if (confirm.test(question(action, filter, preview))) {
                    QueueWork.run(capitalized(action.describe()) + " on " + filter.describeFilters(),
                            () -> admin.apply(action, filter));
                }
            });
        });
        dryRun.schedule();
        return dryRun;
    }

    /** What the dry run found, and the question. */
    static String question(BulkAction action, QueueQuery filter, BulkPreview preview) {
        String statuses = preview.byStatus().entrySet().stream()
                .map(count -> count.getValue() + " " + count.getKey().label()).sorted().collect(Collectors.joining(", "));
        String first = preview.first().stream().map(BulkRun::row).collect(Collectors.joining("\n"));
        return capitalized(action.describe()) + " " + preview.changed() + " of the " + preview.matched()
                + " item(s) matching " + filter.describeFilters() + " (" + statuses + ")?\n"
                + preview.released() + " blocked item(s) would be released.\n\nThe first of them:\n" + first
                + "\n\nThe queue may change before this runs; it applies to what matches then.";
    }

    private static String row(QueueItem item) {
        return "#" + item.id() + " " + item.entityType() + ", " + item.status().label()
                + item.error().map(error -> ": " + error).orElse("");
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
