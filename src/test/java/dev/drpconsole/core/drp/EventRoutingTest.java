package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Routing events by filter, and cutting log chunks at whole UTF-8 characters. */
class EventRoutingTest {

    @Test
    void filtersMatchStarsCommaListsAndEscapes() {
        EventFilterMatcher all = new EventFilterMatcher("machines.*.*");
        assertTrue(all.matches("machines", "save", "u1"));
        assertFalse(all.matches("jobs", "save", "u1"));
        EventFilterMatcher some = new EventFilterMatcher("contexts,profiles.create,update.one\\1dot,two");
        assertTrue(some.matches("profiles", "update", "one.dot"));
        assertTrue(some.matches("contexts", "create", "two"));
        assertFalse(some.matches("contexts", "delete", "two"));
        assertFalse(some.matches("contexts", "create", "one"));
    }

    /** DRP v4.7.0 api/event_stream.go matches: SplitN(registration, ".", 3): the key keeps its dots. */
    @Test
    void aKeyWithDotsIsOneKey() {
        EventFilterMatcher dotted = new EventFilterMatcher("profiles.*.site.rack-1.cfg");
        assertTrue(dotted.matches("profiles", "update", "site.rack-1.cfg"));
        assertFalse(dotted.matches("profiles", "update", "site"));
    }

    @Test
    void logChunksEndBeforeAnIncompleteCharacter() {
        byte[] text = "a€".getBytes(StandardCharsets.UTF_8); // € is three bytes
        assertEquals(4, Utf8Boundary.completeLength(text, 0, 4));
        assertEquals(1, Utf8Boundary.completeLength(text, 0, 3));
        assertEquals(1, Utf8Boundary.completeLength(text, 0, 2));
        assertEquals(3, Utf8Boundary.completeLength(text, 1, 4));
        assertEquals(0, Utf8Boundary.completeLength(text, 0, 0));
    }
}
