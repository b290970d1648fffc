package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Find without a window: the scan runs on the calling thread, so results are there at once. */
class LogSearchTest {
    private final LineStore store = new LineStore(1_000_000);
    private final LogSearch search = new LogSearch(store, Runnable::run, Runnable::run);

    @Test
    void countsMatchingLinesCaseInsensitiveInVisibleText() {
        store.append("Error one", 0);
        store.append("all good", 0);
        store.append("\u001b[31mERR\u001b[0mOR two", 0); // colour codes inside the word
        store.append("\u001b[31mnothing\u001b[0m", 0);
        store.append("errors: 3", 0);
        search.search("error", 0, store.end());
        assertEquals("1 of 3", search.statusProperty().get());
        assertEquals(0, search.currentLineProperty().get());
    }

    @Test
    void nextAndPreviousWrapAround() {
        for (int i = 0; i < 10; i++) {
            store.append(i % 3 == 0 ? "match " + i : "other", 0);
        }
        search.search("MATCH", 4, store.end());
        assertEquals(6, search.currentLineProperty().get(), "first match below the top line in view");
        assertEquals("3 of 4", search.statusProperty().get());
        search.next();
        search.next();
        assertEquals("1 of 4", search.statusProperty().get());
        search.previous();
        assertEquals(9, search.currentLineProperty().get());
    }

    @Test
    void scansBelowTheAnchorFirstAndKeepsMatchesInOrder() {
        java.util.List<Runnable> uiTasks = new java.util.ArrayList<>();
        LogSearch deferred = new LogSearch(store, Runnable::run, uiTasks::add);
        for (int i = 0; i < 5000; i++) {
            store.append(i % 10 == 0 ? "match " + i : "other", 0);
        }
        deferred.search("match", 4001, store.end());
        assertEquals("Searching…", deferred.statusProperty().get());
        uiTasks.get(0).run(); // the first batch: the first match below the anchor, handed over at once
        assertEquals(4010, deferred.currentLineProperty().get());
        assertEquals("1 of 1…", deferred.statusProperty().get(), "still counting");
        uiTasks.subList(1, uiTasks.size()).forEach(Runnable::run);
        assertEquals(4010, deferred.currentLineProperty().get());
        assertEquals("402 of 500", deferred.statusProperty().get());
        deferred.next();
        assertEquals(4020, deferred.currentLineProperty().get());
        int handedOver = uiTasks.size();
        deferred.search("match 30", 4001, store.end()); // nothing below the anchor: wraps to the first
        new java.util.ArrayList<>(uiTasks.subList(handedOver, uiTasks.size())).forEach(Runnable::run);
        assertEquals(30, deferred.currentLineProperty().get());
        assertEquals("1 of 12", deferred.statusProperty().get());
    }

    @Test
    void linesArrivingLaterAreSearchedToo() {
        store.append("needle", 0);
        search.search("needle", 0, store.end());
        store.append("hay", 0);
        store.append("another needle", 0);
        search.extendTo(store.end());
        assertEquals("1 of 2", search.statusProperty().get());
    }

    @Test
    void escapeSequencesNeverMatchAndNeverSplitAMatch() {
        store.append("\u001b[31mRED\u001b[0m alert", 0);
        store.append("\u001b]0;title with alert\u0007plain", 0);
        search.search("31m", 0, store.end());
        assertEquals("No matches", search.statusProperty().get(), "codes are not text");
        search.search("red alert", 0, store.end());
        assertEquals("1 of 1", search.statusProperty().get());
        search.search("alert", 0, store.end());
        assertEquals("1 of 1", search.statusProperty().get(), "an OSC title is not shown, so not found");
    }

    @Test
    void noMatchesSaysSo() {
        store.append("abc", 0);
        search.search("xyz", 0, store.end());
        assertEquals("No matches", search.statusProperty().get());
        search.close();
        assertEquals("", search.statusProperty().get());
    }
}
