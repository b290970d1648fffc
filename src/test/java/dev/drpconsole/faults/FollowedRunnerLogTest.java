package dev.drpconsole.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The faults' comparison of a shown log with the engine's counts what a reader would miss or see twice. */
class FollowedRunnerLogTest {
    private static final List<String> ENGINE = List.of("l1", "l2", "l3", "l4", "l5");

    @Test
    void theSameLinesFromTheFirstShownOnLoseNothing() {
        assertEquals(0, FollowedRunnerLog.compare(List.of("l2", "l3", "l4", "l5"), ENGINE).count());
        assertEquals(0, FollowedRunnerLog.compare(List.of("l4", "l5", "l6"), ENGINE).count(),
                "a line newer than the engine's answer is no loss");
    }

    @Test
    void aLineTwiceOrMissingOrUnknownIsLost() {
        assertEquals(1, FollowedRunnerLog.compare(List.of("l1", "l2", "l2", "l3", "l4", "l5"), ENGINE).count());
        assertEquals(2, FollowedRunnerLog.compare(List.of("l1", "l4", "l5"), ENGINE).count());
        assertEquals(1, FollowedRunnerLog.compare(List.of("l1", "l2", "x", "l3", "l4", "l5"), ENGINE).count());
        assertEquals(List.of("missing: l3"),
                FollowedRunnerLog.compare(List.of("l1", "l2", "l4", "l5"), ENGINE).problems());
    }
}
