package dev.drpconsole.ui.connection;

import dev.drpconsole.ui.common.Icon;
import dev.drpconsole.ui.theme.Theme;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Asks whether to trust an endpoint's certificate: on first use the fingerprint and subject with Trust / Cancel; when
 * the certificate changed, a red warning with both fingerprints, and "Trust the new certificate" stays disabled
 * until the user ticks that they know why it changed. Fingerprints are monospace, selectable and have Copy buttons.
 * Built in code: its layout depends on which of the two cases it is.
 *
 * <p>Ids for tests: {@code #trust-dialog}, {@code #trust-title}, {@code #trust-fingerprint},
 * {@code #trust-pinned-fingerprint} (changed only), {@code #trust-subject}, {@code #trust-confirm-change}
 * (changed only), {@code #trust-accept}, {@code #trust-cancel}.
 */
public class TrustCertificateDialog extends VBox {
    private final TrustCertificateViewModel viewModel;
    private final Button accept = new Button();
    private final Button cancel = new Button("Cancel");

    public TrustCertificateDialog(TrustCertificateViewModel viewModel) {
        this.viewModel = viewModel;
        setId("trust-dialog");
        getStyleClass().addAll("trust-dialog", viewModel.isFirstUse() ? "first-use" : "changed");
        setSpacing(14);
        setPrefWidth(720);

        Label title = new Label(viewModel.title());
        title.setId("trust-title");
        title.getStyleClass().add("dialog-title");
        title.setGraphic((viewModel.isFirstUse() ? Icon.LAN_CONNECT : Icon.ALERT_CIRCLE_OUTLINE).node(22));
        Label explanation = new Label(viewModel.explanation());
        explanation.setWrapText(true);
        explanation.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        explanation.getStyleClass().add(viewModel.isFirstUse() ? "trust-explanation" : "trust-warning");

        getChildren().addAll(title, explanation, details());
        if (!viewModel.isFirstUse()) {
            CheckBox confirm = new CheckBox("I know why the certificate of " + viewModel.hostPort()
                    + " changed, and I trust the new one");
            confirm.setId("trust-confirm-change");
            confirm.setWrapText(true);
            confirm.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            confirm.selectedProperty().bindBidirectional(viewModel.changeConfirmedProperty());
            getChildren().add(confirm);
        }
        getChildren().add(buttons());
    }

    private Node details() {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("trust-details");
        grid.setHgap(12);
        grid.setVgap(8);
        int row = 0;
        if (!viewModel.isFirstUse()) {
            grid.addRow(row++, caption("Trusted before"),
                    fingerprint("trust-pinned-fingerprint", viewModel.pinnedFingerprint()));
        }
        grid.addRow(row++, caption(viewModel.isFirstUse() ? "SHA-256" : "Presented now"),
                fingerprint("trust-fingerprint", viewModel.presentedFingerprint()));
        Label subject = new Label(viewModel.subject());
        subject.setId("trust-subject");
        subject.setWrapText(true);
        subject.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(row, caption("Subject"), subject);
        return grid;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("trust-caption");
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    /**
     * A read-only text (so it can be selected) in two lines of 16 bytes, which fit the dialog and are easier to
     * compare by eye than one of 95 characters, and a Copy button that copies it on one line.
     */
    private static Node fingerprint(String id, String value) {
        TextArea field = new TextArea(inTwoLines(value));
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add("fingerprint");
        field.setPrefRowCount(value.length() > 48 ? 2 : 1);
        field.setPrefColumnCount(48);
        field.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.setId(id + "-copy");
        copy.setMinWidth(Region.USE_PREF_SIZE);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(value);
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox box = new HBox(6, field, copy);
        box.setAlignment(Pos.TOP_LEFT);
        GridPane.setHgrow(box, Priority.ALWAYS);
        return box;
    }

    /** {@code AB:CD:…} split after its 16th byte. */
    static String inTwoLines(String fingerprint) {
        int middle = 16 * 3;
        return fingerprint.length() > middle ? fingerprint.substring(0, middle - 1) + "\n"
                + fingerprint.substring(middle) : fingerprint;
    }

    private Node buttons() {
        accept.setId("trust-accept");
        accept.setText(viewModel.trustLabel());
        accept.getStyleClass().add(viewModel.isFirstUse() ? "accent" : "danger");
        accept.disableProperty().bind(viewModel.canTrustProperty().not());
        cancel.setId("trust-cancel");
        cancel.setCancelButton(true);
        // On a changed certificate, Enter must not trust it: Cancel is the default there.
        accept.setDefaultButton(viewModel.isFirstUse());
        cancel.setDefaultButton(!viewModel.isFirstUse());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox box = new HBox(10, spacer, cancel, accept);
        box.setAlignment(Pos.CENTER_RIGHT);
        return box;
    }

    /** Opens the question over {@code owner}; {@code decision} hears true for Trust, false for Cancel or close. */
    public Stage show(Window owner, Consumer<Boolean> decision) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(viewModel.isFirstUse() ? "Trust certificate" : "Certificate changed");
        Scene scene = new Scene(this);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setScene(scene);
        stage.setResizable(false);
        boolean[] decided = {false};
        accept.setOnAction(e -> {
            decided[0] = true;
            stage.close();
            decision.accept(true);
        });
        cancel.setOnAction(e -> stage.close());
        stage.setOnHidden(e -> {
            if (!decided[0]) {
                decision.accept(false);
            }
        });
        stage.show();
        return stage;
    }
}
