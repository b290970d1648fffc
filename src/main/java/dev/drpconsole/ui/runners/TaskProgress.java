package dev.drpconsole.ui.runners;

import java.util.List;

/**
 * How far a machine is through its task list: DRP's CurrentTask (−1 not started, size when done) of Tasks.
 * Sorts by fraction done.
 */
public record TaskProgress(int done, int total) implements Comparable<TaskProgress> {

    static TaskProgress of(int currentTask, List<String> tasks) {
        return new TaskProgress(Math.max(0, Math.min(currentTask, tasks.size())), tasks.size());
    }

    /** 0..1; 0 with no tasks. */
    public double fraction() {
        return total == 0 ? 0 : (double) done / total;
    }

    @Override
    public int compareTo(TaskProgress other) {
        int byFraction = Double.compare(fraction(), other.fraction());
        return byFraction != 0 ? byFraction : Integer.compare(total, other.total);
    }

    /** E.g. "3 / 7", or "no tasks". */
    @Override
    public String toString() {
        return total == 0 ? "no tasks" : done + " / " + total;
    }
}
