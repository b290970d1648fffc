package dev.drpconsole.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.Region;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * A modal window for a form, owned by the page's window and styled like it. Shown without blocking (no
 * showAndWait), so the form's background save can report back into it. Escape closes it.
 */
public final class FormWindow {
    private FormWindow() {
    }

    /** Loads the form {@code fxml} next to {@code owner}'s class, with {@code controller} as its controller. */
    public static Parent load(Class<?> owner, String fxml, Object controller) {
        FXMLLoader loader = new FXMLLoader(owner.getResource(fxml));
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException(fxml + " is part of the application and must load", e);
        }
    }

    /** The form's error line: DRP's answer to the last save while there is one, else what the input lacks. */
    public static void bindError(Label error, ObservableStringValue validation, ObservableStringValue saveProblem) {
        error.textProperty().bind(Bindings.when(Bindings.isEmpty(saveProblem)).then(validation)
                .otherwise(saveProblem));
        error.visibleProperty().bind(error.textProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        // The sentence that says what to do is at the end of a message: wrap it whole, and grow the window for it
        // (it was opened before the message came, so a fixed height cut it with "…").
        error.setWrapText(true);
        error.setMinHeight(Region.USE_PREF_SIZE);
        error.textProperty().addListener((obs, old, now) -> fitWindow(error));
    }

    /** Grows (or shrinks) the window around its form, after the form has laid out its new content. */
    static void fitWindow(Node inside) {
        Platform.runLater(() -> {
            if (inside.getScene() != null && inside.getScene().getWindow() != null) {
                Window window = inside.getScene().getWindow();
                double width = window.getWidth();
                window.sizeToScene();
                window.setWidth(Math.max(width, window.getWidth())); // keep a width the user widened it to
            }
        });
    }

    public static Stage open(Window owner, String title, Parent form) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title);
        Scene scene = new Scene(form);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        scene.getStylesheets().add(LivePageLayout.STYLESHEET);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.ESCAPE) {
                stage.close();
                event.consume();
            }
        });
        stage.setScene(scene);
        stage.show();
        return stage;
    }
}
