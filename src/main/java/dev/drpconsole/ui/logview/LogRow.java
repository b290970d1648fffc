package dev.drpconsole.ui.logview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * One row of the line view: a line read from the store and parsed for ANSI styles only when shown, so only the
 * few dozen visible lines are ever decoded. Rows are reused; a row redraws only when it is given another line
 * or the look changed (a new {@code version}), so following a fast log re-parses only the lines that are new.
 */
final class LogRow extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final CellContext context;
    private final LineGraphic graphic = new LineGraphic();
    private long line = -1;
    private int version = -1;

    LogRow(CellContext context) {
        this.context = context;
        getStyleClass().add("log-cell");
        getChildren().add(graphic);
    }

    long line() {
        return line;
    }

    void setSelected(boolean selected) {
        pseudoClassStateChanged(SELECTED, selected);
    }

    /** Shows {@code newLine} as of look {@code newVersion}; nothing to do when it already does. */
    void show(long newLine, int newVersion) {
        if (newLine == line && newVersion == version) {
            return;
        }
        line = newLine;
        version = newVersion;
        String raw = context.store().text(line);
        StyledLine styled = context.colours().get() ? AnsiParser.parse(raw) : plain(AnsiParser.strip(raw));
        List<Text> runs = new ArrayList<>(styled.runs().size());
        List<LineGraphic.Mark> marks = new ArrayList<>();
        for (StyledLine.Run run : styled.runs()) {
            runs.add(text(styled.text().substring(run.start(), run.end()), run.style()));
            background(run, marks);
        }
        addMatches(line, styled.text(), marks);
        String time = context.timestamps().get()
                ? TIME.format(Instant.ofEpochMilli(context.store().time(line))) : null;
        graphic.show(time, runs, marks, context.wrap().get());
        applyCss(); // the new text's font comes from the stylesheet; layout measures it right after
    }

    @Override
    protected double computePrefWidth(double height) {
        return snappedLeftInset() + graphic.prefWidth(-1) + snappedRightInset();
    }

    @Override
    protected double computePrefHeight(double width) {
        double inner = width < 0 ? -1 : width - snappedLeftInset() - snappedRightInset();
        return snappedTopInset() + graphic.prefHeight(inner) + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double width = getWidth() - snappedLeftInset() - snappedRightInset();
        double height = getHeight() - snappedTopInset() - snappedBottomInset();
        double graphicHeight = graphic.prefHeight(width);
        // Centred in a row taller than the text (the fixed line height): breathing room above and below.
        graphic.resizeRelocate(snappedLeftInset(), snappedTopInset() + Math.max(0, (height - graphicHeight) / 2),
                width, graphicHeight);
    }

    private static StyledLine plain(String text) {
        return new StyledLine(text, List.of(new StyledLine.Run(0, text.length(), AnsiStyle.PLAIN)));
    }

    private void addMatches(long line, String text, List<LineGraphic.Mark> marks) {
        LineMatcher matcher = context.search().matcherProperty().get();
        LineMatcher.Ranges ranges = matcher.ranges(text);
        boolean current = context.search().currentLineProperty().get() == line;
        for (int i = 0; i < ranges.count(); i++) {
            marks.add(new LineGraphic.Mark(ranges.start(i), ranges.end(i),
                    current ? List.of("log-match", "log-match-current") : List.of("log-match"), null));
        }
    }

    /** A run's text, coloured by style class for the 16 theme colours, by value beyond them. */
    private static Text text(String content, AnsiStyle style) {
        Text text = new Text(content);
        text.getStyleClass().add("log-text");
        int fg = style.has(AnsiStyle.INVERSE) ? style.bg() : style.fg();
        if (style.has(AnsiStyle.INVERSE) && fg == AnsiStyle.DEFAULT) {
            text.getStyleClass().add("ansi-fg-inverse");
        } else if (fg != AnsiStyle.DEFAULT && fg < 16) {
            text.getStyleClass().add("ansi-" + fg);
        } else if (fg != AnsiStyle.DEFAULT) {
            text.setStyle("-fx-fill: " + css(AnsiStyle.rgbOf(fg)) + ";");
        }
        if (style.has(AnsiStyle.BOLD)) {
            text.getStyleClass().add("ansi-bold");
        }
        if (style.has(AnsiStyle.ITALIC)) {
            text.getStyleClass().add("ansi-italic");
        }
        text.setUnderline(style.has(AnsiStyle.UNDERLINE));
        text.setStrikethrough(style.has(AnsiStyle.STRIKE));
        text.setOpacity(style.has(AnsiStyle.DIM) ? 0.65 : 1);
        return text;
    }

    private static void background(StyledLine.Run run, List<LineGraphic.Mark> marks) {
        AnsiStyle style = run.style();
        boolean inverse = style.has(AnsiStyle.INVERSE);
        int bg = inverse ? style.fg() : style.bg();
        if (bg == AnsiStyle.DEFAULT && !inverse) {
            return;
        }
        // A solid block for inverse video (the text is drawn in the background colour on it); a tint otherwise,
        // so default-coloured text stays readable on any background colour a program picks.
        String kind = inverse ? "ansi-bg-solid" : "ansi-bg";
        if (bg == AnsiStyle.DEFAULT) {
            marks.add(new LineGraphic.Mark(run.start(), run.end(), List.of(kind, "ansi-bg-inverse"), null));
        } else if (bg < 16) {
            marks.add(new LineGraphic.Mark(run.start(), run.end(), List.of(kind, "ansi-" + bg), null));
        } else {
            int rgb = AnsiStyle.rgbOf(bg);
            marks.add(new LineGraphic.Mark(run.start(), run.end(), List.of(kind),
                    Color.rgb(rgb >> 16, rgb >> 8 & 0xff, rgb & 0xff)));
        }
    }

    private static String css(int rgb) {
        return String.format("#%06x", rgb);
    }
}
