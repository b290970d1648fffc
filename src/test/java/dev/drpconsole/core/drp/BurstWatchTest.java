package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When frames may have been dropped: after a long run of them, never after a trickle. Times in ms. */
class BurstWatchTest {
    private final BurstWatch watch = new BurstWatch(64, ms(500), ms(10_000));

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    @Test
    void aTrickleOfEventsIsNoBurst() {
        for (int i = 0; i < 1_000; i++) {
            assertFalse(watch.frame(ms(600L * i)), "frames 600 ms apart never run together");
            assertFalse(watch.resyncDue(ms(600L * i + 550)));
        }
    }

    @Test
    void aLongRunAsksForOneResyncOnceQuiet() {
        boolean started = false;
        for (int i = 0; i < 300; i++) {
            started |= watch.frame(ms(20L * i)); // 300 frames over 6 s: a slow link, still one run
        }
        assertTrue(started);
        assertFalse(watch.resyncDue(ms(6_100)), "not while frames still come");
        assertTrue(watch.resyncDue(ms(20L * 299 + 500)), "once the run has been quiet for 500 ms");
        assertFalse(watch.resyncDue(ms(9_000)), "once per burst");
        assertFalse(watch.inBurst());
    }

    @Test
    void aShortRunIsNoBurst() {
        for (int i = 0; i < 63; i++) {
            assertFalse(watch.frame(ms(i)));
        }
        assertFalse(watch.inBurst());
        assertFalse(watch.resyncDue(ms(2_000)));
    }

    @Test
    void aBurstThatGoesOnIsReportedEveryLongestAndAtItsEnd() {
        int resyncs = 0;
        long now = 0;
        for (int i = 0; i < 2_500; i++) { // 25 s of frames 10 ms apart
            now = ms(10L * i);
            watch.frame(now);
            if (watch.resyncDue(now)) {
                resyncs++;
            }
        }
        assertTrue(resyncs == 2, "at 10 s and 20 s into the burst, got " + resyncs);
        assertTrue(watch.resyncDue(now + ms(500)), "and when it ends");
    }
}
