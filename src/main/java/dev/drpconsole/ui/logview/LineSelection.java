package dev.drpconsole.ui.logview;

import java.util.Iterator;
import java.util.TreeSet;
import java.util.function.LongConsumer;

/**
 * Which lines are selected, by absolute number: one range (click, shift-click) plus lines toggled with ctrl-click.
 * A line is selected when it is in the range or toggled, but not both, so ctrl-click also takes a line out of
 * the range. Small however many lines are selected: shift-clicking across a million lines is two numbers.
 */
final class LineSelection {
    private long anchor = -1;
    private long from = -1;
    private long to = -1;
    private final TreeSet<Long> toggled = new TreeSet<>();

    /** A plain click: only this line. */
    void select(long line) {
        anchor = line;
        from = line;
        to = line;
        toggled.clear();
    }

    /** Shift-click: from the last clicked line to this one. */
    void extendTo(long line) {
        if (anchor < 0) {
            select(line);
            return;
        }
        from = Math.min(anchor, line);
        to = Math.max(anchor, line);
        toggled.clear();
    }

    /** Ctrl-click: this line in or out, the rest kept. */
    void toggle(long line) {
        anchor = line;
        if (!toggled.remove(line)) {
            toggled.add(line);
        }
    }

    void clear() {
        anchor = -1;
        from = -1;
        to = -1;
        toggled.clear();
    }

    /** The line keyboard moves start from: the last clicked, or -1. */
    long anchor() {
        return anchor;
    }

    boolean isSelected(long line) {
        return (line >= from && line <= to && from >= 0) != toggled.contains(line);
    }

    /** Every selected line at or above {@code first}, in order. */
    void forEach(long first, LongConsumer action) {
        Iterator<Long> extra = toggled.tailSet(first).iterator();
        long next = extra.hasNext() ? extra.next() : Long.MAX_VALUE;
        long line = from < 0 ? Long.MAX_VALUE : Math.max(from, first);
        long last = from < 0 ? -1 : to;
        while (line <= last || next != Long.MAX_VALUE) {
            long candidate = Math.min(line <= last ? line : Long.MAX_VALUE, next);
            if (isSelected(candidate)) {
                action.accept(candidate);
            }
            if (candidate == line) {
                line++;
            }
            if (candidate == next) {
                next = extra.hasNext() ? extra.next() : Long.MAX_VALUE;
            }
        }
    }
}
