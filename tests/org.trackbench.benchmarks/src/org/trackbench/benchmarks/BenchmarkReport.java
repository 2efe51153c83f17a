package org.trackbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Collects measurements and writes them as a Markdown table and as JSON, with ratios to a baseline. */
final class BenchmarkReport {

    private final String title;
    private final List<Measurement> measurements = new ArrayList<>();

    BenchmarkReport(String title) {
        this.title = title;
    }

    void add(Measurement measurement) {
        measurements.add(measurement);
    }

    /** Whole numbers for rates people compare; small computed rates keep their decimals. */
    private static String rate(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%,.0f", value);
    }

    /** Writes {@code <name>.md} and {@code <name>.json} into {@code directory}, ratios against {@code baseline}. */
    void write(Path directory, String name, String baseline, String environment) throws IOException {
        Files.createDirectories(directory);
        double base = measurements.stream().filter(m -> m.scenario().equals(baseline)).findFirst()
                .map(Measurement::median).orElse(Double.NaN);
        StringBuilder md = new StringBuilder("# ").append(title).append("\n\n").append(environment).append("\n\n")
                .append("| scenario | median | min | max | unit | × ").append(baseline).append(" |\n")
                .append("|---|---:|---:|---:|---|---:|\n");
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode json = mapper.createObjectNode().put("title", title).put("environment", environment)
                .put("baseline", baseline).put("written", Instant.now().toString());
        ArrayNode rows = json.putArray("measurements");
        for (Measurement m : measurements) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f |%n", m.scenario(),
                    rate(m.median()), rate(m.min()), rate(m.max()), m.unit(), m.median() / base));
            ObjectNode row = rows.addObject().put("scenario", m.scenario()).put("unit", m.unit())
                    .put("median", m.median()).put("min", m.min()).put("max", m.max())
                    .put("ratioToBaseline", m.median() / base);
            ArrayNode samples = row.putArray("samples");
            for (double sample : m.perSecond()) {
                samples.add(sample);
            }
        }
        Files.writeString(directory.resolve(name + ".md"), md);
        mapper.writeValue(directory.resolve(name + ".json").toFile(), json);
    }
}
