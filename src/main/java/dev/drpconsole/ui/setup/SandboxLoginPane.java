package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.SandboxLogin;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableObjectValue;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * How to reach the console's own sandbox from a shell or another client: its address, the admin user, the password
 * (hidden until "Show"), the certificate's fingerprint and a drpcli line to try, each with a Copy button. Copy
 * always copies the real value, so the password can be pasted without being shown. Ids: {@code #sandbox-url},
 * {@code #sandbox-user}, {@code #sandbox-password}, {@code #reveal-password}, {@code #sandbox-fingerprint},
 * {@code #sandbox-drpcli}, and {@code #copy-<field>} for their Copy buttons.
 */
final class SandboxLoginPane extends VBox {
    private static final String HIDDEN = "••••••••••••";

    private final ObservableObjectValue<SandboxLogin> login;
    private final ToggleButton reveal = new ToggleButton("Show");

    SandboxLoginPane(ObservableObjectValue<SandboxLogin> login) {
        this.login = login;
        setId("sandbox-login");
        getStyleClass().add("setup-sandbox-login");
        setSpacing(8);
        setPadding(new Insets(10, 12, 10, 12));
        Label title = new Label("Sign in to the local sandbox from anywhere on this machine");
        title.getStyleClass().add("setup-subheading");
        title.setWrapText(true);
        reveal.setId("reveal-password");
        reveal.setMinWidth(Region.USE_PREF_SIZE);
        reveal.getStyleClass().add("dense");
        reveal.textProperty().bind(Bindings.when(reveal.selectedProperty()).then("Hide").otherwise("Show"));

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        ColumnConstraints names = new ColumnConstraints();
        names.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(names, values);
        // One value a row: at 1024 px a shared row squeezed the address to "https".
        grid.addRow(0, new Label("Address"), row("url", shown(SandboxLogin::url), SandboxLogin::url));
        grid.addRow(1, new Label("User"), row("user", shown(SandboxLogin::user), SandboxLogin::user));
        grid.addRow(2, new Label("Password"), row("password", secret(SandboxLogin::password),
                SandboxLogin::password, reveal));
        grid.addRow(3, new Label("Certificate SHA-256"), row("fingerprint", shown(SandboxLogin::certificateSha256),
                SandboxLogin::certificateSha256));
        grid.addRow(4, new Label("Try it"), row("drpcli", drpcliShown(), SandboxLogin::drpcliLine));

        Label where = new Label();
        where.setId("sandbox-notes");
        where.setWrapText(true);
        where.getStyleClass().add("setup-hint");
        where.textProperty().bind(Bindings.createStringBinding(() -> notes(login.get()), login));
        getChildren().addAll(title, grid, where);
    }

    private static String notes(SandboxLogin login) {
        if (login == null) {
            return "";
        }
        return "The password is kept in " + login.passwordFile() + " across restarts. The certificate is"
                + " self-signed: a client that asks you to trust it should show this fingerprint (drpcli skips the"
                + " check)." + (login.onDrpPort() ? "" : " DRP's port 8092 was taken, so the sandbox uses another.");
    }

    private ObservableStringValue shown(java.util.function.Function<SandboxLogin, String> part) {
        return Bindings.createStringBinding(() -> login.get() == null ? "" : part.apply(login.get()), login);
    }

    private ObservableStringValue secret(java.util.function.Function<SandboxLogin, String> part) {
        return Bindings.createStringBinding(() -> login.get() == null ? ""
                : reveal.isSelected() ? part.apply(login.get()) : HIDDEN, login, reveal.selectedProperty());
    }

    /** The drpcli line as shown: with the password only while it is revealed. */
    private ObservableStringValue drpcliShown() {
        return Bindings.createStringBinding(() -> {
            SandboxLogin now = login.get();
            if (now == null) {
                return "";
            }
            return reveal.isSelected() ? now.drpcliLine()
                    : now.drpcliLine().replace(now.password(), HIDDEN);
        }, login, reveal.selectedProperty());
    }

    /** A read-only field (selectable, like text to copy) and its Copy button, plus any extra buttons. */
    private HBox row(String id, ObservableStringValue text, java.util.function.Function<SandboxLogin, String> value,
                     javafx.scene.Node... extra) {
        TextField field = new TextField();
        field.setId("sandbox-" + id);
        field.setEditable(false);
        field.getStyleClass().addAll("setup-code", "dense");
        field.textProperty().bind(text);
        Button copy = new Button("Copy");
        copy.setId("copy-" + id);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.getStyleClass().add("dense");
        copy.setOnAction(e -> {
            if (login.get() != null) {
                ClipboardContent content = new ClipboardContent();
                content.putString(value.apply(login.get()));
                Clipboard.getSystemClipboard().setContent(content);
                copied(copy);
            }
        });
        HBox row = new HBox(6, field);
        row.getChildren().addAll(extra);
        row.getChildren().add(copy);
        row.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(field, Priority.ALWAYS);
        return row;
    }

    /** Says "Copied" on the button for a moment: the clipboard gives no other sign. */
    private static void copied(Button copy) {
        copy.setText("Copied ✓");
        PauseTransition back = new PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(e -> copy.setText("Copy"));
        back.play();
    }
}
