package org.trackbench.core.capture;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Periodic screenshots while the time entry runs. Its changes are also posted on {@link TrackerEvents#TOPIC_CAPTURE}.
 *
 * @since 1.2
 */
@ProviderType
public interface ScreenCapture {

    /** The family of the Eclipse Job that takes the screenshots, for {@code IJobManager.find} and progress views. */
    String JOB_FAMILY = "org.trackbench.capture";

    /** What capture is doing now, and what it last took. */
    CaptureStatus status();
}
