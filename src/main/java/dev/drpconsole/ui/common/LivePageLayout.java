package dev.drpconsole.ui.common;

import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The frame of a live list page: a toolbar, the problem banner, and below them whichever fits the page state —
 * "not connected", a spinner while the first list loads, "nothing yet", or the content (table and details).
 */
public class LivePageLayout extends BorderPane {
    private static final Logger LOG = LoggerFactory.getLogger(LivePageLayout.class);
    /** The Setup section's id (the shell's sections; Navigator names only the feature sections). */
    public static final String SETUP_SECTION = "setup";
    /** Styles shared by the list pages: toolbars, tables, details panes. */
    public static final String STYLESHEET = LivePageLayout.class.getResource("live-pages.css").toExternalForm();

    private final StackPane body = new StackPane();
    private final Node content;
    private final Node notConnected;
    private final Node empty;
    private final Node loading;
    /** When the page began loading, until its first rows were laid out (then 0). */
    private long loadingSince;

    public LivePageLayout(Node toolbar, PageProblemBanner problem, Node content, Node notConnected, Node empty,
            String loadingText, ObservableValue<PageState> state) {
        this(toolbar, problem, content, notConnected, empty, loading(loadingText), state);
    }

    /**
     * @param empty   shown while there is nothing yet; null for a page whose table says that itself (its
     *                placeholder tells why, e.g. what its filters hide)
     * @param loading shown while the first list is on its way
     */
    public LivePageLayout(Node toolbar, PageProblemBanner problem, Node content, Node notConnected, Node empty,
            Node loading, ObservableValue<PageState> state) {
        this.content = content;
        this.notConnected = notConnected;
        this.empty = empty == null ? content : empty;
        this.loading = loading;
        getStyleClass().add("live-page");
        getStylesheets().add(STYLESHEET);
        setTop(new VBox(toolbar, problem));
        setCenter(body);
        show(state.getValue());
        state.addListener((obs, old, now) -> show(now));
        // Loading is timed only while the page is on screen (a page not shown may wait in "loading" for a visit).
        sceneProperty().addListener((obs, old, now) -> loadingSince = now != null
                && state.getValue() == PageState.LOADING ? System.nanoTime() : 0);
    }

    /**
     * The content stays in the scene, hidden under the state shown instead: its table and panes get their skins
     * and styles while the first list is still on its way, not all in the frame that shows the rows.
     */
    private void show(PageState state) {
        Node shown = switch (state) {
            case NOT_CONNECTED -> notConnected;
            case LOADING -> loading;
            case EMPTY -> empty;
            case READY -> content;
        };
        if (state == PageState.LOADING && loadingSince == 0 && getScene() != null) {
            loadingSince = System.nanoTime();
        } else if (state != PageState.LOADING && loadingSince != 0) {
            logWhenLaidOut(state);
        }
        content.setVisible(shown == content);
        List<Node> wanted = shown == content ? List.of(content) : List.of(content, shown);
        if (!body.getChildren().equals(wanted)) {
            body.getChildren().setAll(wanted);
        }
    }

    /**
     * Once per load: how long from the start of loading (the page began following) to the end of the layout pass
     * that has the first rows (or the empty state) in place, the frame the user then sees; e.g. 10,000 machines.
     */
    private void logWhenLaidOut(PageState state) {
        long since = loadingSince;
        loadingSince = 0;
        Scene scene = getScene();
        if (scene == null) {
            return;
        }
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            String what = state == PageState.READY ? "rows" : "state (" + state + ")";
            LOG.info("{}: first {} laid out {} ms after loading began", getId() == null ? "page" : getId(), what,
                    (System.nanoTime() - since) / 1_000_000);
        };
        scene.addPostLayoutPulseListener(once[0]);
    }

    private static Node loading(String text) {
        VBox box = new VBox(12, new LoadingSpinner(36), new Label(text));
        box.getStyleClass().add("live-page-loading");
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }
}
