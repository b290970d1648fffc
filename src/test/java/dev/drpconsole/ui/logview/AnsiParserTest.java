package dev.drpconsole.ui.logview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class AnsiParserTest {
    private static final String E = "\u001b";

    @Test
    void plainTextIsOneUnstyledRun() {
        StyledLine line = AnsiParser.parse("hello world");
        assertEquals("hello world", line.text());
        assertEquals(List.of(new StyledLine.Run(0, 11, AnsiStyle.PLAIN)), line.runs());
    }

    @Test
    void sgrColoursAndBoldBecomeRuns() {
        StyledLine line = AnsiParser.parse(E + "[1;31mERROR" + E + "[0m done");
        assertEquals("ERROR done", line.text());
        assertEquals(2, line.runs().size());
        AnsiStyle error = line.runs().get(0).style();
        assertEquals(1, error.fg());
        assertTrue(error.has(AnsiStyle.BOLD));
        assertEquals(new StyledLine.Run(5, 10, AnsiStyle.PLAIN), line.runs().get(1));
    }

    @Test
    void brightBackground256AndTrueColour() {
        assertEquals(9, style(E + "[91mx").fg());
        assertEquals(12, style(E + "[104mx").bg());
        assertEquals(208, style(E + "[38;5;208mx").fg());
        assertEquals(AnsiStyle.RGB | 0x785ac8, style(E + "[38;2;120;90;200mx").fg());
        assertEquals(AnsiStyle.RGB | 0xff8000, style(E + "[38:2::255:128:0mx").fg(), "colon form with colour space");
        assertEquals(0x878787 & 0xffffff, AnsiStyle.rgbOf(102) & 0xffffff, "xterm cube");
    }

    @Test
    void resetsAndPartialResets() {
        assertEquals(AnsiStyle.PLAIN, style(E + "[31;1m" + E + "[mx"), "empty SGR resets");
        AnsiStyle s = style(E + "[1;4;31m" + E + "[22;39mx");
        assertEquals(AnsiStyle.DEFAULT, s.fg());
        assertTrue(s.has(AnsiStyle.UNDERLINE));
        assertTrue(!s.has(AnsiStyle.BOLD));
    }

    @Test
    void otherEscapeSequencesAndControlsNeverShow() {
        String raw = E + "[2K" + E + "[1Gprogress" + E + "[?25l 50%" + E + "]0;title\u0007 ok"
                + E + "]8;;https://x.invalid" + E + "\\link" + E + "]8;;" + E + "\\" + E + "(B\u0008\u0007!" + E + "[";
        assertEquals("progress 50% oklink!", AnsiParser.strip(raw));
    }

    @Test
    void tabsStay() {
        assertEquals("a\tb", AnsiParser.strip("a\tb"));
    }

    private static AnsiStyle style(String raw) {
        List<StyledLine.Run> runs = AnsiParser.parse(raw).runs();
        return runs.get(runs.size() - 1).style();
    }
}
