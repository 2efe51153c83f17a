package org.trackbench.ui.internal.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;

import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;

/**
 * The dashboard's one look, applied in one place: a white plot with a light grid, flat bars without gradient or
 * shadow, readable sans-serif type, and the series in the colours {@link #apply} is given (the status palette).
 */
final class FlatChartTheme {

    private static final Color INK = new Color(0x33, 0x33, 0x33);
    private static final Color MUTED = new Color(0x70, 0x70, 0x70);
    private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
    private static final BasicStroke LINE = new BasicStroke(2f);
    private static final StandardChartTheme THEME = theme();

    private FlatChartTheme() {
    }

    /** Styles {@code chart}; its series take {@code seriesColours}, in order. */
    static JFreeChart apply(JFreeChart chart, Color... seriesColours) {
        THEME.apply(chart);
        XYPlot plot = chart.getXYPlot();
        plot.setOutlineVisible(false);
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        plot.setRangeGridlineStroke(new BasicStroke(1f));
        XYItemRenderer renderer = plot.getRenderer();
        for (int series = 0; series < seriesColours.length; series++) {
            renderer.setSeriesPaint(series, seriesColours[series]);
            renderer.setSeriesStroke(series, LINE);
        }
        if (chart.getLegend() != null) {
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("Trackbench flat");
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(MUTED);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setLegendItemPaint(INK);
        theme.setDomainGridlinePaint(GRID);
        theme.setRangeGridlinePaint(GRID);
        theme.setAxisLabelPaint(MUTED);
        theme.setTickLabelPaint(MUTED);
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setShadowVisible(false);
        return theme;
    }
}
