package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineAssemblerTest {
    private final LineAssembler assembler = new LineAssembler();

    @Test
    void keepsAnUnfinishedLineUntilItsBreakArrives() {
        assertEquals(List.of("first"), assembler.feed("first\nsec"));
        assertEquals("sec", assembler.pending());
        assertEquals(List.of("second", "third"), assembler.feed("ond\nthird\n"));
        assertEquals("", assembler.pending());
    }

    @Test
    void crlfEndsOneLineEvenSplitAcrossChunks() {
        assertEquals(List.of("a"), assembler.feed("a\r\n"));
        assertEquals(List.of(), assembler.feed("b\r"));
        assertEquals(List.of("b", ""), assembler.feed("\n\n"));
    }

    @Test
    void loneCarriageReturnRewritesTheLine() {
        assertEquals(List.of("100%"), assembler.feed("10%\r50%\r100%\n"));
        assertEquals(List.of(), assembler.feed("10%\r"));
        assertEquals(List.of("20%"), assembler.feed("20%\n"));
    }
}
