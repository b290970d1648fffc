package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.status.ConnectionState;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Endpoint page: a saved endpoint, a new one, or the console's own sandbox, and how to sign in to the sandbox. */
final class EndpointPageView extends PageView {

    EndpointPageView(WizardPage page, SetupForms.Context context) {
        super(page, context);
    }

    @Override
    String willDo() {
        return "Choose the DRP endpoint to set up: a saved one, a new one, or the console's own sandbox on this"
                + " machine (nothing to install: it runs runners on your local engine).";
    }

    @Override
    StepState state() {
        return model.connected() ? StepState.DONE : StepState.PENDING;
    }

    @Override
    String blockedReason() {
        return model.connected() ? "" : "Connect to an endpoint first: pick one above, or start the local sandbox.";
    }

    @Override
    Node content() {
        Label connected = new Label();
        connected.setId("endpoint-url");
        connected.setWrapText(true);
        connected.getStyleClass().add("setup-connected");
        connected.textProperty().bind(Bindings.createStringBinding(() -> !model.connected() ? "Not connected yet."
                : "✓ Connected to " + model.currentUrl() + (endpoints.active().get() == null ? ""
                        : " (" + endpoints.active().get().name() + ")"), model.clientProperty(), endpoints.active()));
        Label result = new Label();
        result.setId("endpoint-result");
        result.setWrapText(true);
        result.managedProperty().bind(result.textProperty().isNotEmpty());

        ComboBox<EndpointProfile> saved = new ComboBox<>(endpoints.profiles());
        saved.setId("endpoint-profile");
        saved.setPromptText("Choose an endpoint");
        saved.setCellFactory(list -> profileCell());
        saved.setButtonCell(profileCell());
        saved.setMaxWidth(Double.MAX_VALUE);
        saved.setMinWidth(160);
        saved.setValue(endpoints.active().get());
        endpoints.active().addListener((obs, old, now) -> saved.setValue(now));
        Button connect = new Button("Connect");
        connect.setId("connect-profile");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.disableProperty().bind(saved.valueProperty().isNull().or(saved.valueProperty()
                .isEqualTo(endpoints.active())));
        connect.setOnAction(e -> follow(endpoints.use(saved.getValue(), window(connect)), result,
                "Connecting to " + saved.getValue().name() + "…", ""));
        Button create = new Button("New endpoint…");
        create.setId("new-endpoint");
        create.setMinWidth(Region.USE_PREF_SIZE);
        create.setOnAction(e -> endpoints.newEndpoint(window(create)));
        HBox.setHgrow(saved, Priority.ALWAYS);
        HBox choose = new HBox(8, saved, connect, create);
        choose.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        Button sandbox = new Button();
        sandbox.setId("start-sandbox");
        sandbox.setMinWidth(Region.USE_PREF_SIZE);
        sandbox.textProperty().bind(Bindings.createStringBinding(() -> endpoints.sandboxLogin().get() == null
                ? "Start the local sandbox" : sandboxInUse() ? "Local sandbox in use" : "Use the local sandbox",
                endpoints.sandboxLogin(), model.clientProperty()));
        sandbox.setOnAction(e -> useSandbox(sandbox, result));
        Label sandboxHint = hint("A DRP-compatible endpoint inside the console, on 127.0.0.1 only: it runs runner"
                + " containers on this machine's Docker or Podman. Good for a first try.");
        HBox.setHgrow(sandboxHint, Priority.ALWAYS);
        HBox sandboxRow = new HBox(12, sandbox, sandboxHint);
        sandboxRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        SandboxLoginPane login = new SandboxLoginPane(endpoints.sandboxLogin());
        login.visibleProperty().bind(Bindings.createBooleanBinding(this::sandboxInUse, endpoints.sandboxLogin(),
                model.clientProperty()));
        login.managedProperty().bind(login.visibleProperty());

        GridPane grid = grid();
        grid.addRow(0, new Label("Endpoint"), choose);
        grid.addRow(1, new Label("Local sandbox"), sandboxRow);
        return new VBox(12, connected, grid, result, login);
    }

    /** The console's own sandbox runs and is the endpoint the wizard works on. */
    private boolean sandboxInUse() {
        SandboxLogin login = endpoints.sandboxLogin().get();
        return login != null && model.connected() && login.isAt(model.currentUrl());
    }

    /** Starts or picks the sandbox; when it already is the endpoint, says so instead of signing in again. */
    private void useSandbox(Button button, Label result) {
        SandboxLogin login = endpoints.sandboxLogin().get();
        if (sandboxInUse()) {
            say(result, "The local sandbox is running at " + login.url() + " and is the endpoint in use: how to"
                    + " sign in to it is below.", false);
        } else if (login != null) {
            follow(endpoints.startSandbox(window(button)), result, "Connecting to the local sandbox at "
                    + login.url() + "…", "The local sandbox was already running at " + login.url()
                    + ": connected to it.");
        } else {
            follow(endpoints.startSandbox(window(button)), result, "Starting the local sandbox…",
                    "Started the local sandbox and connected to it.");
        }
    }

    private static ListCell<EndpointProfile> profileCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(EndpointProfile profile, boolean empty) {
                super.updateItem(profile, empty);
                setText(empty || profile == null ? null : profile.name() + "  (" + profile.firstUrl() + ")");
            }
        };
    }

    private void follow(CompletableFuture<ConnectResult> attempt, Label result, String during, String connected) {
        say(result, during, false);
        attempt.whenComplete((how, error) -> Platform.runLater(() -> {
            if (error != null) {
                say(result, "Could not connect: " + error.getMessage(), true);
            } else if (how instanceof ConnectResult.Connected) {
                say(result, connected, false);
            } else {
                say(result, describe(how), !(how instanceof ConnectResult.PasswordNeeded
                        || how instanceof ConnectResult.CertificateUntrusted));
            }
        }));
    }

    /** Shows what an endpoint choice did: in the danger colour when it failed. */
    private static void say(Label result, String text, boolean failed) {
        result.setText(text);
        result.getStyleClass().removeAll("setup-problem-text", "setup-said");
        result.getStyleClass().add(failed ? "setup-problem-text" : "setup-said");
    }

    /** What the endpoint page says after an attempt: where the dialog takes over, or the status bar's words. */
    private static String describe(ConnectResult result) {
        if (result instanceof ConnectResult.PasswordNeeded needed) {
            return "Sign in to " + needed.profile().name() + " in the dialog.";
        } else if (result instanceof ConnectResult.CertificateUntrusted) {
            return "Check the certificate's fingerprint in the dialog.";
        }
        ConnectionState failed = DrpConnections.failureState(result);
        return failed.headline() + ": " + failed.detail() + ". " + failed.fixHint() + ".";
    }
}
