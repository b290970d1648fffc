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
 * background executor, straight on their stored bytes, from the top line in view down to the end first and
 * then from the oldest line up to it, so the match a user wants next is found first. The scan never waits for
 * the UI thread: its first match is handed over at once, the rest every 100 ms, so a million lines never hold
 * the UI up; lines that arrive later are scanned as they come. A count is of matching lines, like
 * {@code grep -c}; until the first full count is in, it ends with "…". All methods are for the UI thread.
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
    /** The first scan of a new query is still running: the count is not complete. */
    private boolean counting;
    private int generation;
    /** {@link #generation}, for the scanning thread: a replaced search's scan stops. */
    private volatile int liveGeneration;

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
        liveGeneration = generation;
        matcher.set(new LineMatcher(query));
        hitCount = 0;
        current = -1;
        currentLine.set(-1);
        this.anchor = anchor;
        scanning = false;
        counting = !query.isEmpty();
        scannedTo = store.first();
        extendTo(end);
        counting &= scanning;
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
        // Below the anchor first: the match to show is there, unless there is none and the search wraps.
        long split = anchor > from && anchor < end ? anchor : from;
        background.execute(() -> new Scan(scanGeneration, scanMatcher, end).run(from, split));
    }

    /** One scan on the background executor: [split, end), then [from, split), handing over batches of hits. */
    private final class Scan implements LineStore.LineVisitor {
        private final int scanGeneration;
        private final LineMatcher scanMatcher;
        private final long end;
        private long[] found = new long[64];
        private int count;
        private long lastHandedOver = System.nanoTime();
        private boolean handedOverAny;
        private boolean belowDone;
        private boolean stopped;

        Scan(int scanGeneration, LineMatcher scanMatcher, long end) {
            this.scanGeneration = scanGeneration;
            this.scanMatcher = scanMatcher;
            this.end = end;
        }

        void run(long from, long split) {
            store.visit(split, end, this);
            belowDone = true;
            handOver(false); // a batch never spans the split: batches stay sorted where they go
            if (!stopped && from < split) {
                store.visit(from, split, this);
            }
            handOver(true);
        }

        @Override
        public boolean visit(long line, byte[] bytes, int offset, int length) {
            if (scanMatcher.matches(bytes, offset, length)) {
                if (count == found.length) {
                    found = Arrays.copyOf(found, count * 2);
                }
                found[count++] = line;
                if (!handedOverAny) {
                    handOver(false); // the first match shows at once
                }
            }
            if ((line & 1023) == 0) {
                if (liveGeneration != scanGeneration) {
                    stopped = true;
                    return false;
                }
                if (System.nanoTime() - lastHandedOver >= PUBLISH_EVERY_NANOS) {
                    handOver(false);
                }
            }
            return true;
        }

        private void handOver(boolean last) {
            long[] batch = Arrays.copyOf(found, count);
            boolean below = belowDone;
            count = 0;
            handedOverAny |= batch.length > 0;
            lastHandedOver = System.nanoTime();
            ui.execute(() -> accept(scanGeneration, batch, last, below, end));
        }
    }

    private void accept(int scanGeneration, long[] batch, boolean last, boolean belowDone, long end) {
        if (scanGeneration != generation) {
            return; // a newer search replaced this one
        }
        insert(batch);
        if (last) {
            scannedTo = Math.max(end, store.first());
            scanning = false;
            counting = false;
        }
        if (current < 0 && anchor >= 0) {
            pickFirstAfterAnchor(belowDone);
        }
        if (last) {
            extendTo(end);
        }
        updateStatus();
    }

    /** Adds a sorted batch of hits where it belongs (every hit kept is either below or above all of it). */
    private void insert(long[] batch) {
        if (batch.length == 0) {
            return;
        }
        int at = firstHitAtOrAfter(batch[0]);
        if (hitCount + batch.length > hits.length) {
            hits = Arrays.copyOf(hits, Math.max(hits.length * 2, hitCount + batch.length));
        }
        System.arraycopy(hits, at, hits, at + batch.length, hitCount - at);
        System.arraycopy(batch, 0, hits, at, batch.length);
        hitCount += batch.length;
        if (current >= at) {
            current += batch.length;
        }
    }

    /** @param belowDone every line from the anchor down has been scanned */
    private void pickFirstAfterAnchor(boolean belowDone) {
        int at = firstHitAtOrAfter(anchor);
        if (at < hitCount) {
            select(at);
        } else if (belowDone && hitCount > 0) {
            select(0); // nothing below the anchor: wrap to the top (lines above it are scanned in order)
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
        status.set(scanning && counting && hitCount > 0 ? text + "…" : text);
    }
}
