package dev.drpconsole.ui.common;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.HBox;

/**
 * Lets a toolbar's buttons give up their words when the bar is too narrow for them (a 1024 px window): they keep
 * their icons, and their tooltips name them, instead of being cut to "Con…" or pushing the page wider than the
 * window. As few buttons as it takes lose their words, the least important (last given) first, and get them back
 * when there is room. The bar's own minimum width is dropped so that its parent can make it narrow. A bar with
 * compacted buttons has the {@code :compact} pseudo-class.
 *
 * <p>Each button's tooltip must name it (a compact button shows no text): see {@link #install}.
 */
public final class CompactButtons {
    private static final PseudoClass COMPACT = PseudoClass.getPseudoClass("compact");

    private final HBox bar;
    private final List<? extends Labeled> buttons;
    /** Each button's width with its words, measured while they are shown. */
    private final Map<Labeled, Double> withWords = new HashMap<>();

    private CompactButtons(HBox bar, List<? extends Labeled> buttons) {
        this.bar = bar;
        this.buttons = buttons; // the caller may still be adding to it while building the bar
    }

    /**
     * @param bar     the toolbar
     * @param buttons the buttons that may drop their words, most important first; text fields (which keep their
     *                minimum width) and other children are left as they are
     */
    public static void install(HBox bar, List<? extends Labeled> buttons) {
        CompactButtons compaction = new CompactButtons(bar, buttons);
        bar.setMinWidth(0);
        bar.widthProperty().addListener(obs -> compaction.fit());
        // Also when a button shows or hides (e.g. Unlock for a locked machine): the bar keeps its width then.
        bar.needsLayoutProperty().addListener((obs, was, needs) -> {
            if (needs) {
                compaction.fit();
            }
        });
    }

    /** Drops the words of as few buttons as it takes, the last given first; shows them again when there is room. */
    private void fit() {
        buttons.forEach(button -> {
            if (button.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
                withWords.put(button, button.prefWidth(-1));
            }
        });
        double room = bar.getWidth();
        if (room <= 0) {
            return;
        }
        double width = widthWithWords();
        int compacted = 0;
        while (compacted < buttons.size() && width > room + 0.5) {
            Labeled button = buttons.get(buttons.size() - 1 - compacted);
            if (button.isManaged()) { // a hidden button (e.g. Unlock) takes no room, so dropping its words saves none
                width -= withWords.getOrDefault(button, 0.0) - withoutWords(button);
            }
            compacted++;
        }
        for (int i = 0; i < buttons.size(); i++) {
            buttons.get(i).setContentDisplay(i >= buttons.size() - compacted ? ContentDisplay.GRAPHIC_ONLY
                    : ContentDisplay.LEFT);
        }
        bar.pseudoClassStateChanged(COMPACT, compacted > 0);
    }

    private static double withoutWords(Labeled button) {
        Node graphic = button.getGraphic();
        return button.snappedLeftInset() + button.snappedRightInset() + (graphic == null ? 0 : graphic.prefWidth(-1));
    }

    /**
     * What the bar needs with every button's words: text fields at their minimum, buttons at their width with words,
     * everything else at its preferred width.
     */
    private double widthWithWords() {
        double width = bar.snappedLeftInset() + bar.snappedRightInset();
        int shown = 0;
        for (Node child : bar.getChildren()) {
            if (child.isManaged()) {
                width += child instanceof TextInputControl ? child.minWidth(-1)
                        : child instanceof Labeled button && withWords.containsKey(button) ? withWords.get(button)
                        : child.prefWidth(-1);
                shown++;
            }
        }
        return width + Math.max(0, shown - 1) * bar.getSpacing();
    }
}
