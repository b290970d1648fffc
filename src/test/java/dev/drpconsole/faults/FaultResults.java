package dev.drpconsole.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The fault suite's results ({@code mvn -B -Pfaults verify -DskipTests}): one line per fault on standard output,
 * {@code FAULT <name>: tried N, survived N, lost 0} (and what was lost or why a try failed, when anything was), and
 * the same as a row of {@code target/fault-results.tsv} (header {@value #HEADER_TEXT}). The faults profile runs
 * {@link #main} first, so a run's file holds that run's rows only; a fault run alone appends to the file there is.
 * {@code -Dfault.results=FILE} writes elsewhere.
 */
public final class FaultResults {
    static final String HEADER_TEXT = "fault\ttried\tsurvived\tlost";
    private static final int MAX_REASONS_SHOWN = 5;

    private FaultResults() {
    }

    /** Starts the results file afresh (the faults profile runs this before any fault). */
    public static void main(String[] args) {
        startFresh(file());
        System.out.println("Fault results go to " + file());
    }

    /**
     * Prints and appends one fault's outcome.
     *
     * @param fault    lower-kebab-case name, e.g. {@code console-killed}
     * @param tried    how many times the fault was injected
     * @param survived how many of those ended as the fault says they must (resumed, finished, equal to the server)
     * @param lost     how many things a user had (an acknowledged write, a log line, a row) were gone or doubled
     * @param reasons  for each try that did not survive or lost something, what happened, in plain words
     * @return the line printed
     */
    public static String record(String fault, int tried, int survived, int lost, List<String> reasons) {
        String line = line(fault, tried, survived, lost, reasons);
        System.out.println(line);
        append(file(), fault, tried, survived, lost);
        return line;
    }

    static String line(String fault, int tried, int survived, int lost, List<String> reasons) {
        StringBuilder line = new StringBuilder("FAULT ").append(fault).append(": tried ").append(tried)
                .append(", survived ").append(survived).append(", lost ").append(lost);
        if (!reasons.isEmpty()) {
            line.append(" (").append(String.join("; ", reasons.subList(0, Math.min(MAX_REASONS_SHOWN,
                    reasons.size()))));
            if (reasons.size() > MAX_REASONS_SHOWN) {
                line.append("; and ").append(reasons.size() - MAX_REASONS_SHOWN).append(" more");
            }
            line.append(')');
        }
        return line.toString();
    }

    static void startFresh(Path results) {
        try {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, HEADER_TEXT + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + results, e);
        }
    }

    /** Synchronized: a fault may report from more than one thread. */
    static synchronized void append(Path results, String fault, int tried, int survived, int lost) {
        if (!fault.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("A fault name is lower-kebab-case: " + fault);
        }
        try {
            if (!Files.exists(results) || Files.size(results) == 0) {
                startFresh(results);
            }
            Files.writeString(results, fault + "\t" + tried + "\t" + survived + "\t" + lost + "\n",
                    StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to " + results, e);
        }
    }

    private static Path file() {
        return Path.of(System.getProperty("fault.results", "target/fault-results.tsv"));
    }
}
