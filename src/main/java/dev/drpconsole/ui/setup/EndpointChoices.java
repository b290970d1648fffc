package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.EndpointProfile;
import java.util.concurrent.CompletableFuture;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/** What the wizard's endpoint page offers: the saved endpoints, a new one, and the local sandbox. */
public interface EndpointChoices {

    /** The saved endpoints, by name (the local sandbox has its own button). */
    ObservableList<EndpointProfile> profiles();

    /** Connects to a saved endpoint; a password or a certificate to trust opens the connection dialog. */
    CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner);

    /** Opens the connection dialog for a new endpoint. */
    void newEndpoint(Window owner);

    /** Starts (if needed) and connects the console's own sandbox. */
    CompletableFuture<ConnectResult> startSandbox(Window owner);

    /** Only the local sandbox, for a console without saved endpoints (and for tests). */
    static EndpointChoices sandboxOnly(java.util.function.Supplier<CompletableFuture<ConnectResult>> start) {
        return new EndpointChoices() {
            @Override
            public ObservableList<EndpointProfile> profiles() {
                return FXCollections.observableArrayList();
            }

            @Override
            public CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner) {
                return start.get();
            }

            @Override
            public void newEndpoint(Window owner) {
            }

            @Override
            public CompletableFuture<ConnectResult> startSandbox(Window owner) {
                return start.get();
            }
        };
    }
}
