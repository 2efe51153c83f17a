package org.trackbench.benchmarks;

import java.util.Arrays;

/**
 * Repeated throughput samples of one scenario: the median is the figure, min and max its spread.
 *
 * @param scenario what was measured
 * @param unit what one operation is
 * @param perSecond one rate per run
 */
record Measurement(String scenario, String unit, double[] perSecond) {

    double median() {
        double[] sorted = perSecond.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return Arrays.stream(perSecond).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(perSecond).max().orElse(Double.NaN);
    }
}
