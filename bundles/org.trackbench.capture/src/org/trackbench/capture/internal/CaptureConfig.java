package org.trackbench.capture.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Trackbench screenshots", description = "Periodic screenshots while a time entry runs.")
@interface CaptureConfig {

    @AttributeDefinition(name = "Interval (seconds)", min = "1")
    long intervalSeconds() default 300;

    @AttributeDefinition(name = "Random placement", description = "Capture at a random moment inside each interval.")
    boolean randomPlacement() default false;

    @AttributeDefinition(name = "Screen source", description = "Service filter of the ScreenSource to use.")
    String screenSource_target() default "(" + org.trackbench.core.capture.ScreenSource.SOURCE + "=desktop)";

    @AttributeDefinition(name = "One image per monitor")
    boolean perMonitor() default false;

    @AttributeDefinition(name = "Monitors not captured", description = "By number, 1 being the first, e.g. 2,3; needs"
            + " one image per monitor. Each one skipped is marked for the server as excluded.")
    String excludedMonitors() default "";

    @AttributeDefinition(name = "Format", options = { @Option(label = "JPEG", value = "jpeg"), @Option(label = "PNG", value = "png") })
    String format() default "jpeg";

    @AttributeDefinition(name = "JPEG quality", description = "0.05 to 1.0", min = "0.05", max = "1.0")
    float jpegQuality() default 0.7f;

    @AttributeDefinition(name = "Maximum edge (pixels)", description = "Downscale larger images; 0 keeps the size.", min = "0")
    int maxEdge() default 0;

    @AttributeDefinition(name = "Redaction", description = "Done in memory before an image is encoded and encrypted."
            + " Blur: text unreadable to a person. Pixelate: blocks of one colour each, nothing of a block's content"
            + " kept. Solid: a plain fill with the capture time, nothing of the screen kept.", options = {
                    @Option(label = "None", value = "none"), @Option(label = "Blur", value = "blur"),
                    @Option(label = "Pixelate", value = "pixelate"), @Option(label = "Solid", value = "solid") })
    String redaction() default "none";

    @AttributeDefinition(name = "Pixelate block (pixels)", description = "Side of the squares pixelate makes one colour.",
            min = "4", max = "256")
    int pixelBlock() default 16;

    @AttributeDefinition(name = "Blur (older setting)", description = "Blurs when Redaction is None; Redaction replaces"
            + " it.")
    boolean blur() default false;

    @AttributeDefinition(name = "Quota (MiB)", description = "The most unsent screenshots may take on disk.", min = "1")
    long quotaMegabytes() default 500;

    @AttributeDefinition(name = "Over the quota", description = "Pause capture until screenshots are sent, or drop the"
            + " oldest unsent screenshots, each leaving a marker for the server; time entry events are never dropped.",
            options = { @Option(label = "Pause capture", value = "pauseCapture"),
                    @Option(label = "Drop the oldest screenshots", value = "evictOldest") })
    String quotaPolicy() default "pauseCapture";

    @AttributeDefinition(name = "Review window (minutes)", description = "How long a screenshot waits on this machine,"
            + " where you can delete it, before it is sent; -1 takes the product's default (2 in the workbench, 0"
            + " headless).", min = "-1", max = "1440")
    int reviewMinutes() default -1;

    @AttributeDefinition(name = "Consent accepted at", description = "When the person accepted the capture terms"
            + " (ISO-8601, e.g. 2026-12-01T09:00:00Z); no screenshot is taken while empty. Set by the workbench's"
            + " consent dialog or trackbench:capture accept; a headless installation may set it here.")
    String consentAcceptedAt() default "";
}
