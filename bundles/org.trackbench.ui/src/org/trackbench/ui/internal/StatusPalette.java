package org.trackbench.ui.internal;

import java.util.Map;

import org.eclipse.swt.graphics.RGB;
import org.trackbench.core.queue.ItemStatus;

/**
 * One colour per item status, the same in the dashboard's charts, the Queue view and the status bar: muted enough to
 * sit on white, apart enough to tell from each other (and red only for what needs an admin).
 */
public final class StatusPalette {

    private static final Map<ItemStatus, Integer> RGB_BY_STATUS = Map.of(
            ItemStatus.PENDING, 0x3B7DD8,
            ItemStatus.IN_FLIGHT, 0x8E6CC9,
            ItemStatus.BLOCKED, 0xE08A1E,
            ItemStatus.FAILED, 0xD1453B,
            ItemStatus.SENT, 0x2E9E5B);

    private StatusPalette() {
    }

    /** For AWT drawing, such as JFreeChart's. */
    public static java.awt.Color awt(ItemStatus status) {
        return new java.awt.Color(RGB_BY_STATUS.get(status));
    }

    /** For SWT, to make a {@code Color} from (the caller disposes it, or lets a resource manager). */
    public static RGB swt(ItemStatus status) {
        int rgb = RGB_BY_STATUS.get(status);
        return new RGB(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }
}
