package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineStoreTest {

    @Test
    void keepsLinesAndTheirTimesAcrossBlocks() {
        LineStore store = new LineStore(1_000_000);
        for (int i = 0; i < 20_000; i++) {
            store.append("line " + i + " ünïcødé", 1000L + i);
        }
        assertEquals(0, store.first());
        assertEquals(20_000, store.end());
        assertEquals("line 12345 ünïcødé", store.text(12_345));
        assertEquals(1000L + 19_999, store.time(19_999));
    }

    @Test
    void mixesAsciiAndOtherLinesOfAnyLengthInOneBlock() {
        LineStore store = new LineStore(1_000_000);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < LineStore.BLOCK_LINES * 2 + 100; i++) {
            String line = switch (i % 5) {
                case 0 -> "ascii " + i;
                case 1 -> "latin-1 caf\u00e9 " + i;
                case 2 -> "beyond latin-1 \u0101\u4e2d\ud83d\ude00 " + i; // a char whose low byte is ASCII
                case 3 -> "long ".repeat(i % 3000) + i; // longer than a fresh block and the scratch room
                default -> "";
            };
            expected.add(line);
            store.append(line, i);
        }
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), store.text(i), "line " + i);
        }
        List<String> visited = new ArrayList<>();
        store.visit(0, store.end(), (line, bytes, offset, length) ->
                visited.add(new String(bytes, offset, length, StandardCharsets.UTF_8)));
        assertEquals(expected, visited);
    }

    @Test
    void dropsTheOldestBlocksPastTheCapAndKeepsNumbering() {
        LineStore store = new LineStore(LineStore.BLOCK_LINES * 2L);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < LineStore.BLOCK_LINES * 3 + 10; i++) {
            lines.add("n" + i);
        }
        store.appendAll(lines, 0);
        assertEquals(LineStore.BLOCK_LINES, store.first(), "one block dropped");
        assertEquals("n" + (LineStore.BLOCK_LINES + 5), store.text(LineStore.BLOCK_LINES + 5));
        assertEquals("", store.text(3), "a dropped line reads as empty");
    }

    @Test
    void clearForgetsEverythingButNumbersGoOn() {
        LineStore store = new LineStore(1000);
        store.append("old", 0);
        store.clear();
        store.append("new", 0);
        assertEquals(store.end() - 1, store.first());
        assertEquals("new", store.text(store.first()));
    }

    @Test
    void writesExactBytesOneLinePerLine() throws Exception {
        LineStore store = new LineStore(1000);
        store.appendAll(List.of("a", "\u001b[31mb\u001b[0m", "", "ç"), 0);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.writeTo(out, 0, store.end());
        assertEquals("a\n\u001b[31mb\u001b[0m\n\nç\n", out.toString(StandardCharsets.UTF_8));
    }
}
