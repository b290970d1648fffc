package dev.drpconsole.ui.logview;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts text that arrives in arbitrary chunks (a job log fetched by byte range) into whole lines, keeping an
 * unfinished last line until its line break arrives. "\n", "\r\n" and a "\r\n" split across two chunks all end
 * one line. A lone "\r" returns to the start of the line as on a terminal, so a progress bar that redraws
 * itself with "\r" leaves only its last state, not every frame. Not thread-safe.
 */
final class LineAssembler {
    private final StringBuilder partial = new StringBuilder();
    private boolean carriageReturn;

    /** Adds a chunk; returns the lines it completed, without line breaks. */
    List<String> feed(CharSequence chunk) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (c == '\n') {
                lines.add(partial.toString());
                partial.setLength(0);
                carriageReturn = false;
            } else if (c == '\r') {
                carriageReturn = true;
            } else {
                if (carriageReturn) {
                    overwriteFromStart();
                }
                partial.append(c);
            }
        }
        return lines;
    }

    /** The unfinished last line, if any, as it stands; it is kept. */
    String pending() {
        return partial.toString();
    }

    /** Forgets the unfinished line. */
    void reset() {
        partial.setLength(0);
        carriageReturn = false;
    }

    /**
     * Text after a lone CR replaces the line. A terminal would keep the old line's tail beyond the new text,
     * but redraws (progress bars, spinners) rewrite the whole line, and a mixed tail would only confuse.
     */
    private void overwriteFromStart() {
        partial.setLength(0);
        carriageReturn = false;
    }
}
