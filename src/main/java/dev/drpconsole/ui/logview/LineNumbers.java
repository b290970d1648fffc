package dev.drpconsole.ui.logview;

import java.util.AbstractList;
import javafx.collections.ObservableListBase;

/**
 * The list behind the line view: the absolute numbers of the lines shown, from {@code first} to {@code end},
 * computed on demand. A million lines cost no memory here, and publishing a pulse's new lines is one change
 * event, however many there are.
 */
final class LineNumbers extends ObservableListBase<Long> {
    private long first;
    private long end;

    @Override
    public Long get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return first + index;
    }

    @Override
    public int size() {
        return (int) (end - first);
    }

    long first() {
        return first;
    }

    long end() {
        return end;
    }

    /** Index of an absolute line number, or -1 when it is not shown. */
    int indexOf(long line) {
        return line >= first && line < end ? (int) (line - first) : -1;
    }

    /** Moves the window to [newFirst, newEnd), telling listeners what left at the top and what came at the end. */
    void show(long newFirst, long newEnd) {
        if (newFirst == first && newEnd == end) {
            return;
        }
        beginChange();
        long oldFirst = first;
        int removed = (int) (Math.min(newFirst, end) - first);
        if (removed > 0) {
            nextRemove(0, new Range(oldFirst, removed));
        }
        first = newFirst;
        long addFrom = Math.max(end, newFirst);
        end = newEnd;
        if (newEnd > addFrom) {
            nextAdd((int) (addFrom - first), (int) (newEnd - first));
        }
        endChange();
    }

    /** The removed numbers, as a view: nothing is copied. */
    private static final class Range extends AbstractList<Long> {
        private final long from;
        private final int size;

        Range(long from, int size) {
            this.from = from;
            this.size = size;
        }

        @Override
        public Long get(int index) {
            return from + index;
        }

        @Override
        public int size() {
            return size;
        }
    }
}
