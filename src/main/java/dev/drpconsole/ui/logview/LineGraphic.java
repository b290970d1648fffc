package dev.drpconsole.ui.logview;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.ObservableList;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Path;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * One line drawn: an optional time column, then the text as styled runs, with coloured backgrounds and find
 * highlights painted under the text. Backgrounds need the text laid out first (their shapes come from
 * {@link TextFlow#rangeShape}), so they are made in {@link #layoutChildren()}.
 */
final class LineGraphic extends Region {
    private static final double TIME_GAP = 14;

    private final Text time = new Text();
    private final Group underlay = new Group();
    private final TextFlow flow = new TextFlow();
    private final List<Mark> marks = new ArrayList<>();
    private boolean wrap;

    LineGraphic() {
        getStyleClass().add("log-line");
        time.getStyleClass().add("log-time");
        underlay.setManaged(false);
        getChildren().addAll(time, underlay, flow);
    }

    /**
     * Shows a line; {@code timeText} null hides the time column. The run Text nodes already shown are reused
     * (their text set, their style classes changed only when they differ), so a row that shows another line of
     * the same look needs no CSS pass; returns whether a Text node is new or restyled and needs CSS before it is
     * measured.
     */
    boolean show(String timeText, List<Run> runs, List<Mark> newMarks, boolean wrapLines) {
        time.setVisible(timeText != null);
        time.setText(timeText == null ? "" : timeText);
        ObservableList<Node> shown = flow.getChildren();
        boolean needsCss = false;
        int reused = Math.min(shown.size(), runs.size());
        for (int i = 0; i < reused; i++) {
            needsCss |= runs.get(i).applyTo((Text) shown.get(i));
        }
        if (shown.size() > runs.size()) {
            shown.remove(runs.size(), shown.size());
        } else if (runs.size() > reused) {
            List<Text> added = new ArrayList<>(runs.size() - reused);
            for (int i = reused; i < runs.size(); i++) {
                Text text = new Text();
                runs.get(i).applyTo(text);
                added.add(text);
            }
            shown.addAll(added);
            needsCss = true;
        }
        if (!marks.isEmpty() || !newMarks.isEmpty()) {
            marks.clear();
            marks.addAll(newMarks);
            underlay.getChildren().clear();
        }
        wrap = wrapLines;
        requestLayout();
        return needsCss;
    }

    private double textX() {
        return time.isVisible() ? time.getLayoutBounds().getWidth() + TIME_GAP : 0;
    }

    @Override
    protected double computePrefWidth(double height) {
        // Wrapping: ask for nothing, so the list gives every cell the viewport's width and the text wraps there.
        return wrap ? textX() + 40 : textX() + flow.prefWidth(-1);
    }

    @Override
    protected double computePrefHeight(double width) {
        double flowWidth = wrap && width > 0 ? width - textX() : -1;
        return Math.max(time.isVisible() ? time.getLayoutBounds().getHeight() : 0, flow.prefHeight(flowWidth));
    }

    @Override
    protected double computeMinWidth(double height) {
        return computePrefWidth(height);
    }

    @Override
    protected void layoutChildren() {
        double x = textX();
        double width = wrap ? Math.max(0, getWidth() - x) : flow.prefWidth(-1);
        flow.resizeRelocate(x, 0, width, flow.prefHeight(width));
        time.relocate(0, 0);
        flow.layout();
        underlay.setLayoutX(x);
        underlay.getChildren().clear();
        for (Mark mark : marks) {
            Path path = new Path(flow.rangeShape(mark.start(), mark.end()));
            path.setStroke(null);
            path.getStyleClass().addAll(mark.styleClasses());
            if (mark.colour() != null) {
                path.setFill(mark.colour());
            }
            underlay.getChildren().add(path);
        }
    }

    /**
     * One styled piece of text: its content, style classes, and the few looks set in code (a 24-bit colour
     * as an inline style, underline, strike-through, dim).
     */
    record Run(String text, List<String> styleClasses, String inlineStyle, boolean underline, boolean strike,
               boolean dim) {
        /** Makes {@code node} show this run; returns whether its CSS must be applied again. */
        boolean applyTo(Text node) {
            node.setText(text);
            boolean restyled = false;
            if (!node.getStyleClass().equals(styleClasses)) {
                node.getStyleClass().setAll(styleClasses);
                restyled = true;
            }
            String style = inlineStyle == null ? "" : inlineStyle;
            if (!style.equals(node.getStyle())) {
                node.setStyle(style);
                restyled = true;
            }
            node.setUnderline(underline);
            node.setStrikethrough(strike);
            node.setOpacity(dim ? 0.65 : 1);
            return restyled;
        }
    }

    /** Anything painted under a range of the text: a background colour or a find match. */
    record Mark(int start, int end, List<String> styleClasses, Color colour) {
    }
}
