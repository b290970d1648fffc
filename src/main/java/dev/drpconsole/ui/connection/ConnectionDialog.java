package dev.drpconsole.ui.connection;

import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.ui.theme.Theme;
import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.fxml.FXMLLoader;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The connection dialog ({@code ConnectionDialog.fxml}), bound to a {@link ConnectionDialogViewModel}. An untrusted
 * certificate opens the {@link TrustCertificateDialog} on top of it; signing in closes it.
 *
 * <p>Ids for tests: {@code #connection-url}, {@code #connection-url-message}, {@code #connection-name},
 * {@code #connection-name-message}, {@code #connection-user}, {@code #connection-password},
 * {@code #connection-insecure}, {@code #connection-insecure-warning}, {@code #connection-send-unencrypted} (shown
 * for an http:// address, which is refused until it is ticked), {@code #connection-error},
 * {@code #connection-spinner}, {@code #connection-connect}, {@code #connection-cancel},
 * {@code #connection-drpcli-notice}, {@code #connection-import}, {@code #connection-runner-engine},
 * {@code #connection-runner-engine-test}, {@code #connection-runner-engine-message}, {@code #connection-ssh-config},
 * {@code #connection-trust-host-key} (shown with an unknown ssh host key's fingerprint).
 */
public class ConnectionDialog {
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final ConnectionDialogViewModel viewModel;
    private final Parent root;
    @FXML private Label title;
    @FXML private HBox drpcliBox;
    @FXML private Label drpcliNotice;
    @FXML private TextField urls;
    @FXML private Label urlMessage;
    @FXML private TextField name;
    @FXML private Label nameMessage;
    @FXML private TextField username;
    @FXML private PasswordField password;
    @FXML private CheckBox insecure;
    @FXML private CheckBox sendUnencrypted;
    @FXML private Label insecureWarning;
    @FXML private Label error;
    @FXML private ProgressIndicator spinner;
    @FXML private Label busyText;
    @FXML private Button connect;
    @FXML private TextField runnerEngine;
    @FXML private TextField sshConfig;
    @FXML private Button testRunnerEngine;
    @FXML private Label runnerEngineMessage;
    @FXML private Button trustHostKey;
    @FXML private Label sshConfigLabel;
    @FXML private ScrollPane formScroll;
    @FXML private TextField tlsCertificates;
    @FXML private Label tlsCertificatesLabel;

    public ConnectionDialog(ConnectionDialogViewModel viewModel) {
        this.viewModel = viewModel;
        FXMLLoader loader = new FXMLLoader(ConnectionDialog.class.getResource("ConnectionDialog.fxml"));
        loader.setController(this);
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("ConnectionDialog.fxml is part of the application", e);
        }
    }

    @FXML
    private void initialize() {
        title.setText(viewModel.isEditing() ? "Edit connection" : "Connect to a DRP endpoint");
        drpcliNotice.setText(viewModel.drpcliNotice());
        shownWhen(drpcliBox, viewModel.canImportDrpcli());

        urls.textProperty().bindBidirectional(viewModel.urlsProperty());
        name.textProperty().bindBidirectional(viewModel.nameProperty());
        username.textProperty().bindBidirectional(viewModel.usernameProperty());
        password.textProperty().bindBidirectional(viewModel.passwordProperty());
        insecure.selectedProperty().bindBidirectional(viewModel.insecureProperty());
        sendUnencrypted.selectedProperty().bindBidirectional(viewModel.sendUnencryptedProperty());
        // Offered only for an http:// address, once the refusal above it has said why.
        sendUnencrypted.visibleProperty().bind(viewModel.plainHttpProperty());
        sendUnencrypted.managedProperty().bind(viewModel.plainHttpProperty());
        viewModel.plainHttpProperty().addListener((obs, old, now) -> fitWindow());

        // Under the address: what is wrong with it, or how it will be used (the default port filled in).
        urlMessage.textProperty().bind(Bindings.createStringBinding(() -> viewModel.urlErrorProperty().get()
                .isEmpty() ? usedAs() : viewModel.urlErrorProperty().get(), viewModel.urlErrorProperty(),
                viewModel.urlsProperty()));
        viewModel.urlErrorProperty().addListener((obs, old, now) ->
                urlMessage.pseudoClassStateChanged(ERROR, !now.isEmpty()));
        nameMessage.textProperty().bind(viewModel.nameErrorProperty());
        shownWhenText(nameMessage);
        shownWhen(insecureWarning, viewModel.insecureProperty().get());
        viewModel.insecureProperty().addListener((obs, old, now) -> shownWhen(insecureWarning, now));
        error.textProperty().bind(viewModel.errorProperty());
        shownWhenText(error);
        // The dialog grows with the messages it shows, rather than cutting off its buttons.
        for (Label message : new Label[] {error, urlMessage, nameMessage}) {
            message.textProperty().addListener((obs, old, now) -> fitWindow());
        }
        viewModel.insecureProperty().addListener((obs, old, now) -> fitWindow());

        bindRunnerEngine(viewModel.runnerEngine());

        spinner.visibleProperty().bind(viewModel.busyProperty());
        busyText.visibleProperty().bind(viewModel.busyProperty());
        connect.disableProperty().bind(viewModel.canConnectProperty().not());
        for (Node field : new Node[] {urls, name, username, password, insecure, sendUnencrypted}) {
            field.disableProperty().bind(viewModel.busyProperty());
        }
        viewModel.pendingTrustProperty().addListener((obs, old, now) -> {
            if (now != null) {
                askTrust(now);
            }
        });
        viewModel.connectedProperty().addListener((obs, old, now) -> {
            if (now) {
                close();
            }
        });
    }

    /** The runner engine's field, its Test and what the test found (or why the text cannot be used). */
    private void bindRunnerEngine(RunnerEngineForm form) {
        runnerEngine.textProperty().bindBidirectional(form.engineProperty());
        sshConfig.textProperty().bindBidirectional(form.sshConfigProperty());
        runnerEngineMessage.textProperty().bind(Bindings.createStringBinding(() -> !form.errorProperty().get()
                        .isEmpty() ? form.errorProperty().get() : !form.resultProperty().get().isEmpty()
                        ? form.resultProperty().get() : "Where its runner containers run: local, none, context:NAME,"
                        + " ssh://user@host[/podman.sock], tcp://host:port", form.errorProperty(),
                form.resultProperty()));
        runnerEngineMessage.textProperty().addListener((obs, old, now) -> {
            runnerEngineMessage.pseudoClassStateChanged(ERROR, !form.errorProperty().get().isEmpty()
                    || form.resultIsProblemProperty().get());
            fitWindow();
        });
        testRunnerEngine.disableProperty().bind(form.testingProperty()
                .or(form.errorProperty().isNotEmpty()).or(viewModel.busyProperty()));
        runnerEngine.disableProperty().bind(viewModel.busyProperty());
        sshConfig.disableProperty().bind(viewModel.busyProperty());
        // The SSH config only for an ssh:// engine, the TLS certificates only for tcp:// (or either once set): the
        // form stays short on a small screen.
        tlsCertificates.textProperty().bindBidirectional(form.tlsCertificatesProperty());
        tlsCertificates.disableProperty().bind(viewModel.busyProperty());
        shownFor(form, "ssh://", form.sshConfigProperty(), sshConfig, sshConfigLabel);
        shownFor(form, "tcp://", form.tlsCertificatesProperty(), tlsCertificates, tlsCertificatesLabel);
        // Offered only while an unknown host key is shown with its fingerprint; a changed key never is.
        trustHostKey.visibleProperty().bind(form.unknownHostKeyProperty().isNotNull());
        trustHostKey.managedProperty().bind(trustHostKey.visibleProperty());
        trustHostKey.disableProperty().bind(form.testingProperty());
        trustHostKey.visibleProperty().addListener((obs, old, now) -> {
            fitWindow();
            if (now) {
                Platform.runLater(() -> reveal(trustHostKey)); // once laid out: on a low screen the form scrolls
            }
        });
    }

    /** Shows a field and its label while the engine is written {@code scheme}… or the field holds something. */
    private void shownFor(RunnerEngineForm form, String scheme, javafx.beans.property.StringProperty value,
                          Node... nodes) {
        var shown = Bindings.createBooleanBinding(() -> form.engineProperty().get().strip().startsWith(scheme)
                || !value.get().isBlank(), form.engineProperty(), value);
        for (Node node : nodes) {
            node.visibleProperty().bind(shown);
            node.managedProperty().bind(shown);
        }
        shown.addListener((obs, old, now) -> fitWindow());
    }

    /** Scrolls the form so that {@code node} is in sight (the form scrolls when the screen is too low for it). */
    private void reveal(Node node) {
        root.applyCss();
        root.layout();
        Bounds viewport = formScroll.getViewportBounds();
        Node content = formScroll.getContent();
        double overflow = content.getLayoutBounds().getHeight() - viewport.getHeight();
        if (overflow <= 0) {
            return;
        }
        Bounds shown = content.sceneToLocal(node.localToScene(node.getLayoutBounds()));
        double needed = (shown.getMaxY() - viewport.getHeight()) / overflow;
        formScroll.setVvalue(Math.max(formScroll.getVvalue(), Math.min(1, needed)));
    }

    @FXML
    private void trustHostKey() {
        viewModel.runnerEngine().trustHostKey();
    }

    @FXML
    private void testRunnerEngine() {
        viewModel.runnerEngine().test();
    }

    private String usedAs() {
        String normalized = viewModel.normalizedUrls();
        return normalized.isEmpty() || normalized.equals(viewModel.urlsProperty().get().strip()) ? ""
                : "Will connect to " + normalized;
    }

    private void askTrust(UntrustedCertificateException certificate) {
        TrustCertificateDialog trust = new TrustCertificateDialog(new TrustCertificateViewModel(certificate));
        trust.show(root.getScene().getWindow(), viewModel::decideTrust);
    }

    /** The form, for embedding or tests. */
    public Parent root() {
        return root;
    }

    /** Opens the dialog over {@code owner}. */
    public Stage show(Window owner) {
        Stage stage = new Stage();
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle(title.getText());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Theme.CONSOLE_CSS);
        stage.setScene(scene);
        stage.setResizable(false);
        // Never taller than the screen: on a 1024x640 display the form scrolls and the buttons stay in sight.
        stage.setMaxHeight(javafx.stage.Screen.getPrimary().getVisualBounds().getHeight());
        stage.show();
        keepOnScreen(stage);
        urls.requestFocus();
        return stage;
    }

    @FXML
    private void connect() {
        viewModel.connect();
    }

    @FXML
    private void importDrpcli() {
        viewModel.importDrpcli();
    }

    @FXML
    private void cancel() {
        close();
    }

    private void fitWindow() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().sizeToScene();
            keepOnScreen(root.getScene().getWindow());
        }
    }

    /** A dialog that grew (a message, the trust button) moves up rather than hang below the screen's edge. */
    private static void keepOnScreen(Window window) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        if (window.getY() + window.getHeight() > screen.getMaxY()) {
            window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
        }
    }

    private void close() {
        if (root.getScene() != null && root.getScene().getWindow() instanceof Stage stage) {
            stage.close();
        }
    }

    private static void shownWhenText(Label label) {
        shownWhen(label, !label.getText().isEmpty());
        label.textProperty().addListener((obs, old, now) -> shownWhen(label, !now.isEmpty()));
    }

    private static void shownWhen(Node node, boolean shown) {
        node.setVisible(shown);
        node.setManaged(shown);
    }
}
