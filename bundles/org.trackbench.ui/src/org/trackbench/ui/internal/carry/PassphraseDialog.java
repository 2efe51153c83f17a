package org.trackbench.ui.internal.carry;

import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.trackbench.export.UnsyncedBundle;

/**
 * Asks for a bundle's passphrase: twice when a bundle is written, so a typo does not lock the data away; OK only once
 * it is long enough and both agree. The passphrase is handed out as characters, for the caller to wipe.
 */
public final class PassphraseDialog extends TitleAreaDialog {

    private final String title;
    private final String message;
    private final boolean confirm;
    private Text passphrase;
    private Text repeated;
    private char[] result;

    public PassphraseDialog(Shell shell, String title, String message, boolean confirm) {
        super(shell);
        this.title = title;
        this.message = message;
        this.confirm = confirm;
    }

    /** The passphrase given, or {@code null} when the dialog was cancelled. */
    public char[] passphrase() {
        return result;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(title);
        setMessage(message);
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        form.setLayout(new GridLayout(2, false));
        passphrase = field(form, "Passphrase");
        if (confirm) {
            repeated = field(form, "Again");
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        check();
    }

    @Override
    protected void okPressed() {
        result = passphrase.getText().toCharArray();
        super.okPressed();
    }

    private Text field(Composite form, String label) {
        new Label(form, SWT.NONE).setText(label);
        Text text = new Text(form, SWT.BORDER | SWT.PASSWORD);
        text.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        text.addListener(SWT.Modify, event -> check());
        return text;
    }

    private void check() {
        String problem = null;
        if (confirm && passphrase.getCharCount() < UnsyncedBundle.MIN_PASSPHRASE) {
            problem = "At least " + UnsyncedBundle.MIN_PASSPHRASE + " characters.";
        } else if (confirm && !Arrays.equals(passphrase.getTextChars(), repeated.getTextChars())) {
            problem = "The two passphrases differ.";
        }
        setErrorMessage(problem);
        if (getButton(IDialogConstants.OK_ID) != null) {
            getButton(IDialogConstants.OK_ID).setEnabled(problem == null && passphrase.getCharCount() > 0);
        }
    }
}
