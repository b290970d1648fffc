package dev.drpconsole.ui.logview;

import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.common.LazyTooltip;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The find bar above the lines: query field, "3 of 120", previous, next, close. Hidden until Ctrl+F. */
final class FindBar extends HBox {
    private final TextField field = new TextField();

    /**
     * @param onQuery gets the query as typed
     * @param onClose hides the bar and gives focus back to the lines
     */
    FindBar(LogSearch search, Consumer<String> onQuery, Runnable onClose) {
        setId("log-find-bar");
        getStyleClass().add("log-find-bar");
        setAlignment(Pos.CENTER_LEFT);
        Region glyph = Icon.MAGNIFY.node(15);
        field.setId("log-find-field");
        field.setPromptText("Find in log");
        field.getStyleClass().add("log-find-field");
        HBox.setHgrow(field, Priority.SOMETIMES);
        field.textProperty().addListener((obs, old, text) -> onQuery.accept(text));
        field.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                if (e.isShiftDown()) {
                    search.previous();
                } else {
                    search.next();
                }
                e.consume();
            } else if (e.getCode() == KeyCode.ESCAPE) {
                onClose.run();
                e.consume();
            }
        });
        Label count = new Label();
        count.setId("log-find-count");
        count.getStyleClass().add("log-find-count");
        count.textProperty().bind(search.statusProperty());
        Button previous = iconButton("log-find-previous", Icon.CHEVRON_UP, "Previous match (Shift+Enter)");
        previous.setOnAction(e -> search.previous());
        Button next = iconButton("log-find-next", Icon.CHEVRON_DOWN, "Next match (Enter)");
        next.setOnAction(e -> search.next());
        Button close = iconButton("log-find-close", Icon.CLOSE, "Close (Escape)");
        close.setOnAction(e -> onClose.run());
        getChildren().addAll(glyph, field, count, previous, next, close);
    }

    /** Shows the bar with the field focused and its text selected, ready to type over. */
    void open() {
        setVisible(true);
        setManaged(true);
        field.requestFocus();
        field.selectAll();
    }

    void hide() {
        setVisible(false);
        setManaged(false);
    }

    String query() {
        return isVisible() ? field.getText() : "";
    }

    static Button iconButton(String id, Icon icon, String tooltip) {
        Button button = new Button(null, icon.node(15));
        button.setId(id);
        button.getStyleClass().addAll("flat", "button-icon", "log-tool");
        button.setFocusTraversable(false);
        LazyTooltip.install(button, () -> tooltip);
        return button;
    }
}
