package dev.drpconsole.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/**
 * The benchmarks' machine-readable results: {@code target/bench-results.tsv}, a header line
 * {@value #HEADER_TEXT} and one row per figure, e.g. {@code startup_ratio	1.42	x	<=1.5}. Every benchmark runs in
 * a JVM of its own, so each one appends its rows; the bench profile's first execution ({@link #main}, bound to a
 * phase before the benchmarks') starts the file afresh, so a run's file holds that run's figures only. A benchmark
 * run alone appends to the file there is (or starts one). Figure names are lower_snake_case and stable; the goal is
 * written as the README states it, or {@value #NO_GOAL} when there is none. {@code -Dbench.results=FILE} writes
 * elsewhere.
 */
public final class BenchResults {
    static final String NO_GOAL = "-";
    private static final String HEADER_TEXT = "figure\tvalue\tunit\tgoal";
    private static final String HEADER = HEADER_TEXT + "\n";

    private BenchResults() {
    }

    /** Starts the results file afresh (the bench profile runs this before any benchmark). */
    public static void main(String[] args) {
        startFresh(file());
        System.out.println("Benchmark results go to " + file());
    }

    /** Appends one figure to the run's results: {@code goal} as the README writes it, e.g. {@code <1000}. */
    public static void record(String figure, double value, String unit, String goal) {
        append(file(), figure, value, unit, goal);
    }

    /** Appends one figure that has no goal. */
    public static void record(String figure, double value, String unit) {
        record(figure, value, unit, NO_GOAL);
    }

    static void startFresh(Path results) {
        try {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, HEADER, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + results, e);
        }
    }

    /** Synchronized: a benchmark may report from more than one thread; benchmarks never run at once. */
    static synchronized void append(Path results, String figure, double value, String unit, String goal) {
        if (!figure.matches("[a-z0-9]+(_[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A figure name is lower_snake_case: " + figure);
        }
        try {
            if (!Files.exists(results) || Files.size(results) == 0) {
                startFresh(results);
            }
            Files.writeString(results, figure + "\t" + format(value) + "\t" + unit + "\t" + goal + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + results, e);
        }
    }

    /** Whole numbers without a fraction, others with up to two decimals; always a dot, whatever the locale. */
    static String format(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return String.format(Locale.ROOT, "%.2f", value);
    }

    private static Path file() {
        return Path.of(System.getProperty("bench.results", "target/bench-results.tsv"));
    }
}
