package dev.drpconsole.core.connection;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Which endpoint the console connects to when it starts, so a user never has to pick one before seeing anything:
 * <ol>
 *   <li>{@code RS_*} connection variables in the environment: the console was started for that endpoint, so it
 *       connects with drpcli's settings straight away;</li>
 *   <li>else the profile used last, with the token kept from its last sign-in;</li>
 *   <li>else the console's own local sandbox.</li>
 * </ol>
 */
public final class StartupConnection {

    public enum Choice { DRPCLI_ENVIRONMENT, LAST_USED, LOCAL_SANDBOX }

    private final DrpConnections connections;
    private final EndpointProfiles profiles;
    private final Optional<DrpcliSettings> drpcli;

    public StartupConnection(DrpConnections connections, EndpointProfiles profiles, Optional<DrpcliSettings> drpcli) {
        this.connections = connections;
        this.profiles = profiles;
        this.drpcli = drpcli;
    }

    public Choice choice() {
        if (drpcli.filter(DrpcliSettings::fromEnvironment).isPresent()) {
            return Choice.DRPCLI_ENVIRONMENT;
        }
        return profiles.lastUsed().isPresent() ? Choice.LAST_USED : Choice.LOCAL_SANDBOX;
    }

    /**
     * Starts the chosen connection. The result may ask the user for something ({@link ConnectResult.PasswordNeeded},
     * {@link ConnectResult.CertificateUntrusted}): the UI then opens the connection dialog for that profile.
     */
    public CompletableFuture<ConnectResult> connect() {
        return switch (choice()) {
            case DRPCLI_ENVIRONMENT -> {
                DrpcliSettings settings = drpcli.orElseThrow();
                EndpointProfile profile = settings.profile(profiles.bySource(ProfileSource.DRPCLI));
                profiles.save(profile);
                yield connections.connect(profile, settings.credentials());
            }
            case LAST_USED -> connections.switchTo(profiles.lastUsed().orElseThrow());
            case LOCAL_SANDBOX -> connections.connectLocalSandbox();
        };
    }
}
