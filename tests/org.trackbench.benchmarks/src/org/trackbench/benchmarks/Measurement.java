package org.trackbench.benchmarks;

import java.util.Arrays;

/**
 * Repeated samples of one scenario: the median is the figure, min and max its spread.
 *
 * @param scenario what was measured
 * @param unit what the samples count, e.g. {@code items/s} or {@code ms}
 * @param samples one value per run
 */
record Measurement(String scenario, String unit, double[] samples) {

    /** Measures one run of a scenario: a rate, a duration, … */
    @FunctionalInterface
    interface Run {
        double value() throws Exception;
    }

    /** Runs {@code run} {@link BenchSize#RUNS} times, one sample each. */
    static Measurement measure(String scenario, String unit, Run run) throws Exception {
        return measure(scenario, unit, BenchSize.RUNS, run);
    }

    /** Runs {@code run} {@code runs} times, one sample each: for scenarios that take minutes. */
    static Measurement measure(String scenario, String unit, int runs, Run run) throws Exception {
        double[] values = new double[runs];
        for (int i = 0; i < values.length; i++) {
            values[i] = run.value();
        }
        return new Measurement(scenario, unit, values);
    }

    double median() {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    double min() {
        return Arrays.stream(samples).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(samples).max().orElse(Double.NaN);
    }
}
