package org.trackbench.ui.internal.tracker;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.osgi.service.event.Event;
import org.trackbench.core.capture.CaptureState;
import org.trackbench.core.capture.CaptureStatus;
import org.trackbench.core.capture.CaptureTerms;
import org.trackbench.core.capture.ScreenCapture;
import org.trackbench.core.capture.TrackerEvents;
import org.trackbench.ui.internal.PartJob;

import jakarta.inject.Inject;

/**
 * An add-on that asks the person before the first screenshot: each time capture would start and the terms are not
 * accepted, it shows what is captured, how often, how it is protected and the review window. Capture starts only once
 * they accept, recorded with the time; "Not now" leaves the entry running without screenshots.
 */
public final class ConsentPrompt {

    static final String TITLE = "Screenshots while you track time";
    static final String ACCEPT = "Accept";
    static final String NOT_NOW = "Not now";

    @Inject
    private UISynchronize ui;
    @Inject
    @Optional
    private Shell shell;
    private volatile ScreenCapture capture;

    @Inject
    void setCapture(@Optional @Service ScreenCapture newCapture) {
        capture = newCapture;
    }

    /** Capture changed: when it now waits for consent, ask, after the event's dispatch, so it is not held up. */
    @Inject
    @Optional
    void captureChanged(@UIEventTopic(TrackerEvents.TOPIC_CAPTURE) Event event) {
        if (event.getProperty(TrackerEvents.CAPTURE_STATUS) instanceof CaptureStatus status
                && status.state() == CaptureState.AWAITING_CONSENT) {
            ui.asyncExec(this::ask);
        }
    }

    /** Asks the capture service there is now, unless the terms were accepted meanwhile (at the console, say). */
    private void ask() {
        ScreenCapture current = capture;
        if (current == null || current.status().state() != CaptureState.AWAITING_CONSENT) {
            return;
        }
        CaptureTerms terms = current.terms();
        String message = String.join("\n\n", terms.points())
                + "\n\nNo screenshot is taken until you accept. Your time is tracked either way.";
        MessageDialog dialog = new MessageDialog(shell, TITLE, null, message, MessageDialog.QUESTION, 0, ACCEPT, NOT_NOW);
        if (dialog.open() == 0) {
            // Recorded in the configuration, which is written to disk: not on the UI thread.
            PartJob.of("Recording your consent to screenshots", this, monitor -> current.accept()).schedule();
        }
    }
}
