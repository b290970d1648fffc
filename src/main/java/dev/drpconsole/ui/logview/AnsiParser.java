package dev.drpconsole.ui.logview;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads ANSI escape sequences in one log line. SGR sequences ({@code ESC[...m}: 16 colours, 256 colours,
 * 24-bit colour, bold, dim, italic, underline, inverse, strike-through) become styled runs; every other escape
 * sequence (cursor moves, erase, OSC titles and links, DCS) and control character is removed, so nothing
 * ever shows as garbage. Parsed when a line is shown, not when it arrives: a million lines cost nothing here.
 * A line starts in the default style: colours do not leak from one line to the next, which keeps every line
 * drawable on its own.
 */
final class AnsiParser {
    private static final char ESC = 0x1b;
    private static final char CSI_C1 = 0x9b;
    private static final char BEL = 0x07;

    private AnsiParser() {
    }

    /** The visible text only. */
    static String strip(String raw) {
        return needsParsing(raw) ? parse(raw).text() : raw;
    }

    static StyledLine parse(String raw) {
        if (!needsParsing(raw)) {
            return new StyledLine(raw, List.of(new StyledLine.Run(0, raw.length(), AnsiStyle.PLAIN)));
        }
        StringBuilder text = new StringBuilder(raw.length());
        List<StyledLine.Run> runs = new ArrayList<>();
        AnsiStyle style = AnsiStyle.PLAIN;
        int runStart = 0;
        int i = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c == ESC || c == CSI_C1) {
                boolean csi = c == CSI_C1 || (i + 1 < raw.length() && raw.charAt(i + 1) == '[');
                int end = csi ? endOfCsi(raw, c == CSI_C1 ? i + 1 : i + 2) : endOfEscape(raw, i + 1);
                int paramsStart = c == CSI_C1 ? i + 1 : i + 2;
                if (csi && end > paramsStart && raw.charAt(end - 1) == 'm') {
                    AnsiStyle next = Sgr.apply(style, raw.substring(paramsStart, end - 1));
                    if (!next.equals(style)) {
                        addRun(runs, runStart, text.length(), style);
                        runStart = text.length();
                        style = next;
                    }
                }
                i = end;
            } else {
                if (c >= 0x20 && c != 0x7f || c == '\t') {
                    text.append(c);
                }
                i++;
            }
        }
        addRun(runs, runStart, text.length(), style);
        if (runs.isEmpty()) {
            runs.add(new StyledLine.Run(0, 0, AnsiStyle.PLAIN));
        }
        return new StyledLine(text.toString(), runs);
    }

    private static boolean needsParsing(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c < 0x20 && c != '\t' || c == 0x7f || c == CSI_C1) {
                return true;
            }
        }
        return false;
    }

    private static void addRun(List<StyledLine.Run> runs, int start, int end, AnsiStyle style) {
        if (end > start) {
            runs.add(new StyledLine.Run(start, end, style));
        }
    }

    /** Index after a CSI sequence's final byte (0x40-0x7E); a cut-off sequence runs to the end of the line. */
    private static int endOfCsi(String raw, int from) {
        for (int i = from; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 0x40 && c <= 0x7e) {
                return i + 1;
            }
            if (c < 0x20 || c > 0x7e) {
                return i; // malformed: drop what was read, keep the rest as text
            }
        }
        return raw.length();
    }

    /** Index after a non-CSI escape: a string sequence up to its terminator, or ESC + intermediates + final. */
    private static int endOfEscape(String raw, int from) {
        if (from >= raw.length()) {
            return raw.length();
        }
        char kind = raw.charAt(from);
        if (kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_') {
            for (int i = from + 1; i < raw.length(); i++) {
                char c = raw.charAt(i);
                if (c == BEL) {
                    return i + 1;
                }
                if (c == ESC && i + 1 < raw.length() && raw.charAt(i + 1) == '\\') {
                    return i + 2;
                }
            }
            return raw.length();
        }
        int i = from;
        while (i < raw.length() && raw.charAt(i) >= 0x20 && raw.charAt(i) <= 0x2f) {
            i++;
        }
        return Math.min(i + 1, raw.length());
    }
}
