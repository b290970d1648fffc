package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

/** §B.9: after a burst, in which DRP may have dropped frames without a word, a live copy lists again. */
class LiveObjectsResyncTest {
    private final InMemoryDrpClient drp = new InMemoryDrpClient();

    private static String imageOf(LiveCopy<DrpContext> copy, String name) {
        return copy.objects.get(name).image();
    }

    @Test
    void changesWhoseEventsWereDroppedAppearAfterTheBurst() throws Exception {
        drp.put(DrpContext.of("a", "e", "one", ""));
        LiveCopy<DrpContext> copy = new LiveCopy<>();
        try (LiveObjects<DrpContext> live = new LiveObjects<>(drp, DrpType.CONTEXTS, Filter.ALL, context -> true,
                Runnable::run)) {
            live.start(copy);
            LiveCopy.await("the first list", () -> copy.objects.containsKey("a"));

            drp.putEventDropped(DrpContext.of("a", "e", "two", ""));
            drp.putEventDropped(DrpContext.of("b", "e", "one", ""));
            assertEquals("one", imageOf(copy, "a"), "no event said anything changed");
            assertFalse(copy.objects.containsKey("b"));

            drp.burstEnded();
            LiveCopy.await("the copy matches the endpoint", () -> "two".equals(imageOf(copy, "a"))
                    && copy.objects.containsKey("b"));
        }
    }
}
