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

    @AttributeDefinition(name = "Format", options = { @Option(label = "JPEG", value = "jpeg"), @Option(label = "PNG", value = "png") })
    String format() default "jpeg";

    @AttributeDefinition(name = "JPEG quality", description = "0.05 to 1.0", min = "0.05", max = "1.0")
    float jpegQuality() default 0.7f;

    @AttributeDefinition(name = "Maximum edge (pixels)", description = "Downscale larger images; 0 keeps the size.", min = "0")
    int maxEdge() default 0;

    @AttributeDefinition(name = "Blur", description = "Blur images for privacy.")
    boolean blur() default false;

    @AttributeDefinition(name = "Quota (MiB)", description = "Capture pauses while unsent blobs exceed this.", min = "1")
    long quotaMegabytes() default 500;
}
