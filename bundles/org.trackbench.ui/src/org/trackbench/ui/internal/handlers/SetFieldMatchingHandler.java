package org.trackbench.ui.internal.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.services.IServiceConstants;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.trackbench.core.admin.BulkAction;
import org.trackbench.core.admin.QueueAdmin;

import jakarta.inject.Named;

/**
 * Set a field on all matching…: asks for the field and its JSON value, then sets it on every failed or blocked item
 * the Queue view's filters match, after a dry run and a confirmation; each new payload is checked as an edit.
 */
public final class SetFieldMatchingHandler extends BulkHandler {

    @Execute
    void execute(@Named(IServiceConstants.ACTIVE_PART) MPart part, @Service QueueAdmin admin, Shell shell,
            UISynchronize ui) {
        InputDialog field = new InputDialog(shell, "Set a field on all matching", "Field name, e.g. project", "",
                text -> text.isBlank() ? "a field name is needed" : null);
        if (field.open() != Window.OK) {
            return;
        }
        InputDialog value = new InputDialog(shell, "Set " + field.getValue() + " on all matching",
                "Its value as JSON: \"Acme\" with the quotes, 42, true or null", "", text -> text.isBlank()
                        ? "a JSON value is needed" : null);
        if (value.open() != Window.OK) {
            return;
        }
        run(BulkAction.setField(field.getValue().strip(), value.getValue().strip()), part, admin, shell, ui);
    }
}
