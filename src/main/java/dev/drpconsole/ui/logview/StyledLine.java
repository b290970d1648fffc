package dev.drpconsole.ui.logview;

import java.util.List;

/**
 * A line as shown: its visible text and the styled runs that cover it, in order, without gaps.
 *
 * @param text the text without escape sequences or control characters (tabs kept)
 * @param runs consecutive pieces of {@code text}; one plain run for a line without colours
 */
record StyledLine(String text, List<Run> runs) {

    /** {@code text.substring(start, end)} drawn in {@code style}. */
    record Run(int start, int end, AnsiStyle style) {
    }
}
