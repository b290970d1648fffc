package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.PluginProviderInstall;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.status.ConnectionState;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.ui.common.Navigator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.Observable;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.StringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * The wizard's pages, one node each, built on first visit and kept: a heading with what the step does, its
 * choices, and the equivalent commands. Fields of a step that is done are read-only (clean up to change them).
 */
final class SetupForms {
    private static final String MONOSPACE = "setup-code";

    private final SetupViewModel model;
    private final EndpointChoices endpoints;
    private final Navigator navigator;
    private final Map<String, Node> built = new HashMap<>();
    private FilePicker picker = FilePicker.SYSTEM;

    SetupForms(SetupViewModel model, EndpointChoices endpoints, Navigator navigator) {
        this.model = model;
        this.endpoints = endpoints;
        this.navigator = navigator;
    }

    Node pageFor(WizardPage page, int index) {
        return built.computeIfAbsent(page.id(), id -> build(page, index));
    }

    private Node build(WizardPage page, int index) {
        Label heading = new Label("Step " + (index + 1) + " of " + model.pages().size() + " · " + page.title());
        heading.getStyleClass().add("setup-heading");
        heading.setId("setup-heading-" + page.id());
        Label willDo = new Label();
        willDo.setWrapText(true);
        willDo.getStyleClass().add("setup-will-do");
        willDo.textProperty().bind(Bindings.createStringBinding(() -> willDo(page), choiceInputs()));
        VBox box = new VBox(12, heading, willDo, content(page));
        page.step().ifPresent(step -> box.getChildren().add(commands(step)));
        box.setPadding(new Insets(16, 20, 16, 20));
        box.setId("setup-page-" + page.id());
        return box;
    }

    private String willDo(WizardPage page) {
        return switch (page.id()) {
            case WizardPage.ENDPOINT -> "Choose the DRP endpoint to set up: a saved one, a new one, or the console's"
                    + " own sandbox on this machine (nothing to install: it runs runners on your local engine).";
            case WizardPage.IMAGE -> "Describe the runner image: a base image from the container engine (no"
                    + " registry needed), extra packages, and the Dockerfile that puts drpcli inside.";
            case WizardPage.SUMMARY -> model.allDone()
                    ? "The runner works: the test job ran in the context. Here is what the wizard made, and the"
                            + " commands that do the same by hand."
                    : "Not finished yet: the steps without ✓ are still to run.";
            default -> page.step().map(step -> step.willDo(model.choices())).orElse("");
        };
    }

    private Observable[] choiceInputs() {
        return new Observable[] {model.drpcli, model.baseImage, model.packages, model.imageTag, model.contextName,
            model.contextDescription, model.runnerName, model.testMachineName, model.states};
    }

    /** The commands by hand also follow the Dockerfile, the upload choice and the endpoint. */
    private Observable[] commandInputs() {
        List<Observable> inputs = new java.util.ArrayList<>(List.of(choiceInputs()));
        inputs.addAll(List.of(model.dockerfile, model.keepOnEngine, model.clientProperty(), model.endpointUser));
        return inputs.toArray(Observable[]::new);
    }

    private Node content(WizardPage page) {
        return switch (page.id()) {
            case WizardPage.ENDPOINT -> endpointPage();
            case WizardPage.IMAGE -> imagePage();
            case WizardPage.SUMMARY -> summaryPage();
            case dev.drpconsole.core.setup.PreflightStep.ID -> preflightPage();
            case dev.drpconsole.core.setup.BuildImageStep.ID -> buildPage();
            case dev.drpconsole.core.setup.PublishImageStep.ID -> publishPage();
            case ContextStep.ID -> contextPage();
            case RunnerMachineStep.ID -> runnerPage();
            case TestJobStep.ID -> testJobPage();
            default -> new VBox();
        };
    }

    // --- Endpoint -------------------------------------------------------------------------------------------

    private Node endpointPage() {
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

    // --- Preflight ------------------------------------------------------------------------------------------

    private Node preflightPage() {
        VBox checks = new VBox(6);
        checks.setId("preflight-checks");
        Label none = hint("The checks have not run yet: Run the checks. Nothing is changed on the endpoint or the"
                + " engine.");
        Runnable refresh = () -> {
            checks.getChildren().setAll(model.checks.stream().map(SetupForms::checkRow).toList());
            if (checks.getChildren().isEmpty()) {
                checks.getChildren().add(none);
            }
        };
        model.checks.addListener((javafx.collections.ListChangeListener<String>) change -> refresh.run());
        refresh.run();

        TextField drpcli = field("drpcli", model.drpcli);
        drpcli.setPromptText("Path of a Linux drpcli binary");
        Button choose = new Button("Choose…");
        choose.setId("choose-drpcli");
        choose.setMinWidth(Region.USE_PREF_SIZE);
        choose.setOnAction(e -> chooseFile(choose, "The drpcli binary to put in the image",
                FilePicker.startFolder(model.drpcli.get()), picked -> model.drpcli.set(picked.toString())));
        Button download = new Button("Use the endpoint's drpcli");
        download.setId("download-drpcli");
        download.setMinWidth(Region.USE_PREF_SIZE);
        download.visibleProperty().bind(model.drpcliOffered);
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> model.downloadDrpcli());
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, drpcli, choose, download);
        model.lookForEndpointDrpcli();
        model.clientProperty().addListener((obs, old, now) -> model.lookForEndpointDrpcli());

        Button upload = new Button("Upload a provider binary…");
        upload.setId("upload-provider");
        upload.setMinWidth(Region.USE_PREF_SIZE);
        upload.setOnAction(e -> chooseFile(upload, "The docker-context plugin provider (a Linux binary for the"
                + " endpoint)", FilePicker.startFolder(""), model::uploadProvider));
        upload.disableProperty().bind(model.running);
        TextField catalog = new TextField(PluginProviderInstall.CATALOG_COMMAND);
        catalog.setEditable(false);
        catalog.getStyleClass().add(MONOSPACE);
        catalog.setPrefColumnCount(34);
        HBox provider = new HBox(8, upload, new Label("or run"), catalog);
        provider.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        provider.setId("provider-fix");
        provider.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.checks.stream()
                .anyMatch(line -> line.startsWith("✗") && line.contains("plugin provider")), model.checks));
        provider.managedProperty().bind(provider.visibleProperty());

        GridPane grid = grid();
        HBox.setHgrow(drpcli, Priority.ALWAYS);
        grid.addRow(0, new Label("drpcli for the image"), new HBox(8, drpcli, choose, download));
        return new VBox(12, checks, provider, drpcliFix(), grid);
    }

    /** Where a Linux drpcli comes from, shown while the drpcli check fails. */
    private Node drpcliFix() {
        Label title = bold("Where to get a Linux drpcli");
        Label offered = hint("");
        offered.textProperty().bind(Bindings.createStringBinding(() -> model.drpcliOffered.get()
                ? "• The endpoint serves its own: files/" + DrpcliSource.endpointFile(model.engineArch.get())
                        + ". \"Use the endpoint's drpcli\" below downloads it and picks it."
                : "• This endpoint serves no files/drpcli." + model.engineArch.get() + ".linux (a real DRP server"
                        + " has one after its first start).", model.drpcliOffered, model.engineArch));
        TextField go = new TextField();
        go.setId("drpcli-go-install");
        go.setEditable(false);
        go.getStyleClass().add(MONOSPACE);
        go.textProperty().bind(Bindings.createStringBinding(model::goInstallCommand, model.engineArch));
        Button copyGo = new Button("Copy");
        copyGo.setMinWidth(Region.USE_PREF_SIZE);
        copyGo.setOnAction(e -> copy(go.getText()));
        HBox.setHgrow(go, Priority.ALWAYS);
        HBox goRow = new HBox(8, go, copyGo);
        goRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label goHint = hint("");
        goHint.textProperty().bind(Bindings.createStringBinding(() -> "• Or build it with Go (1.18 or newer), the"
                + " line above; then Choose… ~/go/bin/drpcli (~/go/bin/linux_" + model.engineArch.get()
                + "/drpcli when this machine is not Linux on " + model.engineArch.get() + ").", model.engineArch));
        Label rackn = hint("• Or take it from RackN's downloads (https://rebar.digital): DRP's release archive holds"
                + " bin/linux/<arch>/drpcli.");
        VBox box = new VBox(6, title, offered, goHint, goRow, rackn);
        box.setId("drpcli-fix");
        box.getStyleClass().add("setup-conflict");
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.checks.stream()
                .anyMatch(line -> line.startsWith("✗ No usable drpcli")), model.checks));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static Node checkRow(String line) {
        boolean passed = line.startsWith("✓");
        String text = line.replaceFirst("^[✓✗] ", "");
        int fixAt = text.indexOf(" Fix: ");
        Label what = new Label(fixAt < 0 ? text : text.substring(0, fixAt));
        what.setWrapText(true);
        Label mark = new Label(passed ? "✓" : "✗");
        mark.getStyleClass().add(passed ? "setup-mark-done" : "setup-mark-failed");
        mark.setMinWidth(16);
        VBox words = new VBox(2, what);
        if (fixAt >= 0) {
            Label fix = new Label("Fix: " + text.substring(fixAt + 6));
            fix.setWrapText(true);
            fix.getStyleClass().add("setup-fix");
            words.getChildren().add(fix);
        }
        HBox row = new HBox(8, mark, words);
        row.getStyleClass().add("setup-check");
        return row;
    }

    // --- Runner image ---------------------------------------------------------------------------------------

    private Node imagePage() {
        ComboBox<String> base = new ComboBox<>();
        base.setId("base-image");
        base.setPromptText("Listing the engine's images…");
        base.setMaxWidth(Double.MAX_VALUE);
        Label noImages = hint("");
        noImages.setId("no-images");
        model.baseImages.addListener((obs, old, images) -> {
            base.getItems().setAll(images);
            base.setPromptText(images.isEmpty() ? "No local images" : "Choose a base image");
            noImages.setText(images.isEmpty() ? "The container engine has no local images, and no registry is"
                    + " needed: load a base image from a tar file (docker load -i base.tar, or podman load -i"
                    + " base.tar), then Refresh." : "");
            if (!model.baseImage.get().isEmpty()) {
                base.setValue(model.baseImage.get());
            }
        });
        base.valueProperty().addListener((obs, old, now) -> model.chooseBaseImage(now));
        Button refresh = new Button("Refresh");
        refresh.setId("refresh-images");
        refresh.setOnAction(e -> model.loadBaseImages());
        TextField packages = field("packages", model.packages);
        packages.setPromptText("Space-separated, e.g. bash jq curl");
        Button rewrite = new Button("Rewrite the Dockerfile");
        rewrite.setId("regenerate");
        rewrite.disableProperty().bind(model.baseImage.isEmpty());
        rewrite.setOnAction(e -> model.regenerateDockerfile());
        TextArea dockerfile = dockerfileEditor("dockerfile");
        TextField tag = field("image-tag", model.imageTag);
        Label formProblem = new Label();
        formProblem.setId("image-form-problem");
        formProblem.getStyleClass().add("setup-problem-text");
        formProblem.textProperty().bind(Bindings.createStringBinding(model::imageFormProblem, model.baseImage,
                model.dockerfile, model.imageTag));
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, base, refresh, packages, rewrite, dockerfile,
                tag);

        GridPane grid = grid();
        HBox.setHgrow(base, Priority.ALWAYS);
        HBox.setHgrow(packages, Priority.ALWAYS);
        grid.addRow(0, topLabel("Base image"), new VBox(4, new HBox(8, base, refresh), noImages));
        grid.addRow(1, new Label("Extra packages"), new HBox(8, packages, rewrite));
        grid.addRow(2, topLabel("Dockerfile"), dockerfile);
        grid.addRow(3, new Label("Image tag"), tag);
        return new VBox(8, grid, formProblem);
    }

    private TextArea dockerfileEditor(String id) {
        TextArea editor = new TextArea();
        editor.setId(id);
        editor.getStyleClass().add(MONOSPACE);
        editor.setPrefRowCount(9);
        editor.textProperty().bindBidirectional(model.dockerfile);
        return editor;
    }

    // --- Build ----------------------------------------------------------------------------------------------

    private Node buildPage() {
        Label failed = new Label();
        failed.setId("failed-line");
        failed.setWrapText(true);
        failed.getStyleClass().add("setup-problem-text");
        TextArea dockerfile = dockerfileEditor("build-dockerfile");
        Label hint = hint("Edit the Dockerfile here and build again: the engine's cache keeps the steps that"
                + " already worked.");
        model.failedLine.addListener((obs, old, line) -> {
            int number = line.intValue();
            failed.setText(number > 0 ? "Line " + number + " failed: " + lineOf(model.dockerfile.get(), number) : "");
            if (number > 0) {
                selectLine(dockerfile, number);
            }
        });
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, dockerfile);
        return new VBox(8, failed, dockerfile, hint);
    }

    private static String lineOf(String text, int number) {
        String[] lines = text.split("\n", -1);
        return number <= lines.length ? lines[number - 1].strip() : "";
    }

    private static void selectLine(TextArea editor, int number) {
        String[] lines = editor.getText().split("\n", -1);
        int start = 0;
        for (int i = 0; i < number - 1 && i < lines.length; i++) {
            start += lines[i].length() + 1;
        }
        int end = number - 1 < lines.length ? start + lines[number - 1].length() : start;
        editor.selectRange(start, end);
        editor.requestFocus();
    }

    // --- Publish --------------------------------------------------------------------------------------------

    private Node publishPage() {
        javafx.scene.control.CheckBox keep = new javafx.scene.control.CheckBox(
                "The engine is the endpoint's own: keep the image there, upload nothing");
        keep.setId("keep-on-engine");
        keep.selectedProperty().bindBidirectional(model.keepOnEngine);
        lockWhenDone(dev.drpconsole.core.setup.PublishImageStep.ID, keep);
        Label shared = hint("");
        shared.setId("publish-target");
        Runnable explain = () -> model.endpointSharesEngine(local -> shared.setText(local
                ? "This endpoint runs on this machine and uses this engine: the image is already where the"
                        + " docker-context plugin looks, so nothing is uploaded."
                : "The plugin looks for the image on its engine first, then downloads files/contexts/docker-context/"
                        + model.imageTag.get() + " from the endpoint: the wizard uploads it there, unless the"
                        + " endpoint already has the same bytes."));
        explain.run();
        model.clientProperty().addListener((obs, old, now) -> explain.run());
        model.imageTag.addListener((obs, old, now) -> explain.run());
        return new VBox(8, shared, keep);
    }

    // --- Context --------------------------------------------------------------------------------------------

    private Node contextPage() {
        TextField name = field("context-name", model.contextName);
        TextField description = field("context-description", model.contextDescription);
        Label engine = new Label(DrpContext.DOCKER_CONTEXT);
        Label image = new Label();
        image.textProperty().bind(model.imageTag);
        TextArea json = new TextArea();
        json.setId("context-json");
        json.setEditable(false);
        json.setPrefRowCount(7);
        json.getStyleClass().add(MONOSPACE);
        json.textProperty().bind(Bindings.createStringBinding(model::contextJson, model.contextName,
                model.contextDescription, model.imageTag));
        lockWhenDone(ContextStep.ID, name, description);

        GridPane grid = grid();
        grid.addRow(0, topLabel("Name"), checked(name, "context-name-problem", model::contextNameProblem));
        grid.addRow(1, new Label("Description"), description);
        grid.addRow(2, new Label("Engine"), engine);
        grid.addRow(3, new Label("Image"), image);
        grid.addRow(4, topLabel("Sent to DRP"), json);
        VBox conflict = new VBox(8);
        conflict.setId("context-conflict");
        conflict.getStyleClass().add("setup-conflict");
        conflict.visibleProperty().bind(model.conflictingContext.isNotNull());
        conflict.managedProperty().bind(conflict.visibleProperty());
        model.conflictingContext.addListener((obs, old, theirs) -> {
            if (theirs != null) {
                conflict.getChildren().setAll(conflictView(theirs, name));
            }
        });
        return new VBox(12, conflict, grid);
    }

    /** Theirs and ours side by side, the differing fields marked, and the two ways on. */
    private Node[] conflictView(DrpContext theirs, TextField name) {
        DrpContext ours = ContextStep.wanted(model.choices());
        Label title = new Label("A context named " + theirs.name() + " already exists with other settings.");
        title.getStyleClass().add("setup-conflict-title");
        GridPane table = new GridPane();
        table.setId("context-diff");
        table.setHgap(16);
        table.setVgap(4);
        table.addRow(0, bold("Field"), bold("On the endpoint"), bold("The wizard's"));
        String[][] rows = {{"Engine", theirs.engine(), ours.engine()}, {"Image", theirs.image(), ours.image()},
            {"Description", theirs.description(), ours.description()}};
        for (int i = 0; i < rows.length; i++) {
            boolean differs = !rows[i][1].equals(rows[i][2]);
            Label field = new Label((differs ? "≠ " : "  ") + rows[i][0]);
            Label there = new Label(rows[i][1].isEmpty() ? "(empty)" : rows[i][1]);
            Label here = new Label(rows[i][2].isEmpty() ? "(empty)" : rows[i][2]);
            if (differs) {
                List.of(field, there, here).forEach(label -> label.getStyleClass().add("setup-differs"));
            }
            table.addRow(i + 1, field, there, here);
        }
        Button replace = new Button("Replace it with the wizard's settings");
        replace.setId("replace-context");
        replace.setOnAction(e -> model.replaceConflictingContext());
        Button rename = new Button("Use another name");
        rename.setId("rename-context");
        rename.setOnAction(e -> {
            model.conflictingContext.set(null);
            model.dismissProblem();
            name.requestFocus();
            name.selectAll();
        });
        Label warning = hint("Replacing changes the context for every machine that uses it; Clean up puts its"
                + " settings back as they were.");
        return new Node[] {title, table, new HBox(8, replace, rename), warning};
    }

    // --- Runner machine and test job ------------------------------------------------------------------------

    private Node runnerPage() {
        TextField name = field("runner-name", model.runnerName);
        lockWhenDone(RunnerMachineStep.ID, name);
        Hyperlink machine = link("runner-link", "Show the runner machine", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.RUNNERS, uuid)));
        Hyperlink container = link("container-link", "Show its container", () ->
                model.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> navigator.show(Navigator.CONTAINERS,
                        RunnerContainerName.forMachine(UUID.fromString(uuid)))));
        GridPane grid = grid();
        grid.addRow(0, topLabel("Machine name"), checked(name, "runner-name-problem", model::runnerNameProblem));
        return new VBox(12, grid, showWhenDone(RunnerMachineStep.ID, new HBox(16, machine, container)));
    }

    private Node testJobPage() {
        TextField name = field("test-machine", model.testMachineName);
        lockWhenDone(TestJobStep.ID, name);
        Hyperlink job = link("job-link", "Open the test job in Jobs", () ->
                model.value(TestJobStep.JOB_VALUE).ifPresent(uuid -> navigator.show(Navigator.JOBS, uuid)));
        GridPane grid = grid();
        grid.addRow(0, topLabel("Test machine name"), checked(name, "test-machine-problem",
                model::testMachineNameProblem));
        return new VBox(12, grid, hint("The job's output follows live in Output below."),
                showWhenDone(TestJobStep.ID, job));
    }

    // --- Summary --------------------------------------------------------------------------------------------

    private Node summaryPage() {
        VBox setUp = new VBox(4);
        setUp.setId("summary-set-up");
        VBox created = new VBox(4);
        created.setId("summary-created");
        Runnable refresh = () -> {
            setUp.getChildren().setAll(setUpRows());
            created.getChildren().setAll(createdRows());
        };
        model.journalChanges.addListener((obs, old, now) -> refresh.run());
        model.states.addListener((javafx.collections.ListChangeListener<StepState>) change -> refresh.run());
        refresh.run();
        TextArea commands = new TextArea();
        commands.setId("summary-commands");
        commands.setEditable(false);
        commands.setPrefRowCount(14);
        commands.getStyleClass().add(MONOSPACE);
        commands.textProperty().bind(Bindings.createStringBinding(model::allCommands, commandInputs()));
        Button copy = new Button("Copy all commands");
        copy.setId("copy-commands");
        copy.setOnAction(e -> copy(commands.getText()));
        HBox commandsHeading = new HBox(8, bold("The same by hand"), copy);
        commandsHeading.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(10, bold("What is set up"), setUp, bold("Made or changed by the wizard (Clean up removes or restores these)"),
                created, commandsHeading, commands);
    }

    /** The context, the runner, its container and the test job, each a link into its view. */
    private List<Node> setUpRows() {
        List<Node> rows = new java.util.ArrayList<>();
        if (model.isDone(ContextStep.ID)) {
            rows.add(bullet(link("summary-context", "The context " + model.contextName.get() + " ("
                    + model.imageTag.get() + ")", () -> navigator.show(Navigator.CONTEXTS, model.contextName.get()))));
        }
        model.value(RunnerMachineStep.UUID_VALUE).filter(uuid -> model.isDone(RunnerMachineStep.ID)).ifPresent(uuid -> {
            String container = RunnerContainerName.forMachine(UUID.fromString(uuid));
            rows.add(bullet(link("summary-runner", "The runner machine " + model.runnerName.get(),
                    () -> navigator.show(Navigator.RUNNERS, uuid))));
            rows.add(bullet(link("summary-container", "Its container " + container,
                    () -> navigator.show(Navigator.CONTAINERS, container))));
        });
        model.value(TestJobStep.JOB_VALUE).filter(job -> model.isDone(TestJobStep.ID)).ifPresent(job ->
                rows.add(bullet(link("summary-job", "The test job on " + model.testMachineName.get() + ": finished",
                        () -> navigator.show(Navigator.JOBS, job)))));
        if (rows.isEmpty()) {
            rows.add(hint("Nothing yet."));
        }
        return rows;
    }

    private List<Node> createdRows() {
        List<CreatedObject> created = model.created();
        if (created.isEmpty()) {
            return List.of(hint("Nothing (an existing context or content pack the wizard only used is not listed:"
                    + " clean-up leaves it alone)."));
        }
        return created.stream().map(object -> (Node) bullet(new Label(capitalized(model.describe(object))))).toList();
    }

    private static HBox bullet(Node... parts) {
        HBox row = new HBox(4, new Label("•"));
        row.getChildren().addAll(parts);
        row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return row;
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    void openRunners() {
        model.value(RunnerMachineStep.UUID_VALUE).ifPresentOrElse(uuid -> navigator.show(Navigator.RUNNERS, uuid),
                () -> navigator.show(Navigator.RUNNERS, ""));
    }

    /**
     * Asks before running every remaining step, listing what they will create; Cancel is the default button, so
     * Enter does not start creating machines and containers.
     */
    void confirmRunRemaining(Window owner) {
        StringBuilder text = new StringBuilder();
        model.plannedWork().forEach(line -> text.append("• ").append(line).append('\n'));
        ButtonType run = new ButtonType("Run all remaining", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "In this order, on " + model.currentUrl()
                + " and the container engine:\n\n" + text + "\nClean up removes what it created.", ButtonType.CANCEL,
                run);
        confirm.setHeaderText("Run all remaining steps?");
        confirm.setTitle("Run all remaining");
        confirm.initOwner(owner);
        confirm.getDialogPane().setId("confirm-run-all");
        ((Button) confirm.getDialogPane().lookupButton(run)).setDefaultButton(false);
        ((Button) confirm.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        confirm.getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        confirm.showAndWait().filter(run::equals).ifPresent(yes -> model.runRemaining());
    }

    /** Asks first, listing exactly what will be removed. */
    void confirmCleanUp(Window owner) {
        List<CreatedObject> created = model.created();
        StringBuilder text = new StringBuilder();
        for (int i = created.size() - 1; i >= 0; i--) {
            text.append("• ").append(capitalized(model.describe(created.get(i)))).append('\n');
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, created.isEmpty()
                ? "The wizard has not created anything yet. Start over anyway?"
                : "These are removed, newest first; nothing else is touched:\n\n" + text, ButtonType.CANCEL,
                ButtonType.OK);
        confirm.setHeaderText(created.isEmpty() ? "Start over?" : "Remove what the wizard created?");
        confirm.initOwner(owner);
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> model.cleanUp());
    }

    // --- Shared pieces --------------------------------------------------------------------------------------

    private Node commands(SetupStep step) {
        TextArea text = new TextArea();
        text.setId("commands-" + step.id());
        text.setEditable(false);
        text.setPrefRowCount(4);
        text.getStyleClass().add(MONOSPACE);
        text.textProperty().bind(Bindings.createStringBinding(() -> model.commandsOf(step), commandInputs()));
        Button copy = new Button("Copy");
        copy.setOnAction(e -> copy(text.getText()));
        VBox body = new VBox(6, text, copy);
        TitledPane pane = new TitledPane("The same by hand (drpcli / docker)", body);
        pane.setExpanded(false);
        pane.setAnimated(false);
        return pane;
    }

    private static void copy(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    private void lockWhenDone(String stepId, Node... nodes) {
        BooleanBinding done = Bindings.createBooleanBinding(() -> model.isDone(stepId) || model.running.get(),
                model.states, model.running);
        for (Node node : nodes) {
            node.disableProperty().bind(done);
        }
    }

    private Node showWhenDone(String stepId, Node node) {
        node.visibleProperty().bind(Bindings.createBooleanBinding(() -> model.isDone(stepId), model.states));
        node.managedProperty().bind(node.visibleProperty());
        return node;
    }

    private static Hyperlink link(String id, String text, Runnable action) {
        Hyperlink link = new Hyperlink(text);
        link.setId(id);
        link.setOnAction(e -> action.run());
        return link;
    }

    private static TextField field(String id, StringProperty value) {
        TextField field = new TextField();
        field.setId(id);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    /** A name field with DRP's verdict under it, as the user types ({@code #<problemId>}, "" when fine). */
    private VBox checked(TextField field, String problemId, java.util.function.Supplier<String> problem) {
        Label said = new Label();
        said.setId(problemId);
        said.setWrapText(true);
        said.getStyleClass().add("setup-problem-text");
        said.textProperty().bind(Bindings.createStringBinding(problem::get, model.nameInputs()));
        said.visibleProperty().bind(said.textProperty().isNotEmpty());
        said.managedProperty().bind(said.visibleProperty());
        return new VBox(4, field, said);
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        hint.getStyleClass().add("setup-hint");
        return hint;
    }

    /** A row label for a tall field: at the top, level with the field's first line. */
    private static Label topLabel(String text) {
        Label label = new Label(text);
        label.setPadding(new Insets(5, 0, 0, 0));
        GridPane.setValignment(label, javafx.geometry.VPos.TOP);
        return label;
    }

    private static Label bold(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("setup-subheading");
        return label;
    }

    private static GridPane grid() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(8);
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setFillWidth(true);
        grid.getColumnConstraints().addAll(labels, fields);
        return grid;
    }

    /** Replaces the desktop's file dialog (tests: a headless FileChooser cannot be driven). */
    void usePicker(FilePicker replacement) {
        picker = replacement;
    }

    private void chooseFile(Node owner, String title, java.nio.file.Path folder,
                            java.util.function.Consumer<java.nio.file.Path> then) {
        picker.pick(window(owner), title, folder).ifPresent(then);
    }

    private static Window window(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }
}
