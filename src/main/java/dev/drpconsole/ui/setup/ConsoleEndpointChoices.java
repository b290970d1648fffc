package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.ui.connection.ConnectionDialogs;
import dev.drpconsole.ui.connection.EndpointSwitcherViewModel;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/** The endpoint page's choices in the console: the same profiles, dialogs and sandbox as the endpoint switcher. */
public final class ConsoleEndpointChoices implements EndpointChoices {
    private final DrpConnections connections;
    private final EndpointSwitcherViewModel switcher;
    private final ConnectionDialogs dialogs;

    public ConsoleEndpointChoices(DrpConnections connections, EndpointSwitcherViewModel switcher,
                                  ConnectionDialogs dialogs) {
        this.connections = connections;
        this.switcher = switcher;
        this.dialogs = dialogs;
    }

    @Override
    public ObservableList<EndpointProfile> profiles() {
        return switcher.profiles();
    }

    @Override
    public CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner) {
        return askIfNeeded(connections.switchTo(profile), owner);
    }

    @Override
    public void newEndpoint(Window owner) {
        dialogs.open(owner, Optional.empty());
    }

    @Override
    public CompletableFuture<ConnectResult> startSandbox(Window owner) {
        return askIfNeeded(connections.connectLocalSandbox(), owner);
    }

    private CompletableFuture<ConnectResult> askIfNeeded(CompletableFuture<ConnectResult> attempt, Window owner) {
        return attempt.thenApply(result -> {
            if (result instanceof ConnectResult.PasswordNeeded || result instanceof ConnectResult.CertificateUntrusted) {
                Platform.runLater(() -> dialogs.resolve(owner, result));
            }
            return result;
        });
    }
}
