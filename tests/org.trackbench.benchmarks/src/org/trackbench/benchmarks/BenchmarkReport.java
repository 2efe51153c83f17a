package org.trackbench.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One benchmark's measurements and the goals they are held to, written as a Markdown section and as JSON; each
 * write also refreshes {@code report.md} and {@code report.json}, all sections of the run in one file each.
 */
final class BenchmarkReport {

    /**
     * A claim as a ratio of two measured medians: {@code scenario / reference >= atLeast}, or, for durations and
     * other figures where less is better, {@code scenario <= atMost} in the scenario's unit.
     */
    record Goal(String claim, String scenario, String reference, double atLeast, double atMost) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String name;
    private final String title;
    private final List<Measurement> measurements = new ArrayList<>();
    private final List<Goal> goals = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** {@code name} names the files, {@code title} heads the section. */
    BenchmarkReport(String name, String title) {
        this.name = name;
        this.title = title;
    }

    Measurement add(Measurement measurement) {
        measurements.add(measurement);
        return measurement;
    }

    void ratioGoal(String claim, String scenario, String reference, double atLeast) {
        goals.add(new Goal(claim, scenario, reference, atLeast, Double.NaN));
    }

    void limitGoal(String claim, String scenario, double atMost) {
        goals.add(new Goal(claim, scenario, null, Double.NaN, atMost));
    }

    void note(String text) {
        notes.add(text);
    }

    Path markdown() {
        return BenchSize.REPORTS.resolve(name + ".md");
    }

    void write() throws IOException {
        Files.createDirectories(BenchSize.REPORTS);
        StringBuilder md = new StringBuilder("## ").append(title).append("\n\n").append(BenchSize.environment())
                .append("\n\n| scenario | median | min | max | runs | unit |\n|---|---:|---:|---:|---:|---|\n");
        ObjectNode json = JSON.createObjectNode().put("name", name).put("title", title)
                .put("environment", BenchSize.environment()).put("written", Instant.now().toString());
        ArrayNode rows = json.putArray("measurements");
        for (Measurement m : measurements) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %d | %s |%n", m.scenario(), figure(m.median()),
                    figure(m.min()), figure(m.max()), m.samples().length, m.unit()));
            ObjectNode row = rows.addObject().put("scenario", m.scenario()).put("unit", m.unit())
                    .put("median", m.median()).put("min", m.min()).put("max", m.max());
            ArrayNode samples = row.putArray("samples");
            for (double sample : m.samples()) {
                samples.add(sample);
            }
        }
        if (!goals.isEmpty()) {
            md.append("\n| goal | measured | met |\n|---|---:|---|\n");
        }
        ArrayNode goalRows = json.putArray("goals");
        for (Goal goal : goals) {
            double value = goal.reference() == null ? median(goal.scenario())
                    : median(goal.scenario()) / median(goal.reference());
            boolean met = goal.reference() == null ? value <= goal.atMost() : value >= goal.atLeast();
            String measured = goal.reference() == null ? figure(value) + " " + unit(goal.scenario())
                    : String.format(Locale.ROOT, "%.2f×", value);
            md.append(String.format(Locale.ROOT, "| %s | %s | %s |%n", goal.claim(), measured, met ? "yes" : "**no**"));
            goalRows.addObject().put("claim", goal.claim()).put("scenario", goal.scenario())
                    .put("reference", goal.reference()).put("value", value).put("met", met);
        }
        notes.forEach(text -> md.append('\n').append(text).append('\n'));
        json.putArray("notes").addAll(notes.stream().map(json::textNode).toList());
        Files.writeString(markdown(), md);
        JSON.writeValue(BenchSize.REPORTS.resolve(name + ".json").toFile(), json);
        writeWholeReport();
    }

    /** The median of a scenario already added. */
    double median(String scenario) {
        return find(scenario).median();
    }

    private String unit(String scenario) {
        return find(scenario).unit();
    }

    private Measurement find(String scenario) {
        return measurements.stream().filter(m -> m.scenario().equals(scenario)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no scenario '" + scenario + "' in " + name));
    }

    /** Whole numbers for large figures people compare; small ones keep two decimals. */
    private static String figure(double value) {
        return String.format(Locale.ROOT, value < 10 ? "%.2f" : "%,.0f", value);
    }

    /** {@code report.md} and {@code report.json}: every section written so far in this directory, by name. */
    private static void writeWholeReport() throws IOException {
        List<Path> sections;
        try (Stream<Path> files = Files.list(BenchSize.REPORTS)) {
            sections = files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.getFileName().toString().equals("report.json")).sorted().toList();
        }
        StringBuilder md = new StringBuilder("# Trackbench benchmarks\n");
        ArrayNode all = JSON.createArrayNode();
        for (Path section : sections) {
            JsonNode json = JSON.readTree(section.toFile());
            all.add(json);
            Path text = section.resolveSibling(json.path("name").asText() + ".md");
            md.append('\n').append(Files.readString(text));
        }
        Files.writeString(BenchSize.REPORTS.resolve("report.md"), md);
        JSON.writeValue(BenchSize.REPORTS.resolve("report.json").toFile(), all);
    }
}
