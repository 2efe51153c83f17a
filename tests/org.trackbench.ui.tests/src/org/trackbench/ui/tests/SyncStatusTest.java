package org.trackbench.ui.tests;

import org.eclipse.swt.widgets.Label;
import org.junit.jupiter.api.Test;
import org.trackbench.core.sync.SyncService;
import org.trackbench.testing.Configurations;
import org.trackbench.testing.ui.PartHarness;
import org.trackbench.ui.internal.sync.SyncStatusControl;

/** The sync indicator in the trim follows the real sync's status events. */
class SyncStatusTest {

    @Test
    void followsPauseAndResume() {
        SyncService sync = new Configurations().await(SyncService.class, "");
        try (PartHarness ui = new PartHarness()) {
            ui.make(SyncStatusControl.class);
            Label label = ui.find(Label.class, l -> true);

            sync.pause();
            ui.until("the indicator says paused", () -> label.getText().startsWith("sync: paused"), label::getText);

            sync.resume();
            ui.until("the indicator no longer says paused", () -> label.getText().startsWith("sync: ")
                    && !label.getText().startsWith("sync: paused"), label::getText);
        }
    }
}
