package dev.drpconsole.ui.logview;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;

/**
 * A line of the log: read from the store and parsed for ANSI styles only when the cell shows it, so only the
 * few dozen visible lines are ever decoded.
 */
final class LogCell extends ListCell<Long> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final CellContext context;
    private final LineGraphic graphic = new LineGraphic();

    LogCell(CellContext context) {
        this.context = context;
        getStyleClass().add("log-cell");
        setText(null);
    }

    @Override
    protected void updateItem(Long line, boolean empty) {
        super.updateItem(line, empty);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
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
        setGraphic(graphic);
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
