package org.trackbench.headless.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.felix.service.command.Descriptor;
import org.apache.felix.service.command.Parameter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.trackbench.core.admin.AdminAction;
import org.trackbench.core.admin.AuditTrail;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.QueueAdmin;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.RepairAction;
import org.trackbench.core.queue.EnqueueRequest;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueException;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueuePage;
import org.trackbench.core.queue.QueueQuery;
import org.trackbench.core.queue.QueueStore;
import org.trackbench.core.queue.UnknownItemException;
import org.trackbench.export.ExportProgress;
import org.trackbench.export.ItemExport;
import org.trackbench.export.ItemFormat;

/**
 * Console commands to inspect and repair the queue: {@code queue}, {@code show}, {@code retry}, … While the queue is
 * starting, or if it cannot, they say so instead of "command not found".
 */
@Component(service = QueueCommands.class, property = { Commands.SCOPE, "osgi.command.function=queue",
        "osgi.command.function=show", "osgi.command.function=retry", "osgi.command.function=delete",
        "osgi.command.function=purge", "osgi.command.function=edit", "osgi.command.function=setfield",
        "osgi.command.function=repair", "osgi.command.function=enqueue", "osgi.command.function=export" })
public final class QueueCommands {

    static final String QUEUE_USAGE = "trackbench:queue [-s status[,status]] [-t type[,type]] [-n limit] [-a after-id] [text]";
    static final String RETRY_USAGE = "trackbench:retry <id>... | trackbench:retry --failed"
            + " | trackbench:retry [-s status] [-t type] [-e error] [--yes]";
    static final String DELETE_USAGE = "trackbench:delete <id>... | trackbench:delete [-s status] [-t type] [-e error]"
            + " [--yes]";
    static final String SETFIELD_USAGE = "trackbench:setfield [-s status] [-t type] [-e error] [--yes] <field>"
            + " '<json value>'   e.g. setfield -e \"unknown project\" project '\"Acme\"'";
    static final String EDIT_USAGE = "trackbench:edit <id> '<json object>'   (a failed or blocked item's new payload)";
    static final String REPAIR_USAGE = "trackbench:repair <id> [repair id]   (without one: the repairs offered)";
    static final String PURGE_USAGE = "trackbench:purge <age>   (sent items older than e.g. 7d, 12h, P30D)";
    static final String ENQUEUE_USAGE = "trackbench:enqueue <entity type> '<json object>'";
    static final String EXPORT_USAGE = "trackbench:export [-s status[,status]] [-t type[,type]] <file.jsonl|.json|.csv>";

    private final EntitySummaries summaries = new EntitySummaries();
    private final ComponentHealth health;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueStore store;

    /** The console's own instance: what is done through it is recorded as done from the console. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile QueueAdmin admin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile AuditTrail audit;

    @Activate
    public QueueCommands(@Reference ServiceComponentRuntime runtime) {
        this.health = new ComponentHealth(runtime);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addHandler(EntityHandler handler) {
        summaries.add(handler);
    }

    void removeHandler(EntityHandler handler) {
        summaries.remove(handler);
    }

    @Descriptor("lists queued items, newest first")
    public String queue(
            @Descriptor("statuses to show: pending, in_flight, sent, failed, blocked") @Parameter(names = { "-s",
                    "--status" }, absentValue = "") String statuses,
            @Descriptor("entity types to show") @Parameter(names = { "-t", "--type" }, absentValue = "") String types,
            @Descriptor("rows to show, 1 to 10000") @Parameter(names = { "-n", "--limit" }, absentValue = "20") String limit,
            @Descriptor("continue after this id") @Parameter(names = { "-a", "--after" }, absentValue = "") String after,
            @Descriptor("text to find in the type, payload or last error") String... text) {
        return withQueue(queue -> listing(queue, statuses, types, limit, after, Commands.words(text)));
    }

    @Descriptor("shows one item: its fields, payload and last error")
    public String show(@Descriptor("item id") String id) {
        return withQueue(queue -> {
            try {
                return new ItemDetails(queue, summaries).describe(Commands.id(id));
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, "trackbench:show <id>");
            }
        });
    }

    @Descriptor("makes failed, blocked or waiting items due now with fresh retries: the ones named, or all a filter"
            + " matches (a dry run first, --yes to apply)")
    public String retry(@Descriptor("every failed item") @Parameter(names = "--failed", presentValue = "true",
            absentValue = "false") boolean failed,
            @Descriptor("only these statuses") @Parameter(names = { "-s", "--status" }, absentValue = "")
            String statuses,
            @Descriptor("only these entity types") @Parameter(names = { "-t", "--type" }, absentValue = "")
            String types,
            @Descriptor("only items whose last error contains this") @Parameter(names = { "-e", "--error" },
                    absentValue = "") String error,
            @Descriptor("apply what the dry run showed") @Parameter(names = "--yes", presentValue = "true",
                    absentValue = "false") boolean yes,
            @Descriptor("item ids") String... ids) {
        if (!statuses.isBlank() || !types.isBlank() || !error.isBlank()) {
            return bulk(BulkAction.retry(), statuses, types, error, yes, ids, RETRY_USAGE);
        }
        return change(RETRY_USAGE, queue -> {
            if (failed && (ids == null || ids.length == 0)) {
                return "Retrying " + queue.retryAllFailed() + " failed item(s).\n";
            }
            if (failed) {
                throw new IllegalArgumentException("give either --failed or ids, not both");
            }
            List<Long> items = Commands.ids(ids);
            return "Retrying " + queue.retry(items) + " of " + items.size()
                    + " item(s); the others were not waiting.\n";
        });
    }

    @Descriptor("deletes items and their screenshots, the ones named or all a filter matches (a dry run first, --yes to"
            + " apply); items they held are released")
    public String delete(
            @Descriptor("only these statuses") @Parameter(names = { "-s", "--status" }, absentValue = "")
            String statuses,
            @Descriptor("only these entity types") @Parameter(names = { "-t", "--type" }, absentValue = "")
            String types,
            @Descriptor("only items whose last error contains this") @Parameter(names = { "-e", "--error" },
                    absentValue = "") String error,
            @Descriptor("apply what the dry run showed") @Parameter(names = "--yes", presentValue = "true",
                    absentValue = "false") boolean yes,
            @Descriptor("item ids") String... ids) {
        if (!statuses.isBlank() || !types.isBlank() || !error.isBlank()) {
            return bulk(BulkAction.delete(), statuses, types, error, yes, ids, DELETE_USAGE);
        }
        return withAdmin(queue -> {
            try {
                return "Deleted " + queue.delete(Commands.ids(ids)) + " item(s).\n";
            } catch (UnknownItemException e) {
                return "error: " + e.getMessage() + "; nothing was deleted\n";
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, DELETE_USAGE);
            }
        });
    }

    @Descriptor("repairs a failed or blocked item's payload in place; it keeps its id and order and is due at once")
    public String edit(@Descriptor("item id") String id, @Descriptor("the new payload, a JSON object") String payload) {
        return change(EDIT_USAGE, queue -> {
            long itemId = Commands.id(id);
            UUID keyBefore = store.find(itemId).map(QueueItem::idempotencyKey).orElse(null);
            QueueItem edited = queue.edit(itemId, payload);
            return "Item " + edited.id() + " edited; it is " + edited.status().label() + ", sent under "
                    + (edited.idempotencyKey().equals(keyBefore) ? "its idempotency key, which an earlier attempt may"
                            + " have used, so the server applies it at most once"
                            : "a new idempotency key, the server having refused the old one") + ".\n";
        });
    }

    @Descriptor("lists the repairs the handler of a failed or blocked item's type offers, or applies one")
    public String repair(@Descriptor("item id") String id, @Descriptor("the repair to apply") String... repairId) {
        return change(REPAIR_USAGE, queue -> {
            long itemId = Commands.id(id);
            if (repairId == null || repairId.length == 0) {
                List<RepairAction> offered = queue.repairs(itemId);
                if (offered.isEmpty()) {
                    return "No repair is offered for item " + itemId + "; trackbench:edit changes its payload.\n";
                }
                TextTable table = TextTable.listing("REPAIR", "WHAT IT DOES");
                offered.forEach(action -> table.row(action.id(), action.label()));
                return table + "apply one: trackbench:repair " + itemId + " <repair>\n";
            }
            QueueItem repaired = queue.repair(itemId, repairId[0]);
            return "Item " + repaired.id() + " repaired; it is " + repaired.status().label() + ".\n";
        });
    }

    @Descriptor("sets one field of the payload of every failed or blocked item a filter matches, checked as an edit"
            + " (a dry run first, --yes to apply)")
    public String setfield(
            @Descriptor("only these statuses") @Parameter(names = { "-s", "--status" }, absentValue = "")
            String statuses,
            @Descriptor("only these entity types") @Parameter(names = { "-t", "--type" }, absentValue = "")
            String types,
            @Descriptor("only items whose last error contains this") @Parameter(names = { "-e", "--error" },
                    absentValue = "") String error,
            @Descriptor("apply what the dry run showed") @Parameter(names = "--yes", presentValue = "true",
                    absentValue = "false") boolean yes,
            @Descriptor("the field") String field, @Descriptor("its value as JSON: '\"Acme\"', 42, null") String value) {
        BulkAction action;
        try {
            action = BulkAction.setField(field, value);
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, SETFIELD_USAGE);
        }
        return bulk(action, statuses, types, error, yes, null, SETFIELD_USAGE);
    }

    @Descriptor("deletes sent items older than an age")
    public String purge(@Descriptor("age, e.g. 7d, 12h, 30m or P7D") String age) {
        return withAdmin(queue -> {
            try {
                return "Purged " + queue.purgeSent(Durations.parse(age)) + " sent item(s) older than " + age + ".\n";
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, PURGE_USAGE);
            }
        });
    }

    @Descriptor("queues an item by hand, e.g. to replay one or to try a plug-in's entity type")
    public String enqueue(@Descriptor("entity type") String entityType, @Descriptor("payload, a JSON object") String payload) {
        return withQueue(queue -> {
            try {
                QueueItem item = queue.enqueue(EnqueueRequest.of(entityType, payload));
                return "Queued item " + item.id() + " (" + item.entityType() + ").\n";
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, ENQUEUE_USAGE);
            }
        });
    }

    @Descriptor("writes items as JSON Lines, JSON or CSV (by the file's extension): every field, payloads with secrets"
            + " redacted, no blob contents")
    public String export(
            @Descriptor("statuses to write") @Parameter(names = { "-s", "--status" }, absentValue = "") String statuses,
            @Descriptor("entity types to write") @Parameter(names = { "-t", "--type" }, absentValue = "") String types,
            @Descriptor("the file to write: .jsonl, .json or .csv") String file) {
        return withQueue(queue -> {
            Path target;
            ItemFormat format;
            QueueQuery filters;
            try {
                target = Path.of(file).toAbsolutePath();
                format = ItemFormat.of(target.getFileName().toString());
                filters = QueueQuery.all(1).withStatuses(statuses(statuses)).withEntityTypes(Set.copyOf(list(types)));
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, EXPORT_USAGE);
            }
            try {
                long written = ItemExport.write(queue, filters, format, target, ExportProgress.NONE);
                Commands.audit(audit, AdminAction.EXPORT, "to " + target + (statuses.isBlank() ? "" : ", statuses "
                        + statuses) + (types.isBlank() ? "" : ", types " + types), written);
                return "Exported " + written + " item(s) to " + target + ".\n";
            } catch (IOException e) {
                return "error: cannot write " + target + ": " + e.getMessage() + "\n";
            }
        });
    }

    private String listing(QueueStore queue, String statuses, String types, String limit, String after, String text) {
        QueueQuery query;
        try {
            query = query(statuses, types, limit, after, text);
        } catch (IllegalArgumentException e) {
            return Commands.usage(e, QUEUE_USAGE);
        }
        QueuePage page = queue.query(query);
        TextTable table = TextTable.listing("ID", "TYPE", "STATUS", "ATTEMPTS", "CREATED", "NEXT ATTEMPT", "SIZE", "SUMMARY / LAST ERROR");
        for (QueueItem item : page.items()) {
            table.row(item.id(), item.entityType(), item.status().label(), item.attempts(), Durations.local(item.createdAt()),
                    item.status() == ItemStatus.PENDING ? Durations.local(item.nextAttemptAt()) : "-",
                    item.payload().length() + item.blobSize(), item.error().orElseGet(() -> summaries.summary(item)));
        }
        if (table.isEmpty()) {
            return "No items match.\n";
        }
        String more = page.next() == null ? "" : "more: trackbench:queue -a " + page.items().get(page.items().size() - 1).id()
                + " (with the same filters)\n";
        return table + more;
    }

    /**
     * A bulk action over a filter: without {@code yes} its dry run and how to apply it, with it the action itself.
     */
    private String bulk(BulkAction action, String statuses, String types, String error, boolean yes, String[] ids,
            String usage) {
        return withAdmin(queue -> {
            QueueQuery filter;
            try {
                if (ids != null && ids.length > 0) {
                    throw new IllegalArgumentException("give either item ids or filters, not both");
                }
                filter = QueueQuery.all(1).withStatuses(statuses(statuses)).withEntityTypes(Set.copyOf(list(types)))
                        .withError(error.isBlank() ? null : error);
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, usage);
            }
            try {
                if (yes) {
                    return capitalized(action.describe()) + ": " + queue.apply(action, filter) + " item(s) changed of"
                            + " those matching " + filter.describeFilters() + ".\n";
                }
                return BulkPreviews.describe(action, filter, queue.preview(action, filter), summaries);
            } catch (IllegalArgumentException e) {
                return "error: " + e.getMessage() + "\n";
            }
        });
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * Runs an admin's change of named items: an unknown id or a change that cannot apply now is answered with its
     * reason, a bad argument with the usage; nothing was changed then.
     */
    private String change(String usage, Function<QueueAdmin, String> command) {
        return withAdmin(queue -> {
            try {
                return command.apply(queue);
            } catch (UnknownItemException | IllegalStateException e) {
                return "error: " + e.getMessage() + "; nothing was changed\n";
            } catch (IllegalArgumentException e) {
                return Commands.usage(e, usage);
            }
        });
    }

    /** Runs {@code command} with the queue's admin, or says why there is none. */
    private String withAdmin(Function<QueueAdmin, String> command) {
        QueueAdmin queueAdmin = admin;
        if (queueAdmin == null) {
            return Commands.unavailable("the queue", health.why(QueueStore.class));
        }
        try {
            return command.apply(queueAdmin);
        } catch (QueueException e) {
            return Commands.failed(e);
        }
    }

    /** Runs {@code command} on the queue, or says why there is none. */
    private String withQueue(Function<QueueStore, String> command) {
        QueueStore queue = store;
        if (queue == null) {
            return Commands.unavailable("the queue", health.why(QueueStore.class));
        }
        try {
            return command.apply(queue);
        } catch (QueueException e) {
            return Commands.failed(e);
        }
    }

    private static QueueQuery query(String statuses, String types, String limit, String after, String text) {
        QueueQuery query = QueueQuery.all(Commands.limit(limit, QueueQuery.MAX_LIMIT))
                .sortedBy(QueueQuery.SortKey.ID, true)
                .withStatuses(statuses(statuses))
                .withEntityTypes(Set.copyOf(list(types))).withText(text);
        if (!after.isBlank()) {
            long id = Commands.id(after);
            query = query.after(new QueueQuery.PageCursor(id, id));
        }
        return query;
    }

    /** @throws IllegalArgumentException naming a status that is not one and the accepted ones */
    private static Set<ItemStatus> statuses(String commaSeparated) {
        return list(commaSeparated).stream().map(ItemStatus::parse).collect(Collectors.toSet());
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }
}
