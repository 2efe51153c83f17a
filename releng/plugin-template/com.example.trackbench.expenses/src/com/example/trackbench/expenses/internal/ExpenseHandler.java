package com.example.trackbench.expenses.internal;

import org.osgi.service.component.annotations.Component;
import org.trackbench.core.handler.EntityHandler;
import org.trackbench.core.handler.OutboundRequest;
import org.trackbench.core.queue.QueueItem;

/** The "expense" type: checked at enqueue and before sending, sent as JSON, one line in listings. */
@Component(property = EntityHandler.ENTITY_TYPE + "=" + Expense.ENTITY_TYPE)
public final class ExpenseHandler implements EntityHandler {

    @Override
    public String entityType() {
        return Expense.ENTITY_TYPE;
    }

    @Override
    public void validate(String payloadJson) {
        Expense.parse(payloadJson);
    }

    @Override
    public OutboundRequest request(QueueItem item) {
        return OutboundRequest.postJson("/api/v1/items/" + Expense.ENTITY_TYPE);
    }

    @Override
    public String summary(QueueItem item) {
        Expense expense = Expense.parse(item.payload());
        return "expense of " + expense.amount().toPlainString() + " " + expense.currency() + " on entry "
                + expense.entryId().toString().substring(0, 8) + "…" + (expense.note().isEmpty() ? "" : ": " + expense.note());
    }
}
