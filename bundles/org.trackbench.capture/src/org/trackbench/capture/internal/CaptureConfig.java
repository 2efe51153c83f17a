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

    @AttributeDefinition(name = "Quota (MiB)", description = "Capture pauses while unsent blobs exceed this.", min = "1")
    long quotaMegabytes() default 500;
}
