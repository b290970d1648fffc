package dev.drpconsole.ui.logview;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.shape.Rectangle;

/**
 * The virtualized line view: only the rows on screen exist, and a frame's work depends on them alone, never on
 * the number of lines. (ListView's VirtualFlow in JavaFX 21 walks a per-item size cache whenever the item count
 * changes: with a million lines that stalled every frame for seconds.) The vertical scroll bar counts lines, not
 * pixels, so wrapped lines of any height need no measuring beyond the screen.
 *
 * <p>Mouse: click selects a line, shift-click a range, ctrl-click adds or removes one. Keys: arrows (with shift
 * to extend), Page Up/Down, Home. The view tells its owner whenever the user scrolls, so the owner can decide
 * whether to keep following.
 */
final class LineFlow extends Region {
    static final double LINE_HEIGHT = 20;
    private static final double WHEEL_LINES_PER_PIXEL = 3.0 / 40; // a wheel notch (40 px) scrolls 3 lines
    /**
     * At most this many rows are made in one frame; a view that needs more (a new view filling its screen) gets
     * them over the next frames (37 rows: about 0.1 s). Making, styling and first measuring a row is what costs:
     * 37 of them at once in a fresh view took 35-40 ms of the UI thread in one frame, and left 60-90 ms between
     * frames while lines poured in (12 at a time still left 50-55 ms; 6 leave under 50).
     */
    private static final int NEW_ROWS_PER_FRAME = 6;

    private final CellContext context;
    private final Pane sheet = new Pane();
    private final ScrollBar vbar = new ScrollBar();
    private final ScrollBar hbar = new ScrollBar();
    private final Map<Long, LogRow> shown = new HashMap<>();
    private final ArrayDeque<LogRow> spare = new ArrayDeque<>();
    private final LineSelection selection = new LineSelection();
    private final LogRow measurer;
    private final Runnable onUserScroll;
    private long first;
    private long end;
    private long top;
    private double topOffset;
    private boolean stickToEnd = true;
    private boolean atEnd = true;
    private int version;
    private int rowsOnScreen = 1;
    private boolean updatingBars;

    /** @param onUserScroll called when the user scrolls (wheel, scroll bar, keys) */
    LineFlow(CellContext context, Runnable onUserScroll) {
        this.context = context;
        this.onUserScroll = onUserScroll;
        getStyleClass().add("log-lines");
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(sheet.widthProperty());
        clip.heightProperty().bind(sheet.heightProperty());
        sheet.setClip(clip);
        sheet.getStyleClass().add("log-sheet");
        vbar.setOrientation(Orientation.VERTICAL);
        hbar.setOrientation(Orientation.HORIZONTAL);
        vbar.valueProperty().addListener((obs, old, value) -> {
            if (!updatingBars) {
                scrollTo(first + Math.round(value.doubleValue()), 0);
                onUserScroll.run();
            }
        });
        hbar.valueProperty().addListener((obs, old, value) -> requestLayout());
        getChildren().addAll(sheet, vbar, hbar);
        measurer = spareRow();
        measurer.setVisible(false);
        spare.clear();
        addEventHandler(ScrollEvent.SCROLL, this::onWheel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::onPress);
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
    }

    /** The lines that exist now: [first, end). Keeps the view at the end if it was there. */
    void setRange(long newFirst, long newEnd) {
        first = newFirst;
        end = newEnd;
        requestLayout();
    }

    /** Redraws every row (a toggle, a new query, the current match changed). */
    void refresh() {
        version++;
        requestLayout();
    }

    void scrollToEnd() {
        stickToEnd = true;
        requestLayout();
    }

    /** Stops keeping the end in view: new lines no longer move what is shown. */
    void holdStill() {
        stickToEnd = false;
    }

    /** Puts {@code line} about the middle of the view. */
    void scrollToCenter(long line) {
        scrollTo(line - rowsOnScreen / 2, 0);
    }

    /** Whether the last line is fully in view, as of the last layout. */
    boolean isAtEnd() {
        return atEnd;
    }

    /** The line at the top of the view. */
    long topLine() {
        return Math.max(top, first);
    }

    LineSelection selection() {
        return selection;
    }

    private void scrollTo(long line, double offset) {
        stickToEnd = false;
        top = Math.max(first, Math.min(line, end - 1));
        topOffset = offset;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        double barWidth = vbar.prefWidth(-1);
        double barHeight = hbar.isVisible() ? hbar.prefHeight(-1) : 0;
        double width = Math.max(0, getWidth() - snappedLeftInset() - snappedRightInset() - barWidth);
        double height = Math.max(0, getHeight() - snappedTopInset() - snappedBottomInset() - barHeight);
        sheet.resizeRelocate(snappedLeftInset(), snappedTopInset(), width, height);
        if (stickToEnd) {
            anchorAtEnd(width, height);
        }
        top = Math.max(first, Math.min(top, Math.max(first, end - 1)));
        double widest = placeRows(width, height);
        updateBars(width, height, barWidth, barHeight, widest);
    }

    /** Finds the top line that puts the last line at the bottom of the view, measuring upwards. */
    private void anchorAtEnd(double width, double height) {
        double filled = 0;
        long line = end;
        while (line > first && filled < height) {
            line--;
            filled += heightOf(line, width);
        }
        top = line;
        topOffset = Math.max(0, filled - height);
    }

    /** A line's height: fixed unless wrapping; a line not on screen is measured with a spare, hidden row. */
    private double heightOf(long line, double width) {
        if (!context.wrap().get()) {
            return LINE_HEIGHT;
        }
        LogRow row = shown.get(line);
        if (row == null) {
            measurer.show(line, version);
            row = measurer;
        }
        return rowHeight(row, width);
    }

    /** Lays out the rows from the top line down; returns the widest row's width (for the horizontal bar). */
    private double placeRows(double width, double height) {
        Map<Long, LogRow> previous = new HashMap<>(shown);
        shown.clear();
        double y = -topOffset;
        double widest = 0;
        double x = -hbar.getValue();
        long line = top;
        int made = 0;
        boolean cutShort = false;
        for (; line < end && y < height; line++) {
            LogRow row = previous.remove(line);
            if (row == null) {
                if (spare.isEmpty() && made++ == NEW_ROWS_PER_FRAME) {
                    cutShort = true;
                    Platform.runLater(this::requestLayout); // the rest in the next frames
                    break;
                }
                row = spareRow();
            }
            shown.put(line, row);
            row.show(line, version);
            row.setSelected(selection.isSelected(line));
            double rowHeight = rowHeight(row, width);
            double rowWidth = context.wrap().get() ? width : Math.max(width, row.prefWidth(-1));
            widest = Math.max(widest, rowWidth);
            row.setVisible(true);
            row.resizeRelocate(context.wrap().get() ? 0 : x, y, rowWidth, rowHeight);
            y += rowHeight;
        }
        // Cut short, the view is where it will be once filled: at the end when it keeps the end in view.
        atEnd = cutShort ? stickToEnd : line >= end && y <= height + 0.5;
        rowsOnScreen = Math.max(1, (int) (height / LINE_HEIGHT));
        for (LogRow unused : previous.values()) {
            unused.setVisible(false);
            spare.push(unused);
        }
        return widest;
    }

    private void updateBars(double width, double height, double barWidth, double barHeight, double widest) {
        updatingBars = true;
        long count = end - first;
        vbar.setMax(Math.max(0, count - rowsOnScreen));
        vbar.setVisibleAmount(Math.max(1, rowsOnScreen));
        vbar.setValue(Math.min(vbar.getMax(), top - first));
        vbar.setUnitIncrement(1);
        vbar.setBlockIncrement(Math.max(1, rowsOnScreen - 1));
        vbar.resizeRelocate(snappedLeftInset() + width, snappedTopInset(), barWidth, height);
        boolean needH = !context.wrap().get() && widest > width + 0.5;
        hbar.setVisible(needH);
        hbar.setMax(Math.max(0, widest - width));
        hbar.setVisibleAmount(width);
        hbar.setUnitIncrement(LINE_HEIGHT);
        if (needH) {
            hbar.resizeRelocate(snappedLeftInset(), snappedTopInset() + height, width, barHeight);
        } else {
            hbar.setValue(0);
        }
        updatingBars = false;
        if (needH != (barHeight > 0)) {
            requestLayout(); // the horizontal bar came or went: the view's height changed
        }
    }

    private LogRow spareRow() {
        if (!spare.isEmpty()) {
            return spare.pop();
        }
        LogRow row = new LogRow(context);
        row.setManaged(false); // placed by this view; the sheet (a Pane) would size it to its text
        sheet.getChildren().add(row);
        return row;
    }

    private double rowHeight(LogRow row, double width) {
        return context.wrap().get() ? Math.max(LINE_HEIGHT, row.prefHeight(width)) : LINE_HEIGHT;
    }

    private void onWheel(ScrollEvent e) {
        if (e.getDeltaY() != 0) {
            long lines = Math.round(-e.getDeltaY() * WHEEL_LINES_PER_PIXEL);
            scrollTo(topLine() + (lines == 0 ? (long) -Math.signum(e.getDeltaY()) : lines), 0);
        }
        if (e.getDeltaX() != 0 && hbar.isVisible()) {
            hbar.setValue(Math.max(0, Math.min(hbar.getMax(), hbar.getValue() - e.getDeltaX())));
        }
        onUserScroll.run();
        e.consume();
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        if (e.getButton() != MouseButton.PRIMARY) {
            return;
        }
        for (LogRow row : shown.values()) {
            var bounds = row.getBoundsInParent();
            double y = e.getY() - sheet.getLayoutY();
            if (y >= bounds.getMinY() && y < bounds.getMaxY()) {
                if (e.isShiftDown()) {
                    selection.extendTo(row.line());
                } else if (e.isShortcutDown()) {
                    selection.toggle(row.line());
                } else {
                    selection.select(row.line());
                }
                requestLayout();
                return;
            }
        }
    }

    private void onKey(KeyEvent e) {
        long anchor = selection.anchor() < 0 ? topLine() : selection.anchor();
        long target;
        switch (e.getCode()) {
            case UP -> target = anchor - 1;
            case DOWN -> target = anchor + 1;
            case PAGE_UP -> target = anchor - rowsOnScreen;
            case PAGE_DOWN -> target = anchor + rowsOnScreen;
            case HOME -> target = first;
            default -> {
                return;
            }
        }
        target = Math.max(first, Math.min(end - 1, target));
        if (e.isShiftDown()) {
            selection.extendTo(target);
        } else {
            selection.select(target);
        }
        reveal(target);
        onUserScroll.run();
        e.consume();
    }

    /** Scrolls just enough to bring {@code line} into view. */
    private void reveal(long line) {
        if (line < topLine() || line == topLine() && topOffset > 0) {
            scrollTo(line, 0);
        } else if (line >= topLine() + rowsOnScreen - 1) {
            scrollTo(line - rowsOnScreen + 2, 0);
        } else {
            requestLayout();
        }
    }

    /** Key codes this view handles itself; the owner leaves them alone. */
    static boolean isNavigation(KeyCode code) {
        return code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.PAGE_UP || code == KeyCode.PAGE_DOWN
                || code == KeyCode.HOME;
    }
}
