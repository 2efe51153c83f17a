package org.trackbench.ui.internal.images;

import java.io.IOException;
import java.io.InputStream;

import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.widgets.Label;
import org.trackbench.core.queue.ItemStatus;
import org.trackbench.core.queue.QueueItem;
import org.trackbench.core.queue.QueueStore;

/**
 * Images still held by the queue (screenshots not yet sent), read from their blob, scaled down and shown on a
 * label.
 */
public final class QueuedImages {

    private QueuedImages() {
    }

    /** Whether the item holds an image the queue can still give: an image blob not dropped after sending. */
    public static boolean held(QueueItem item) {
        return item.hasBlob() && item.status() != ItemStatus.SENT && item.blobContentType().startsWith("image/");
    }

    /**
     * Reads the item's image and scales it to fit {@code width} × {@code height}, keeping its proportions; never
     * scaled up. Blocks on the store: call it off the UI thread.
     *
     * @throws IOException if the blob cannot be read
     * @throws org.eclipse.swt.SWTException if the blob is not an image SWT can read
     */
    public static ImageData scaled(QueueStore store, long id, int width, int height) throws IOException {
        try (InputStream blob = store.openBlob(id)) {
            ImageData image = new ImageData(blob);
            double scale = Math.min(1.0, Math.min((double) width / image.width, (double) height / image.height));
            return scale == 1.0 ? image
                    : image.scaledTo(Math.max(1, (int) (image.width * scale)), Math.max(1, (int) (image.height * scale)));
        }
    }

    /**
     * Shows {@code image} ({@code null}: none) on {@code label}, disposing the image it showed before; a label not
     * made yet or already disposed is left alone.
     */
    public static void show(Label label, Image image) {
        if (label == null || label.isDisposed()) {
            return;
        }
        Image before = label.getImage();
        label.setImage(image);
        if (before != null) {
            before.dispose();
        }
        label.requestLayout();
    }
}
