package dev.drpconsole.ui.logview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javafx.css.PseudoClass;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * One row of the line view: a line read from the store and parsed for ANSI styles only when shown, so only the
 * few dozen visible lines are ever decoded. Rows are reused; a row redraws only when it is given another line
 * or the look changed (a new {@code version}), so following a fast log re-parses only the lines that are new.
 */
final class LogRow extends Region {
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private static final List<String> MATCH = List.of("log-match");
    private static final List<String> MATCH_CURRENT = List.of("log-match", "log-match-current");
    /** The style classes of each look seen, shared by every run of that look (a few dozen in practice). */
    private static final Map<AnsiStyle, List<String>> STYLE_CLASSES = new ConcurrentHashMap<>();

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
        List<LineGraphic.Run> runs = new ArrayList<>(styled.runs().size());
        List<LineGraphic.Mark> marks = List.of();
        for (StyledLine.Run run : styled.runs()) {
            runs.add(run(styled.text().substring(run.start(), run.end()), run.style()));
            marks = background(run, marks);
        }
        marks = addMatches(line, styled.text(), marks);
        String time = context.timestamps().get()
                ? TIME.format(Instant.ofEpochMilli(context.store().time(line))) : null;
        if (graphic.show(time, runs, marks, context.wrap().get())) {
            // A new or restyled run takes its font from the stylesheet; layout measures it right after.
            graphic.applyCss();
        }
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

    private List<LineGraphic.Mark> addMatches(long line, String text, List<LineGraphic.Mark> marks) {
        LineMatcher matcher = context.search().matcherProperty().get();
        if (matcher.isEmpty()) {
            return marks;
        }
        LineMatcher.Ranges ranges = matcher.ranges(text);
        boolean current = context.search().currentLineProperty().get() == line;
        for (int i = 0; i < ranges.count(); i++) {
            marks = added(marks, new LineGraphic.Mark(ranges.start(i), ranges.end(i),
                    current ? MATCH_CURRENT : MATCH, null));
        }
        return marks;
    }

    private static List<LineGraphic.Mark> added(List<LineGraphic.Mark> marks, LineGraphic.Mark mark) {
        List<LineGraphic.Mark> more = marks.isEmpty() ? new ArrayList<>() : marks;
        more.add(mark);
        return more;
    }

    /** A run's text, coloured by style class for the 16 theme colours, by value beyond them. */
    private static LineGraphic.Run run(String content, AnsiStyle style) {
        return new LineGraphic.Run(content, STYLE_CLASSES.computeIfAbsent(style, LogRow::styleClasses),
                inlineStyle(style), style.has(AnsiStyle.UNDERLINE), style.has(AnsiStyle.STRIKE),
                style.has(AnsiStyle.DIM));
    }

    private static List<String> styleClasses(AnsiStyle style) {
        List<String> classes = new ArrayList<>(3);
        classes.add("log-text");
        int fg = style.has(AnsiStyle.INVERSE) ? style.bg() : style.fg();
        if (style.has(AnsiStyle.INVERSE) && fg == AnsiStyle.DEFAULT) {
            classes.add("ansi-fg-inverse");
        } else if (fg != AnsiStyle.DEFAULT && fg < 16) {
            classes.add("ansi-" + fg);
        }
        if (style.has(AnsiStyle.BOLD)) {
            classes.add("ansi-bold");
        }
        if (style.has(AnsiStyle.ITALIC)) {
            classes.add("ansi-italic");
        }
        return List.copyOf(classes);
    }

    private static String inlineStyle(AnsiStyle style) {
        int fg = style.has(AnsiStyle.INVERSE) ? style.bg() : style.fg();
        return fg != AnsiStyle.DEFAULT && fg >= 16 ? "-fx-fill: " + css(AnsiStyle.rgbOf(fg)) + ";" : null;
    }

    private static List<LineGraphic.Mark> background(StyledLine.Run run, List<LineGraphic.Mark> marks) {
        AnsiStyle style = run.style();
        boolean inverse = style.has(AnsiStyle.INVERSE);
        int bg = inverse ? style.fg() : style.bg();
        if (bg == AnsiStyle.DEFAULT && !inverse) {
            return marks;
        }
        marks = marks.isEmpty() ? new ArrayList<>() : marks;
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
        return marks;
    }

    private static String css(int rgb) {
        return String.format("#%06x", rgb);
    }
}
