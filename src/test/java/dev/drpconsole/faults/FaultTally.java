package dev.drpconsole.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * Counts one fault's tries as they go: each try either survives or not (with the reason), and may find things lost.
 * {@link #report} records the line and the row ({@link FaultResults}) and then fails the test unless every try
 * survived and nothing was lost, so a red fault run names the fault and what went wrong.
 *
 * <pre>{@code
 * FaultTally tally = new FaultTally("endpoint-killed");
 * for (int i = 0; i < 10; i++) {
 *     tally.attempt("kill " + i, () -> { ...inject, recover, check...; return lostCount; });
 * }
 * tally.report();
 * }</pre>
 */
public final class FaultTally {
    /** One try: injects the fault, waits for the recovery, checks; returns how many things were lost (0). */
    @FunctionalInterface
    public interface Attempt {
        int run() throws Exception;
    }

    private final String fault;
    private final List<String> reasons = new ArrayList<>();
    private int tried;
    private int survived;
    private int lost;

    public FaultTally(String fault) {
        this.fault = fault;
    }

    /**
     * Runs one try. It survived when it returned normally; an exception or a failed assertion is a try that did not
     * survive, with its message as the reason. What it returns counts as lost (a try may survive and still lose).
     */
    public void attempt(String label, Attempt attempt) {
        tried++;
        try {
            int lostHere = attempt.run();
            survived++;
            if (lostHere > 0) {
                lost += lostHere;
                reasons.add(label + ": lost " + lostHere);
            }
        } catch (Exception | AssertionError e) {
            reasons.add(label + ": " + firstLine(e));
        }
    }

    /** Counts things lost outside an attempt (e.g. found by a final check), with what they were. */
    public void lost(int count, String what) {
        if (count > 0) {
            lost += count;
            reasons.add(what);
        }
    }

    public int tried() {
        return tried;
    }

    /** Records the fault's line and row, then fails unless every try survived and nothing was lost. */
    public void report() {
        String line = FaultResults.record(fault, tried, survived, lost, reasons);
        if (tried == 0 || survived != tried || lost != 0) {
            throw new AssertionError(tried == 0 ? line + " (no try ran)" : line);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
