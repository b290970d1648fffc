package dev.drpconsole.ui.logview;

import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;

/**
 * A log pane for job output and container logs: a toolbar over a virtualized, selectable list of lines that
 * follows the end as lines arrive, with find, ANSI colours, timestamps, wrapping, copy and save.
 *
 * <p>Over the house's ~400 lines on purpose: it is the control's public face (toolbar, keys, feeding, following); the
 * line store, flow, find and selection are classes of their own beside it.
 *
 * <p><b>Feeding it.</b> {@link #append}, {@link #appendAll} and {@link #appendText} may be called from any
 * thread, as fast as lines come. They store the line at once (packed UTF-8, about its length plus 12 bytes)
 * and return; the view shows what arrived once per frame, in one step however many lines came, so the UI
 * thread's work per frame does not grow with the rate. Lines wait, and are counted, while the view is not in a
 * scene. Past {@code maxLines} (default {@value #DEFAULT_MAX_LINES}) the oldest lines are dropped in blocks
 * and the toolbar says so. ANSI escape sequences are kept as received and parsed only for the lines on screen.
 *
 * <p><b>Timestamps</b>: the toolbar's clock toggle shows a time column: the time each line reached this view, or
 * the producer's own time when it was given with {@link #append(String, Instant)} (container logs: the engine's, so a
 * tail read minutes later still shows when each line was written).
 *
 * <p><b>Following.</b> While following, the view keeps the last line in sight. Scrolling up stops following and
 * a "N new lines ↓" button appears; it, the End key, or the follow toggle jump back and follow again. Scrolling
 * back to the bottom follows again too. Pause holds the view still even at the bottom; lines keep arriving.
 *
 * <p><b>Keys</b> (focus in the view): Ctrl+F find, Enter / Shift+Enter next / previous match, Escape close find,
 * Ctrl+C copy the selected lines (shift/ctrl-click selects several) as plain text, End follow.
 *
 * <p><b>Ids</b> for tests: {@code #log-view}, {@code #log-title}, {@code #log-line-count}, {@code #log-status},
 * {@code #log-lines}, {@code #log-follow}, {@code #log-pause}, {@code #log-new-lines}, {@code #log-ansi-toggle},
 * {@code #log-time-toggle}, {@code #log-wrap-toggle}, {@code #log-find}, {@code #log-save}, {@code #log-clear},
 * and in the find bar {@code #log-find-bar}, {@code #log-find-field}, {@code #log-find-count},
 * {@code #log-find-previous}, {@code #log-find-next}, {@code #log-find-close}.
 */
public class LogView extends BorderPane {
    public static final long DEFAULT_MAX_LINES = 2_000_000;
    /** Searches and saves run here: daemon threads, shared by every log view, idle ones expire. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "log-view-worker");
        thread.setDaemon(true);
        return thread;
    });

    private final LineStore store;
    private final LineAssembler assembler = new LineAssembler();
    private final LogSearch search;
    private final LineFlow lines;
    private final ReadOnlyIntegerWrapper lineCount = new ReadOnlyIntegerWrapper(0);
    private final BooleanProperty following = new SimpleBooleanProperty(true);
    private final BooleanProperty paused = new SimpleBooleanProperty(false);
    private final BooleanProperty colours = new SimpleBooleanProperty(true);
    private final BooleanProperty timestamps = new SimpleBooleanProperty(false);
    private final BooleanProperty wrap = new SimpleBooleanProperty(false);
    private final Label title = new Label();
    private final Label count = new Label("0 lines");
    private final Label status = new Label();
    private final Label placeholder = new Label("No output yet");
    private final Button newLinesButton = new Button();
    private final FindBar findBar;
    private final AnimationTimer pulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            showArrivedLines();
        }
    };
    private volatile TimeSource timeSource = TimeSource.RECEIVED;
    private long newLines;
    private boolean userScrolled;
    private long shownFirst;
    private long shownEnd;

    public LogView() {
        this(DEFAULT_MAX_LINES);
    }

    /** @param maxLines how many lines to keep before dropping the oldest */
    public LogView(long maxLines) {
        store = new LineStore(maxLines);
        search = new LogSearch(store, WORKERS, Platform::runLater);
        lines = new LineFlow(new CellContext(store, search, colours, timestamps, wrap), () -> userScrolled = true);
        findBar = new FindBar(search, query -> search.search(query, lines.topLine(), shownEnd),
                this::closeFind);
        findBar.hide();
        setId("log-view");
        getStyleClass().add("log-view");
        setTop(buildToolbar());
        BorderPane body = new BorderPane(buildLines());
        body.setTop(findBar);
        setCenter(body);
        wireState();
        sceneProperty().addListener((obs, old, scene) -> {
            if (scene == null) {
                pulse.stop();
            } else {
                pulse.start();
            }
        });
    }

    /** Adds one whole line (without its line break), timed now. Any thread. */
    public void append(String line) {
        store.append(line, System.currentTimeMillis());
    }

    /**
     * Adds one whole line with the time its producer gave it (e.g. the container engine's, from a log read with
     * {@code timestamps=true}): the time column shows that rather than when the line reached the view. Any thread.
     */
    public void append(String line, Instant time) {
        store.append(line, time.toEpochMilli());
    }

    /** What the time column means: says so in the clock toggle's tooltip. */
    public void setTimeSource(TimeSource source) {
        timeSource = source;
    }

    /** Where a line's time comes from. */
    public enum TimeSource {
        /** When the line reached this view. */
        RECEIVED("Show the time each line was received"),
        /** The producer's own time for the line (for container logs: the engine's). */
        ENGINE("Show the time the engine logged each line");

        private final String tooltip;

        TimeSource(String tooltip) {
            this.tooltip = tooltip;
        }
    }

    /** Adds whole lines in order. Any thread. */
    public void appendAll(Collection<String> newLines) {
        store.appendAll(newLines instanceof List<String> list ? list : new ArrayList<>(newLines),
                System.currentTimeMillis());
    }

    /**
     * Adds raw text that may start or end mid-line, e.g. a job log fetched by byte range, already decoded
     * (decode bytes with one {@link java.nio.charset.CharsetDecoder} across chunks, or cut at a line break, so
     * a character split between two ranges survives). An unfinished last line waits for the rest; a lone CR
     * rewrites the line, as a terminal does for progress bars. Any thread, one stream at a time.
     */
    public void appendText(String chunk) {
        List<String> complete;
        synchronized (assembler) {
            complete = assembler.feed(chunk);
        }
        appendAll(complete);
    }

    /** Ends the text given to {@link #appendText}: its unfinished last line, if any, is shown. Any thread. */
    public void finishText() {
        String last;
        synchronized (assembler) {
            last = assembler.pending();
            assembler.reset();
        }
        if (!last.isEmpty()) {
            append(last);
        }
    }

    /** Removes every line, including an unfinished one from {@link #appendText}. UI thread. */
    public void clear() {
        synchronized (assembler) {
            assembler.reset();
        }
        store.clear();
        newLines = 0;
        status.setText("");
        showArrivedLines();
    }

    public void setTitle(String text) {
        title.setText(text);
    }

    /** What the empty view says, e.g. "The job has not written anything yet". */
    public void setPlaceholderText(String text) {
        placeholder.setText(text);
    }

    /** Lines shown (after dropping beyond the cap); updated once per frame on the UI thread. */
    /** Whether long lines wrap (the toolbar's toggle). */
    public BooleanProperty wrapProperty() {
        return wrap;
    }

    public ReadOnlyIntegerProperty lineCountProperty() {
        return lineCount.getReadOnlyProperty();
    }

    /** Whether the view keeps the newest line in sight; false once the user scrolls up. */
    public BooleanProperty followingProperty() {
        return following;
    }

    public void setFollowing(boolean follow) {
        following.set(follow);
    }

    /**
     * Writes every line kept, as received (ANSI sequences included), UTF-8, one per line, on a background
     * thread. Completes with the number of lines written.
     */
    public CompletableFuture<Long> saveTo(Path file) {
        long from = store.first();
        long to = store.end();
        return CompletableFuture.supplyAsync(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                store.writeTo(out, from, to);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return to - from;
        }, WORKERS);
    }

    private Node buildToolbar() {
        title.setId("log-title");
        title.getStyleClass().add("log-title");
        count.setId("log-line-count");
        count.getStyleClass().add("log-line-count");
        // In a narrow window the title gives way (its middle, where runner names differ least), never the count.
        count.setMinWidth(Region.USE_PREF_SIZE);
        title.setMinWidth(40);
        title.setTextOverrun(javafx.scene.control.OverrunStyle.CENTER_ELLIPSIS);
        LazyTooltip.install(title, title::getText);
        status.setId("log-status");
        status.getStyleClass().add("log-status");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ToggleButton follow = toggle("log-follow", Icon.ARROW_DOWN, "Follow the end (End)", following);
        ToggleButton pause = toggle("log-pause", Icon.PAUSE, "Pause: hold the view still", paused);
        ToggleButton ansi = toggle("log-ansi-toggle", Icon.PALETTE_OUTLINE, "Show colours", colours);
        ToggleButton time = toggle("log-time-toggle", Icon.CLOCK_OUTLINE, "", timestamps);
        LazyTooltip.install(time, () -> timeSource.tooltip);
        ToggleButton wrapLines = toggle("log-wrap-toggle", Icon.WRAP, "Wrap long lines", wrap);
        Button find = FindBar.iconButton("log-find", Icon.MAGNIFY, "Find (Ctrl+F)");
        find.setOnAction(e -> findBar.open());
        Button save = FindBar.iconButton("log-save", Icon.CONTENT_SAVE_OUTLINE, "Save the log to a file…");
        save.setOnAction(e -> chooseFileAndSave());
        Button clearButton = FindBar.iconButton("log-clear", Icon.TRASH_CAN_OUTLINE, "Clear");
        clearButton.setOnAction(e -> clear());
        HBox bar = new HBox(title, count, status, spacer, follow, pause, separator(), ansi, time, wrapLines,
                separator(), find, save, clearButton);
        bar.getStyleClass().add("log-toolbar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Node buildLines() {
        lines.setId("log-lines");
        placeholder.getStyleClass().add("log-placeholder");
        // A placeholder may explain something ("… is not on the engine, because …"): wrapped, never cut.
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(560);
        placeholder.setMinHeight(Region.USE_PREF_SIZE);
        placeholder.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        placeholder.visibleProperty().bind(lineCount.isEqualTo(0));
        placeholder.setMouseTransparent(true);

        newLinesButton.setId("log-new-lines");
        newLinesButton.getStyleClass().addAll("log-new-lines", "accent", "rounded");
        newLinesButton.setFocusTraversable(false);
        newLinesButton.setVisible(false);
        newLinesButton.setOnAction(e -> followAgain());
        StackPane.setAlignment(newLinesButton, Pos.BOTTOM_CENTER);
        return new StackPane(lines, placeholder, newLinesButton);
    }

    private void wireState() {
        following.addListener((obs, old, now) -> catchUpIfMoving());
        paused.addListener((obs, old, now) -> catchUpIfMoving());
        colours.addListener((obs, old, now) -> lines.refresh());
        timestamps.addListener((obs, old, now) -> lines.refresh());
        wrap.addListener((obs, old, now) -> lines.refresh());
        search.matcherProperty().addListener((obs, old, now) -> lines.refresh());
        search.currentLineProperty().addListener((obs, old, line) -> showMatch(line.longValue()));

        lines.addEventHandler(KeyEvent.KEY_PRESSED, this::onLinesKey);
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN).match(e)) {
                findBar.open();
                e.consume();
            }
        });
    }

    private void onLinesKey(KeyEvent e) {
        if (new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN).match(e)) {
            copySelection();
            e.consume();
        } else if (e.getCode() == KeyCode.END) {
            followAgain();
            e.consume();
        } else if (e.getCode() == KeyCode.ESCAPE && findBar.isVisible()) {
            closeFind();
            e.consume();
        }
    }

    /** Once per frame: show what producers stored since, follow the end, count what the user has not seen. */
    private void showArrivedLines() {
        long first = store.first();
        long end = store.end();
        if (first != shownFirst || end != shownEnd) {
            long arrived = end - Math.max(shownEnd, first);
            boolean dropped = first > shownFirst;
            shownFirst = first;
            shownEnd = end;
            lines.setRange(first, end);
            lineCount.set((int) (end - first));
            count.setText(String.format("%,d lines", end - first));
            if (dropped) {
                search.forgetBefore(first);
                if (end - first >= LineStore.BLOCK_LINES && first > 0) {
                    status.setText(String.format("Older lines dropped: keeping the last %,d", end - first));
                }
            }
            search.extendTo(end);
            if (!moving()) {
                newLines += Math.max(0, arrived);
            }
        }
        if (userScrolled) {
            // The user scrolled since the last frame: follow again if that brought the end into view.
            userScrolled = false;
            lines.layout();
            following.set(lines.isAtEnd());
        }
        updateNewLinesButton();
    }

    private boolean moving() {
        return following.get() && !paused.get();
    }

    /** The "new lines" button, End and the follow toggle: back to the end, moving again. */
    private void followAgain() {
        paused.set(false);
        following.set(true);
        catchUpIfMoving();
    }

    private void catchUpIfMoving() {
        if (moving()) {
            newLines = 0;
            lines.scrollToEnd();
        } else {
            lines.holdStill();
        }
        updateNewLinesButton();
    }


    private void updateNewLinesButton() {
        boolean show = newLines > 0 && !moving();
        newLinesButton.setVisible(show);
        if (show) {
            newLinesButton.setText(String.format("%,d new line%s ↓", newLines, newLines == 1 ? "" : "s"));
        }
    }




    /** Brings the current match into the middle of the view; the view stops following to keep it there. */
    private void showMatch(long line) {
        lines.refresh();
        if (line >= shownFirst && line < shownEnd) {
            following.set(false);
            lines.scrollToCenter(line);
        }
    }

    private void closeFind() {
        findBar.hide();
        search.close();
        lines.requestFocus();
    }

    /** Copies the selected lines as shown, without escape sequences. */
    private void copySelection() {
        StringBuilder text = new StringBuilder();
        lines.selection().forEach(shownFirst, line -> text.append(AnsiParser.strip(store.text(line))).append('\n'));
        ClipboardContent content = new ClipboardContent();
        content.putString(text.toString());
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void chooseFileAndSave() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Save log");
        chooser.setInitialFileName((title.getText().isBlank() ? "log" : title.getText().replaceAll("[^\\w.-]+", "-"))
                + ".log");
        var file = chooser.showSaveDialog(getScene().getWindow());
        if (file == null) {
            return;
        }
        status.setText("Saving…");
        saveTo(file.toPath()).whenComplete((written, failure) -> Platform.runLater(() -> status.setText(
                failure == null ? String.format("Saved %,d lines to %s", written, file.getName())
                        : "Could not save: " + rootMessage(failure))));
    }

    private static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static ToggleButton toggle(String id, Icon icon, String tooltip, BooleanProperty state) {
        ToggleButton button = new ToggleButton(null, icon.node(15));
        button.setId(id);
        button.getStyleClass().addAll("button-icon", "log-tool");
        button.setFocusTraversable(false);
        button.selectedProperty().bindBidirectional(state);
        if (!tooltip.isEmpty()) {
            LazyTooltip.install(button, () -> tooltip);
        }
        return button;
    }

    private static Separator separator() {
        Separator separator = new Separator(javafx.geometry.Orientation.VERTICAL);
        separator.getStyleClass().add("log-toolbar-separator");
        return separator;
    }
}
