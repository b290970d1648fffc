package dev.drpconsole.ui.logview;

/** Applies the parameters of one SGR sequence ({@code ESC[<params>m}) to a style. */
final class Sgr {
    private Sgr() {
    }

    /** {@code params} as between "[" and "m", e.g. "1;31" or "38;5;208" or "38:2::255:128:0"; empty means reset. */
    static AnsiStyle apply(AnsiStyle style, String params) {
        if (params.isEmpty()) {
            return AnsiStyle.PLAIN;
        }
        if (params.charAt(0) >= 0x3c) {
            return style; // private sequences (e.g. "?25h" leaking in as 'm' variants) are not SGR
        }
        int[] codes = numbers(params);
        AnsiStyle s = style;
        for (int i = 0; i < codes.length; i++) {
            int code = codes[i];
            if (code == 38 || code == 48) {
                int[] colour = extendedColour(codes, i + 1);
                if (colour[0] != AnsiStyle.DEFAULT) {
                    s = code == 38 ? s.withFg(colour[0]) : s.withBg(colour[0]);
                }
                i += colour[1];
            } else {
                s = simple(s, code);
            }
        }
        return s;
    }

    private static AnsiStyle simple(AnsiStyle s, int code) {
        if (code >= 30 && code <= 37) {
            return s.withFg(code - 30);
        } else if (code >= 90 && code <= 97) {
            return s.withFg(code - 90 + 8);
        } else if (code >= 40 && code <= 47) {
            return s.withBg(code - 40);
        } else if (code >= 100 && code <= 107) {
            return s.withBg(code - 100 + 8);
        }
        return switch (code) {
            case 0 -> AnsiStyle.PLAIN;
            case 1 -> s.with(AnsiStyle.BOLD, true);
            case 2 -> s.with(AnsiStyle.DIM, true);
            case 3 -> s.with(AnsiStyle.ITALIC, true);
            case 4 -> s.with(AnsiStyle.UNDERLINE, true);
            case 7 -> s.with(AnsiStyle.INVERSE, true);
            case 9 -> s.with(AnsiStyle.STRIKE, true);
            case 22 -> s.with(AnsiStyle.BOLD, false).with(AnsiStyle.DIM, false);
            case 23 -> s.with(AnsiStyle.ITALIC, false);
            case 24 -> s.with(AnsiStyle.UNDERLINE, false);
            case 27 -> s.with(AnsiStyle.INVERSE, false);
            case 29 -> s.with(AnsiStyle.STRIKE, false);
            case 39 -> s.withFg(AnsiStyle.DEFAULT);
            case 49 -> s.withBg(AnsiStyle.DEFAULT);
            default -> s; // blink, fonts, overline...: ignored
        };
    }

    /**
     * Reads "5;n" or "2;r;g;b" after a 38/48; returns {colour or DEFAULT, parameters consumed}.
     * The colon form "38:2::r:g:b" arrives here with its empty colour-space field as -1, which is skipped.
     */
    private static int[] extendedColour(int[] codes, int at) {
        if (at < codes.length && codes[at] == 5 && at + 1 < codes.length) {
            int index = codes[at + 1];
            return new int[] {index >= 0 && index <= 255 ? index : AnsiStyle.DEFAULT, 2};
        }
        if (at < codes.length && codes[at] == 2) {
            int first = at + 1;
            if (first < codes.length && codes[first] == -1) {
                first++;
            }
            if (first + 2 < codes.length) {
                int r = clamp(codes[first]);
                int g = clamp(codes[first + 1]);
                int b = clamp(codes[first + 2]);
                return new int[] {AnsiStyle.RGB | r << 16 | g << 8 | b, first + 3 - at};
            }
        }
        return new int[] {AnsiStyle.DEFAULT, codes.length - at};
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    /** Splits on ';' and ':'; an empty field is 0, except right after "38:2:" where it is -1 (no colour space). */
    private static int[] numbers(String params) {
        int count = 1;
        for (int i = 0; i < params.length(); i++) {
            char c = params.charAt(i);
            if (c == ';' || c == ':') {
                count++;
            }
        }
        int[] out = new int[count];
        int n = 0;
        int value = 0;
        boolean digits = false;
        for (int i = 0; i <= params.length(); i++) {
            char c = i < params.length() ? params.charAt(i) : ';';
            if (c >= '0' && c <= '9') {
                value = Math.min(value * 10 + (c - '0'), 1 << 20);
                digits = true;
            } else if (c == ';' || c == ':') {
                boolean colonEmpty = !digits && c == ':' || !digits && i > 0 && params.charAt(i - 1) == ':';
                out[n++] = digits ? value : colonEmpty ? -1 : 0;
                value = 0;
                digits = false;
            }
        }
        return out;
    }
}
