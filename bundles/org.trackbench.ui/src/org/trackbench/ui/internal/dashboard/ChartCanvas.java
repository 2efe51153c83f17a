package org.trackbench.ui.internal.dashboard;

import java.awt.image.BufferedImage;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.jfree.chart.JFreeChart;

/**
 * A JFreeChart on an SWT canvas: JFreeChart draws the chart at the canvas's size, the canvas shows the picture.
 * The picture is drawn again when the canvas is resized or the chart's data changed ({@link #chartChanged}).
 */
final class ChartCanvas {

    private static final int MIN_SIZE = 20;

    private final Canvas canvas;
    private final JFreeChart chart;
    private Image picture;

    ChartCanvas(Composite parent, JFreeChart chart) {
        this.chart = chart;
        this.canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED);
        canvas.addPaintListener(event -> paint(event.gc));
        canvas.addListener(SWT.Resize, event -> chartChanged());
        canvas.addDisposeListener(event -> disposePicture());
    }

    Canvas control() {
        return canvas;
    }

    void chartChanged() {
        disposePicture();
        if (!canvas.isDisposed()) {
            canvas.redraw();
        }
    }

    private void paint(GC gc) {
        Rectangle area = canvas.getClientArea();
        if (area.width < MIN_SIZE || area.height < MIN_SIZE) {
            return;
        }
        if (picture == null) {
            picture = new Image(canvas.getDisplay(), imageData(chart.createBufferedImage(area.width, area.height)));
        }
        gc.drawImage(picture, 0, 0);
    }

    private void disposePicture() {
        if (picture != null) {
            picture.dispose();
            picture = null;
        }
    }

    /** The AWT picture as SWT image data: 24-bit RGB, row by row. */
    private static ImageData imageData(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        ImageData data = new ImageData(width, height, 24, new PaletteData(0xFF0000, 0x00FF00, 0x0000FF));
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x++) {
                row[x] &= 0xFFFFFF;
            }
            data.setPixels(0, y, width, row, 0);
        }
        return data;
    }
}
