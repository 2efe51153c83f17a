/**
 * Capturing work: the {@link org.trackbench.core.capture.TimeTracker} with its one current time entry, the
 * {@link org.trackbench.core.capture.ScreenCapture} that takes periodic screenshots meanwhile, and the
 * {@link org.trackbench.core.capture.ScreenSource} services they come from. Every transition and every screenshot is
 * committed to the queue before the call that made it returns.
 */
@Version("1.4.0")
package org.trackbench.core.capture;

import org.osgi.annotation.versioning.Version;
