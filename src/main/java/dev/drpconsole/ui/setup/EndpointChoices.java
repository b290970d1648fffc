package dev.drpconsole.ui.setup;

import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.SandboxLogin;
import java.util.concurrent.CompletableFuture;
import javafx.beans.value.ObservableObjectValue;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * What the wizard's endpoint page offers: the console's local sandbox and the saved endpoints, a new one, and how
 * to reach the sandbox from outside once it runs. Observable values change on the FX thread.
 */
public interface EndpointChoices {

    /** The endpoints to pick from: the local sandbox (a {@code LOCAL_SANDBOX} profile) first, then the saved ones. */
    ObservableList<EndpointProfile> profiles();

    /** The endpoint connected now, null while none. */
    ObservableObjectValue<EndpointProfile> active();

    /** How to reach the console's own sandbox once it runs (it runs on while the console does); null before. */
    ObservableObjectValue<SandboxLogin> sandboxLogin();

    /** Connects to an endpoint of {@link #profiles()}; a password or a certificate to trust opens the dialog. */
    CompletableFuture<ConnectResult> use(EndpointProfile profile, Window owner);

    /** Opens the connection dialog for a new endpoint. */
    void newEndpoint(Window owner);

    /** Starts (if needed) and connects the console's own sandbox. */
    CompletableFuture<ConnectResult> startSandbox(Window owner);
}
