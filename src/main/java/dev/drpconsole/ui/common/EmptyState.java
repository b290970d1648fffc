package dev.drpconsole.ui.common;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** A centred "nothing here yet" panel: an icon, a title, what to do next, and an optional action. */
public class EmptyState extends VBox {
    private final Label title = new Label();
    private final Label text = new Label();

    public EmptyState(Icon icon, String titleText, String bodyText) {
        getStyleClass().add("empty-state");
        setAlignment(Pos.CENTER);
        setSpacing(12);
        Region glyph = icon.node(56);
        glyph.getStyleClass().add("empty-state-icon");
        title.getStyleClass().add("empty-state-title");
        title.setText(titleText);
        text.getStyleClass().add("empty-state-text");
        text.setText(bodyText);
        text.setWrapText(true);
        text.setMaxWidth(520);
        text.setMinHeight(Region.USE_PREF_SIZE); // what to do next is said whole, never cut with "…"
        title.setWrapText(true);
        title.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(glyph, title, text);
    }

    /**
     * "Not connected to a DRP endpoint" with an Open Setup button ({@code #<idPrefix>-not-connected},
     * {@code #<idPrefix>-open-setup}).
     *
     * @param lead what lives on the endpoint, e.g. "Contexts live on a DRP endpoint."
     */
    public static EmptyState notConnected(String idPrefix, String lead, Navigator navigator) {
        EmptyState state = new EmptyState(Icon.LAN_DISCONNECT, "Not connected to a DRP endpoint", lead
                + " Open Setup to start the local sandbox or to connect to your endpoint; this list fills in as "
                + "soon as you are signed in.");
        state.setId(idPrefix + "-not-connected");
        Button setup = state.addAction("Open Setup");
        setup.setId(idPrefix + "-open-setup");
        setup.setOnAction(e -> navigator.show(LivePageLayout.SETUP_SECTION, ""));
        return state;
    }

    /** Adds a button under the text; returns it so the caller can wire it. */
    public Button addAction(String label) {
        Button button = new Button(label);
        button.getStyleClass().add("accent");
        button.setDefaultButton(false);
        getChildren().add(button);
        return button;
    }

    public void setText(String bodyText) {
        text.setText(bodyText);
    }
}
