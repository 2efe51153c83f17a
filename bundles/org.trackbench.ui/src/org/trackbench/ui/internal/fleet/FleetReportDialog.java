package org.trackbench.ui.internal.fleet;

import java.time.Instant;
import java.util.Map;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.trackbench.core.fleet.FleetClient;

/** One client's full health report, read-only and selectable, so an admin can copy it into a ticket. */
final class FleetReportDialog extends Dialog {

    private final FleetClient client;
    private final Instant now;

    FleetReportDialog(Shell parent, FleetClient client, Instant now) {
        super(parent);
        this.client = client;
        this.now = now;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText("Client " + client.health().clientId());
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        Text report = new Text(area, SWT.MULTI | SWT.READ_ONLY | SWT.BORDER | SWT.V_SCROLL | SWT.WRAP);
        report.setText(text());
        GridData layout = new GridData(SWT.FILL, SWT.FILL, true, true);
        layout.widthHint = 620;
        layout.heightHint = 320;
        report.setLayoutData(layout);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    String text() {
        StringBuilder text = new StringBuilder();
        text.append("last seen: ").append(client.lastSeenAt()).append(" (the server's clock)\n");
        client.attention(now).ifPresent(why -> text.append("attention: ").append(why).append('\n'));
        for (Map.Entry<String, String> field : client.health().describe().entrySet()) {
            text.append(field.getKey()).append(": ").append(field.getValue()).append('\n');
        }
        return text.toString();
    }
}
