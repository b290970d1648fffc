package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.BuildImageStep;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.PluginProviderInstall;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Preflight page: the checks as they come, and the fixes it offers (a provider to upload, where a Linux drpcli comes from, the endpoint's own drpcli). */
final class PreflightPageView extends StepPageView {

    PreflightPageView(WizardPage page, SetupForms.Context context) {
        super(page, context, "Run the checks");
    }

    @Override
    Node content() {
        VBox checks = new VBox(6);
        checks.setId("preflight-checks");
        Label none = hint("The checks have not run yet: Run the checks. Nothing is changed on the endpoint or the"
                + " engine.");
        Runnable refresh = () -> {
            checks.getChildren().setAll(model.checks.stream().map(PreflightPageView::checkRow).toList());
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
        download.visibleProperty().bind(model.fixes.drpcliOffered);
        download.managedProperty().bind(download.visibleProperty());
        download.setOnAction(e -> model.fixes.downloadDrpcli());
        lockWhenDone(dev.drpconsole.core.setup.BuildImageStep.ID, drpcli, choose, download);
        model.fixes.lookForEndpointDrpcli();
        model.clientProperty().addListener((obs, old, now) -> model.fixes.lookForEndpointDrpcli());

        Button upload = new Button("Upload a provider binary…");
        upload.setId("upload-provider");
        upload.setMinWidth(Region.USE_PREF_SIZE);
        upload.setOnAction(e -> chooseFile(upload, "The docker-context plugin provider (a Linux binary for the"
                + " endpoint)", FilePicker.startFolder(""), model.fixes::uploadProvider));
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
        offered.textProperty().bind(Bindings.createStringBinding(() -> model.fixes.drpcliOffered.get()
                ? "• The endpoint serves its own: files/" + DrpcliSource.endpointFile(model.fixes.engineArch.get())
                        + ". \"Use the endpoint's drpcli\" below downloads it and picks it."
                : "• This endpoint serves no files/drpcli." + model.fixes.engineArch.get() + ".linux (a real DRP server"
                        + " has one after its first start).", model.fixes.drpcliOffered, model.fixes.engineArch));
        TextField go = new TextField();
        go.setId("drpcli-go-install");
        go.setEditable(false);
        go.getStyleClass().add(MONOSPACE);
        go.textProperty().bind(Bindings.createStringBinding(model.fixes::goInstallCommand, model.fixes.engineArch));
        Button copyGo = new Button("Copy");
        copyGo.setMinWidth(Region.USE_PREF_SIZE);
        copyGo.setOnAction(e -> copy(go.getText()));
        HBox.setHgrow(go, Priority.ALWAYS);
        HBox goRow = new HBox(8, go, copyGo);
        goRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        Label goHint = hint("");
        goHint.textProperty().bind(Bindings.createStringBinding(() -> "• Or build it with Go (1.18 or newer), the"
                + " line above; then Choose… ~/go/bin/drpcli (~/go/bin/linux_" + model.fixes.engineArch.get()
                + "/drpcli when this machine is not Linux on " + model.fixes.engineArch.get() + ").", model.fixes.engineArch));
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
}
