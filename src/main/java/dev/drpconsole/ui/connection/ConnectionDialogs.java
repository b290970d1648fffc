package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import java.util.Optional;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Opens connection dialogs: for a new endpoint, to edit one, or to finish an attempt that needs the user. */
public class ConnectionDialogs {
    private final DrpConnections connections;
    private final EndpointProfiles profiles;
    private final Optional<DrpcliSettings> drpcli;
    private final TaskRunner tasks;

    /** @param drpcli drpcli's settings when found, offered for import ({@link DrpcliSettings#read}) */
    public ConnectionDialogs(DrpConnections connections, EndpointProfiles profiles, Optional<DrpcliSettings> drpcli,
                             TaskRunner tasks) {
        this.connections = connections;
        this.profiles = profiles;
        this.drpcli = drpcli;
        this.tasks = tasks;
    }

    /** A new connection, or the given profile to edit. */
    public Stage open(Window owner, Optional<EndpointProfile> editing) {
        return new ConnectionDialog(viewModel(editing)).show(owner);
    }

    /**
     * Finishes an attempt made elsewhere (at start-up, from the switcher) that needs the user: the dialog opens for
     * that profile with the password asked for, or with the certificate to look at.
     */
    public Stage resolve(Window owner, ConnectResult result) {
        ConnectionDialogViewModel viewModel = viewModel(Optional.of(result.profile()));
        Stage stage = new ConnectionDialog(viewModel).show(owner);
        viewModel.present(result);
        return stage;
    }

    private ConnectionDialogViewModel viewModel(Optional<EndpointProfile> editing) {
        return new ConnectionDialogViewModel(connections, profiles, drpcli, editing, tasks);
    }
}
