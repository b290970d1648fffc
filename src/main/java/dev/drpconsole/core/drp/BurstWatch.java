package dev.drpconsole.core.drp;

/**
 * Tells when event frames may have been lost without a word. A real DRP endpoint keeps a bounded buffer of unsent
 * frames per websocket (256 in melody, the v3 server's websocket library) and drops further frames for a client that
 * falls behind, keeping the socket open; events carry no sequence number. A drop needs that buffer full, so the client
 * then receives at least the buffered frames back to back, at whatever speed its link has: a <em>run</em> of frames
 * with no quiet gap between them. Only long runs can hide a loss; after one, holders of live state list again.
 *
 * <p>A run is frames less than {@code quiet} apart; it counts as a burst from {@code burstFrames} frames. A burst
 * ends at the first quiet gap; one that goes on longer than {@code longest} is also reported every {@code longest},
 * so a steadily busy endpoint still catches up. Pure state with the times passed in: the owner calls it on one thread
 * and polls {@link #resyncDue} while {@link #inBurst}.
 */
final class BurstWatch {
    private final int burstFrames;
    private final long quietNanos;
    private final long longestNanos;
    private int runFrames;
    private long lastFrame;
    private long burstStart;
    private boolean inBurst;

    BurstWatch(int burstFrames, long quietNanos, long longestNanos) {
        this.burstFrames = burstFrames;
        this.quietNanos = quietNanos;
        this.longestNanos = longestNanos;
    }

    /** @return true when this frame made the run a burst: start polling {@link #resyncDue} */
    boolean frame(long now) {
        if (runFrames > 0 && now - lastFrame >= quietNanos) {
            runFrames = 0; // a gap: the run is over (a burst in it is ended by resyncDue)
        }
        runFrames++;
        lastFrame = now;
        if (!inBurst && runFrames >= burstFrames) {
            inBurst = true;
            burstStart = now;
            return true;
        }
        return false;
    }

    /** @return true when live state should be listed again now: the burst ended, or has gone on for long */
    boolean resyncDue(long now) {
        if (!inBurst) {
            return false;
        }
        if (now - lastFrame >= quietNanos) {
            inBurst = false;
            runFrames = 0;
            return true;
        }
        if (now - burstStart >= longestNanos) {
            burstStart = now;
            return true;
        }
        return false;
    }

    boolean inBurst() {
        return inBurst;
    }

    /** A new socket: what the old one received says nothing about it (its resync covers the gap). */
    void reset() {
        inBurst = false;
        runFrames = 0;
    }
}
