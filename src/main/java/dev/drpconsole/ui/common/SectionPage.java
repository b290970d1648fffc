package dev.drpconsole.ui.common;

import javafx.scene.Node;

/**
 * A section's page in the main window. Pages are built on first visit; they follow live data only while shown
 * (the shell calls {@link #shown()} and {@link #hidden()}), so a hidden view costs no events or engine calls.
 */
public interface SectionPage {

    Node node();

    /** The page became visible: start following live data. */
    default void shown() {
    }

    /** The page was replaced by another: stop following. */
    default void hidden() {
    }

    /** Select the object with this key (a context name, a machine or job UUID, a container name). */
    default void reveal(String key) {
    }
}
