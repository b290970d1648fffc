package dev.drpconsole.ui.common;

import java.util.function.Supplier;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * Installs a tooltip the first time the pointer reaches a node. The first {@link Tooltip} an application
 * creates costs about 150 ms (it builds a popup window), which would otherwise land on every start-up.
 */
public final class LazyTooltip {
    private LazyTooltip() {
    }

    /** {@code text} is read each time the tooltip is about to show, so it can follow live state. */
    public static void install(Node node, Supplier<String> text) {
        EventHandler<MouseEvent> firstVisit = new EventHandler<>() {
            @Override
            public void handle(MouseEvent event) {
                node.removeEventHandler(MouseEvent.MOUSE_ENTERED, this);
                Tooltip tooltip = new Tooltip();
                tooltip.setWrapText(true);
                tooltip.setMaxWidth(520);
                tooltip.setOnShowing(e -> tooltip.setText(text.get()));
                Tooltip.install(node, tooltip);
            }
        };
        node.addEventHandler(MouseEvent.MOUSE_ENTERED, firstVisit);
    }
}
