package dev.drpconsole.ui.logview;

import java.util.Arrays;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Find in the log: which lines match, which one is current, and the "3 of 120" text. Lines are scanned on a
 * background executor, a block at a time, with partial results handed back to the UI thread every 100 ms, so
 * a million lines never hold the UI up; lines that arrive later are scanned as they come. A count is of
 * matching lines, like {@code grep -c}. All methods are for the UI thread.
 */
final class LogSearch {
    private static final long PUBLISH_EVERY_NANOS = 100_000_000L;

    private final LineStore store;
    private final Executor background;
    private final Executor ui;
    private final ReadOnlyObjectWrapper<LineMatcher> matcher = new ReadOnlyObjectWrapper<>(new LineMatcher(""));
    private final ReadOnlyLongWrapper currentLine = new ReadOnlyLongWrapper(-1);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    private long[] hits = new long[64];
    private int hitCount;
    private int current = -1;
    private long anchor = -1;
    private long scannedTo;
    private boolean scanning;
    private int generation;

    LogSearch(LineStore store, Executor background, Executor ui) {
        this.store = store;
        this.background = background;
        this.ui = ui;
    }

    /**
     * Starts a new search over lines up to {@code end}; the first match at or after {@code anchor} (the top
     * line in view) becomes current as soon as it is found, like a browser's find.
     */
    void search(String query, long anchor, long end) {
        generation++;
        matcher.set(new LineMatcher(query));
        hitCount = 0;
        current = -1;
        currentLine.set(-1);
        this.anchor = anchor;
        scanning = false;
        scannedTo = store.first();
        extendTo(end);
        updateStatus();
    }

    /** Scans lines that arrived since the last scan; call when new lines are shown. */
    void extendTo(long end) {
        if (matcher.get().isEmpty() || scanning || scannedTo >= end) {
            return;
        }
        scanning = true;
        int scanGeneration = generation;
        LineMatcher scanMatcher = matcher.get();
        long from = scannedTo;
        background.execute(() -> scan(scanGeneration, scanMatcher, from, end));
    }

    /** Runs on the background executor; stops after about 100 ms to hand over what it found. */
    private void scan(int scanGeneration, LineMatcher scanMatcher, long from, long end) {
        long started = System.nanoTime();
        long[][] found = {new long[64]};
        int[] count = {0};
        long[] reached = {from};
        store.visit(from, end, (line, bytes, offset, length) -> {
            if (scanMatcher.matches(bytes, offset, length)) {
                if (count[0] == found[0].length) {
                    found[0] = Arrays.copyOf(found[0], count[0] * 2);
                }
                found[0][count[0]++] = line;
            }
            reached[0] = line + 1;
            return (line & 1023) != 0 || System.nanoTime() - started < PUBLISH_EVERY_NANOS;
        });
        long[] batch = Arrays.copyOf(found[0], count[0]);
        long scanned = Math.max(reached[0], store.first());
        ui.execute(() -> accept(scanGeneration, batch, scanned, end));
    }

    private void accept(int scanGeneration, long[] batch, long reached, long end) {
        if (scanGeneration != generation) {
            return; // a newer search replaced this one
        }
        for (long line : batch) {
            add(line);
        }
        scannedTo = reached;
        scanning = false;
        if (current < 0 && anchor >= 0) {
            pickFirstAfterAnchor(reached >= end);
        }
        extendTo(end);
        updateStatus();
    }

    private void pickFirstAfterAnchor(boolean scanComplete) {
        int at = firstHitAtOrAfter(anchor);
        if (at < hitCount) {
            select(at);
        } else if (scanComplete && hitCount > 0) {
            select(0); // nothing below the anchor: wrap to the top
        }
    }

    void next() {
        if (hitCount > 0) {
            select(current < 0 ? 0 : (current + 1) % hitCount);
        }
    }

    void previous() {
        if (hitCount > 0) {
            select(current <= 0 ? hitCount - 1 : current - 1);
        }
    }

    /** Forgets the query and its matches. */
    void close() {
        search("", -1, 0);
    }

    /** Forgets matches in lines that were dropped or cleared. */
    void forgetBefore(long first) {
        int gone = firstHitAtOrAfter(first);
        if (gone == 0) {
            scannedTo = Math.max(scannedTo, first);
            return;
        }
        System.arraycopy(hits, gone, hits, 0, hitCount - gone);
        hitCount -= gone;
        current = current < gone ? -1 : current - gone;
        currentLine.set(current < 0 ? -1 : hits[current]);
        scannedTo = Math.max(scannedTo, first);
        updateStatus();
    }

    ReadOnlyObjectProperty<LineMatcher> matcherProperty() {
        return matcher.getReadOnlyProperty();
    }

    /** The absolute number of the current match's line, or -1. */
    ReadOnlyLongProperty currentLineProperty() {
        return currentLine.getReadOnlyProperty();
    }

    /** "3 of 120", "120 matches", "No matches", or empty when there is no query. */
    ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    private void select(int index) {
        current = index;
        anchor = -1;
        currentLine.set(hits[index]);
        updateStatus();
    }

    private void add(long line) {
        if (hitCount == hits.length) {
            hits = Arrays.copyOf(hits, hits.length * 2);
        }
        hits[hitCount++] = line;
    }

    private int firstHitAtOrAfter(long line) {
        int at = Arrays.binarySearch(hits, 0, hitCount, line);
        return at >= 0 ? at : -at - 1;
    }

    private void updateStatus() {
        String text;
        if (matcher.get().isEmpty()) {
            text = "";
        } else if (current >= 0) {
            text = String.format("%,d of %,d", current + 1, hitCount);
        } else if (hitCount > 0) {
            text = String.format("%,d matches", hitCount);
        } else {
            text = scanning ? "Searching…" : "No matches";
        }
        status.set(scanning && current < 0 && hitCount > 0 ? text + "…" : text);
    }
}
