package dev.drpconsole.ui.connection;

import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.ui.common.Icon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

/**
 * A compact endpoint menu for the sidebar header or the status bar: the active endpoint's name (with a red
 * "insecure" badge when certificate checks are off, an "unencrypted" one when signed in over plain http://); the menu lists the saved endpoints (✓ on the active one),
 * the local sandbox, New connection…, and Edit…/Remove… for the active one. The menu is rebuilt each time it
 * opens, so it always shows the current profiles.
 *
 * <p>Ids for tests: {@code #endpoint-switcher}, {@code #endpoint-switcher-name}, {@code #insecure-badge}, {@code #unencrypted-badge}, menu items {@code #endpoint-<profile id>},
 * {@code #endpoint-sandbox}, {@code #endpoint-new}, {@code #endpoint-edit}, {@code #endpoint-remove}.
 */
public class EndpointSwitcher extends MenuButton {
    private final EndpointSwitcherViewModel viewModel;
    private final ConnectionDialogs dialogs;

    public EndpointSwitcher(EndpointSwitcherViewModel viewModel, ConnectionDialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        setId("endpoint-switcher");
        getStyleClass().add("endpoint-switcher");
        Label name = new Label();
        name.setId("endpoint-switcher-name");
        name.textProperty().bind(viewModel.labelProperty());
        Label badge = new Label("insecure");
        badge.setId("insecure-badge");
        badge.getStyleClass().add("insecure-badge");
        badge.visibleProperty().bind(viewModel.insecureProperty());
        badge.managedProperty().bind(viewModel.insecureProperty());
        Label unencrypted = new Label("unencrypted");
        unencrypted.setId("unencrypted-badge");
        unencrypted.getStyleClass().add("insecure-badge");
        unencrypted.visibleProperty().bind(viewModel.unencryptedProperty());
        unencrypted.managedProperty().bind(viewModel.unencryptedProperty());
        unencrypted.setMinWidth(Region.USE_PREF_SIZE);
        badge.setMinWidth(Region.USE_PREF_SIZE);
        HBox graphic = new HBox(6, Icon.LAN_CONNECT.node(14), name, badge, unencrypted);
        graphic.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setGraphic(graphic);
        setMinWidth(Region.USE_PREF_SIZE);
        dev.drpconsole.ui.common.LazyTooltip.install(this, () -> "Switch endpoint (Ctrl+E)"
                + (viewModel.unencryptedProperty().get() ? "\nConnected over plain http://: the password and the "
                        + "sign-in token cross the network unencrypted." : "")
                + (viewModel.insecureProperty().get() ? "\nCertificate checks are off." : ""));
        setOnShowing(e -> getItems().setAll(items()));
        getItems().setAll(items());
        viewModel.setOnNeedsUser(result -> dialogs.resolve(getScene().getWindow(), result));
    }

    private List<MenuItem> items() {
        List<MenuItem> items = new ArrayList<>();
        for (EndpointProfile profile : viewModel.profiles()) {
            MenuItem item = item("endpoint-" + profile.id(), profile.name(), viewModel.isActive(profile));
            item.setOnAction(e -> viewModel.switchTo(profile));
            items.add(item);
        }
        if (!items.isEmpty()) {
            items.add(new SeparatorMenuItem());
        }
        MenuItem sandbox = item("endpoint-sandbox", "Local sandbox", viewModel.isSandboxActive());
        sandbox.setOnAction(e -> viewModel.useLocalSandbox());
        items.add(sandbox);
        items.add(new SeparatorMenuItem());
        MenuItem create = new MenuItem("New connection…");
        create.setId("endpoint-new");
        create.setOnAction(e -> dialogs.open(getScene().getWindow(), Optional.empty()));
        Optional<EndpointProfile> editable = viewModel.editableActive();
        MenuItem edit = new MenuItem("Edit…");
        edit.setId("endpoint-edit");
        edit.setDisable(editable.isEmpty());
        edit.setOnAction(e -> dialogs.open(getScene().getWindow(), editable));
        MenuItem remove = new MenuItem("Remove…");
        remove.setId("endpoint-remove");
        remove.setDisable(editable.isEmpty());
        remove.setOnAction(e -> editable.ifPresent(this::confirmRemove));
        items.addAll(List.of(create, edit, remove));
        return items;
    }

    /** A menu entry with a check mark on the active one; the others keep the mark's room so names line up. */
    private static MenuItem item(String id, String text, boolean active) {
        MenuItem item = new MenuItem(text);
        item.setId(id);
        Label check = new Label(active ? "✓" : "");
        check.setMinWidth(14);
        item.setGraphic(check);
        return item;
    }

    private void confirmRemove(EndpointProfile profile) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION,
                "The console forgets " + profile.name() + " (" + profile.firstUrl() + ") and its saved sign-in, "
                        + "and disconnects from it. The endpoint itself is not touched.",
                ButtonType.CANCEL, ButtonType.OK);
        confirm.setHeaderText("Remove " + profile.name() + "?");
        confirm.initOwner(getScene().getWindow());
        confirm.showAndWait().filter(ButtonType.OK::equals).ifPresent(ok -> viewModel.remove(profile));
    }
}
