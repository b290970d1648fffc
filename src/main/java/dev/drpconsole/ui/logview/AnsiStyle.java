package dev.drpconsole.ui.logview;

/**
 * The look an ANSI SGR sequence selects for the text after it.
 *
 * @param fg    {@link #DEFAULT}, a palette index 0-255, or {@link #RGB} | 0xRRGGBB for 24-bit colour
 * @param bg    same encoding as {@code fg}
 * @param flags {@link #BOLD}, {@link #DIM}, {@link #ITALIC}, {@link #UNDERLINE}, {@link #INVERSE}, {@link #STRIKE}
 */
record AnsiStyle(int fg, int bg, int flags) {
    static final int DEFAULT = -1;
    static final int RGB = 0x1000000;
    static final int BOLD = 1;
    static final int DIM = 2;
    static final int ITALIC = 4;
    static final int UNDERLINE = 8;
    static final int INVERSE = 16;
    static final int STRIKE = 32;
    static final AnsiStyle PLAIN = new AnsiStyle(DEFAULT, DEFAULT, 0);

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    boolean isPlain() {
        return fg == DEFAULT && bg == DEFAULT && flags == 0;
    }

    AnsiStyle withFg(int colour) {
        return new AnsiStyle(colour, bg, flags);
    }

    AnsiStyle withBg(int colour) {
        return new AnsiStyle(fg, colour, flags);
    }

    AnsiStyle with(int flag, boolean on) {
        return new AnsiStyle(fg, bg, on ? flags | flag : flags & ~flag);
    }

    /**
     * 0xRRGGBB of a colour beyond the theme's 16 (xterm's 6x6x6 cube and grey ramp), or of a 24-bit colour.
     * The first 16 are left to the stylesheet, which picks shades that read on the current background.
     */
    static int rgbOf(int colour) {
        if ((colour & RGB) != 0) {
            return colour & 0xFFFFFF;
        }
        if (colour >= 232) {
            int grey = 8 + 10 * (colour - 232);
            return grey << 16 | grey << 8 | grey;
        }
        int cube = colour - 16;
        return level(cube / 36) << 16 | level(cube / 6 % 6) << 8 | level(cube % 6);
    }

    private static int level(int step) {
        return step == 0 ? 0 : 55 + 40 * step;
    }
}
