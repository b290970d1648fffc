package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpAuthException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpUnreachableException;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.core.status.ConnectionMonitor;
import dev.drpconsole.core.status.ConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The console's connection to a DRP endpoint: at most one is active, and views follow it through
 * {@link #addClientListener}. Signing in keeps the token the endpoint issued (never the password) so the next
 * start needs no password, and remembers the profile (as the last used one). It also reports the connection's state
 * for the status bar, as a {@link ConnectionMonitor}.
 *
 * <p>All work runs in order on one thread of its own: attempts never overlap, and a later one always ends after
 * an earlier one. Results complete on that thread, and listeners are called on it; the UI hops to the FX thread.
 * A failed attempt leaves an active connection in place, so a mistyped switch does not cut the user off.
 */
public final class DrpConnections implements ConnectionMonitor {
    public static final String SANDBOX_PROFILE_NAME = "Local sandbox";

    private final EndpointProfiles profiles;
    private final TokenVault tokens;
    private final CertificatePins pins;
    private final DrpClientFactory clients;
    private final SandboxStarter sandbox;
    private final ExecutorService serial = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "drp-connections");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Consumer<Optional<ActiveConnection>>> listeners = new CopyOnWriteArrayList<>();
    private volatile Consumer<ConnectionState> stateListener = state -> { };
    private volatile ConnectionState state = notConnected();
    private volatile ActiveConnection active;
    /** Set once the console's own sandbox runs; it runs until the console exits. */
    private volatile SandboxLogin sandboxLogin;
    /** Only touched on the serial thread. */
    private Supplier<IssuedToken> activeToken;
    private Callable<ConnectResult> lastAttempt;

    public DrpConnections(EndpointProfiles profiles, TokenVault tokens, CertificatePins pins,
                          DrpClientFactory clients, SandboxStarter sandbox) {
        this.profiles = profiles;
        this.tokens = tokens;
        this.pins = pins;
        this.clients = clients;
        this.sandbox = sandbox;
    }

    /**
     * Connects with the password when one is given, else with the token kept from the last sign-in; with neither,
     * the result is {@link ConnectResult.PasswordNeeded}.
     */
    public CompletableFuture<ConnectResult> connect(EndpointProfile profile, Optional<String> password) {
        return attempt(() -> signIn(profile,
                password.map(pw -> new DrpCredentials.Password(profile.username(), pw))));
    }

    /** Connects with credentials from elsewhere (drpcli's settings: a token or a user name and password). */
    public CompletableFuture<ConnectResult> connect(EndpointProfile profile, DrpCredentials credentials) {
        return attempt(() -> signIn(profile, Optional.of(credentials)));
    }

    /** What picking a profile from the switcher does: the sandbox is started if need be, others use their token. */
    public CompletableFuture<ConnectResult> switchTo(EndpointProfile profile) {
        return profile.source() == ProfileSource.LOCAL_SANDBOX ? connectLocalSandbox()
                : connect(profile, Optional.empty());
    }

    /**
     * Starts the console's own sandbox if it is not running and signs in as its admin. The console made its
     * certificate, so the fingerprint is known first-hand and pinned without asking; the admin password is held in
     * memory only.
     */
    public CompletableFuture<ConnectResult> connectLocalSandbox() {
        return attempt(() -> {
            SandboxLogin running;
            try {
                running = sandbox.start();
            } catch (SandboxUnavailableException e) {
                return fail(new ConnectResult.Unreachable(sandboxProfile("https://127.0.0.1:8092"),
                        "The local sandbox did not start: " + e.getMessage(),
                        "Fix the cause above, then choose Local sandbox again"));
            }
            sandboxLogin = running;
            EndpointUrl url = EndpointUrl.parse(running.url());
            pins.pin(url.hostPort(), running.certificateSha256());
            EndpointProfile profile = sandboxProfile(url.toString());
            return signIn(profile, Optional.of(new DrpCredentials.Password(running.user(), running.password())));
        });
    }

    /**
     * Pins the certificate the user looked at and accepted, then repeats the attempt that met it with the
     * credentials it had: a start with RS_KEY or RS_TOKEN connects without asking for a password.
     */
    public CompletableFuture<ConnectResult> trust(ConnectResult.CertificateUntrusted untrusted) {
        UntrustedCertificateException certificate = untrusted.certificate();
        return attempt(() -> {
            pins.pin(certificate.hostPort(), certificate.presentedSha256());
            return signIn(untrusted.profile(), untrusted.given());
        });
    }

    /** Saves a new or edited profile; a change of address or user drops the token kept for it. */
    public CompletableFuture<Void> save(EndpointProfile profile) {
        return CompletableFuture.runAsync(() -> {
            profiles.byId(profile.id()).filter(old -> !old.sameSignInAs(profile))
                    .ifPresent(old -> tokens.remove(old.id()));
            profiles.save(profile);
        }, serial);
    }

    /** Forgets a profile and its token; disconnects first when it is the active one. */
    public CompletableFuture<Void> remove(EndpointProfile profile) {
        return CompletableFuture.runAsync(() -> {
            if (active != null && active.profile().id().equals(profile.id())) {
                closeActive();
                report(notConnected());
            }
            tokens.remove(profile.id());
            profiles.remove(profile.id());
        }, serial);
    }

    public CompletableFuture<Void> disconnect() {
        return CompletableFuture.runAsync(() -> {
            closeActive();
            report(notConnected());
        }, serial);
    }

    public Optional<ActiveConnection> active() {
        return Optional.ofNullable(active);
    }

    /**
     * How to reach the console's own sandbox, once it runs (it keeps running while the console does, whichever
     * endpoint is active); empty before it was started. Set before the connection listeners hear of it.
     */
    public Optional<SandboxLogin> sandboxLogin() {
        return Optional.ofNullable(sandboxLogin);
    }

    public ConnectionState state() {
        return state;
    }

    /** Told the active connection now, and after every change (on the connection thread). */
    public void addConnectionListener(Consumer<Optional<ActiveConnection>> listener) {
        listeners.add(listener);
        listener.accept(active());
    }

    /** Told the active client now, and after every change; empty while not connected. */
    public void addClientListener(Consumer<Optional<DrpClient>> listener) {
        addConnectionListener(connection -> listener.accept(connection.map(ActiveConnection::client)));
    }

    @Override
    public void start(Consumer<ConnectionState> listener) {
        stateListener = listener;
        listener.accept(state);
    }

    /** Tries the last attempt again, with the same credentials (held in memory). */
    @Override
    public void retry() {
        run(() -> {
            if (lastAttempt != null) {
                try {
                    lastAttempt.call();
                } catch (Exception e) {
                    LoggerFactory.getLogger(DrpConnections.class).error("Retrying the connection failed", e);
                }
            }
        });
    }

    /**
     * Keeps the current token for the next start and signs out. Waits (up to a few seconds) for that to finish:
     * the connection thread is a daemon, and the console exits right after.
     */
    @Override
    public void close() {
        run(this::closeActive);
        serial.shutdown();
        try {
            serial.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private CompletableFuture<ConnectResult> attempt(Callable<ConnectResult> attempt) {
        CompletableFuture<ConnectResult> result = new CompletableFuture<>();
        try {
            serial.execute(() -> {
                lastAttempt = attempt;
                try {
                    result.complete(attempt.call());
                } catch (Exception e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException closed) {
            result.completeExceptionally(closed);
        }
        return result;
    }

    private ConnectResult signIn(EndpointProfile profile, Optional<DrpCredentials> given) {
        report(ConnectionState.checking("Connecting to " + profile.name() + "…"));
        Optional<DrpCredentials> credentials = given.or(() -> storedToken(profile));
        if (credentials.isEmpty()) {
            return fail(new ConnectResult.PasswordNeeded(profile, "Enter the password for " + profile.username()
                    + " at " + profile.firstUrl()));
        }
        try {
            SignedInClient signedIn = clients.connect(
                    new DrpEndpoint(profile.urls(), credentials.get(), profile.insecure()), pins);
            String version;
            try {
                version = signedIn.client().info().version();
            } catch (RuntimeException e) {
                signedIn.client().close();
                throw e;
            }
            return succeed(profile, signedIn, version);
        } catch (UntrustedCertificateException e) {
            return fail(new ConnectResult.CertificateUntrusted(profile, e, given));
        } catch (DrpAuthException e) {
            if (credentials.get() instanceof DrpCredentials.Token && given.isEmpty()) {
                tokens.remove(profile.id());
                return fail(new ConnectResult.PasswordNeeded(profile, "The saved sign-in for " + profile.name()
                        + " is no longer accepted: enter the password again"));
            }
            return fail(new ConnectResult.Refused(profile, "The user name or password was refused by "
                    + profile.firstUrl()));
        } catch (DrpUnreachableException e) {
            return fail(new ConnectResult.Unreachable(profile, e.getMessage(), e.fixHint()));
        } catch (DrpException e) {
            return fail(new ConnectResult.Failed(profile, e.getMessage()));
        }
    }

    private Optional<DrpCredentials> storedToken(EndpointProfile profile) {
        Optional<IssuedToken> token = tokens.read(profile.id());
        if (token.isPresent() && token.get().isExpiredAt(Instant.now())) {
            tokens.remove(profile.id());
            return Optional.empty();
        }
        return token.map(t -> new DrpCredentials.Token(profile.username(), t.value()));
    }

    private ConnectResult succeed(EndpointProfile profile, SignedInClient signedIn, String version) {
        closeActive();
        // Connecting is what makes a profile remembered: one that never answered is not kept.
        profiles.save(profile);
        keepToken(profile, signedIn.currentToken());
        DrpClient client = signedIn.client();
        ActiveConnection connection = new ActiveConnection(profile, client, client.url(), version);
        active = connection;
        activeToken = signedIn.currentToken();
        client.onSignInEnded(reason -> run(() -> signInEnded(connection, reason)));
        // Every live page follows the event socket: opened now (on its own thread), a page shown later finds it
        // connected instead of waiting half a second for the socket before its first list.
        client.events();
        profiles.markLastUsed(profile.id());
        report(connectedState(active, tokens.whereKept()));
        listeners.forEach(listener -> listener.accept(Optional.of(active)));
        return new ConnectResult.Connected(profile, active);
    }

    /**
     * The active session's token was revoked or expired and no new one can be had (its password changed, or it was
     * signed in with a saved token): one clear state that says to sign in again, and no session any more, so the
     * pages say "not connected" instead of each failing on its own, and nothing keeps asking the endpoint. The saved
     * token is dropped; Retry (or choosing the endpoint) then asks for the password.
     */
    private void signInEnded(ActiveConnection connection, DrpAuthException reason) {
        if (active != connection) {
            return; // a session that was already replaced or closed
        }
        EndpointProfile profile = connection.profile();
        tokens.remove(profile.id());
        connection.client().close();
        active = null;
        activeToken = null;
        lastAttempt = () -> signIn(profile, Optional.empty());
        report(signInEndedState(profile, reason));
        listeners.forEach(listener -> listener.accept(Optional.empty()));
    }

    /** What the status bar says when a session's sign-in ended. */
    static ConnectionState signInEndedState(EndpointProfile profile, DrpAuthException reason) {
        String said = String.join("; ", reason.messages());
        return new ConnectionState(ConnectionState.Kind.NOT_CONFIGURED, "DRP: sign in again to " + profile.name(),
                "The sign-in of " + profile.username() + " at " + profile.firstUrl() + " has expired or was "
                        + "revoked (its token no longer works, and no new one can be had)" + (said.isEmpty() ? ""
                        : ". DRP said: " + said),
                "Choose " + profile.name() + " in the endpoint menu and sign in again with the password");
    }

    /** Reports a failed attempt, unless an earlier connection is still active (it stays, and stays reported). */
    private ConnectResult fail(ConnectResult result) {
        report(active != null ? connectedState(active, tokens.whereKept()) : failureState(result));
        return result;
    }

    private void closeActive() {
        if (active == null) {
            return;
        }
        keepToken(active.profile(), activeToken);
        active.client().close();
        active = null;
        activeToken = null;
        listeners.forEach(listener -> listener.accept(Optional.empty()));
    }

    private void keepToken(EndpointProfile profile, Supplier<IssuedToken> token) {
        try {
            tokens.store(profile.id(), token.get());
        } catch (RuntimeException noToken) {
            // The client has no token to give (it ended its session): the next start asks for the password.
            tokens.remove(profile.id());
        }
    }

    private EndpointProfile sandboxProfile(String url) {
        Optional<EndpointProfile> previous = profiles.bySource(ProfileSource.LOCAL_SANDBOX);
        String id = previous.map(EndpointProfile::id).orElseGet(() -> java.util.UUID.randomUUID().toString());
        return new EndpointProfile(id, SANDBOX_PROFILE_NAME, List.of(url), "rocketskates", false,
                ProfileSource.LOCAL_SANDBOX);
    }

    /**
     * What the status bar says of a live connection; {@code tokenPlace} is where the sign-in was kept (the system
     * keyring, or a private file and why not the keyring), so a user whose keyring is locked learns it there.
     */
    static ConnectionState connectedState(ActiveConnection connection, String tokenPlace) {
        EndpointProfile profile = connection.profile();
        String headline = profile.name() + " · " + connection.url() + (connection.insecure() ? " · insecure" : "")
                + (connection.unencrypted() ? " · unencrypted" : "");
        String security = connection.unencrypted() ? "UNENCRYPTED (http://): the token crosses the network in clear"
                : connection.insecure() ? "certificate checks are OFF" : "certificate pinned";
        String detail = "DRP " + connection.version() + " · signed in as " + profile.username() + " · " + security
                + " · " + profile.source().description() + " · sign-in kept in " + tokenPlace;
        return ConnectionState.connected(headline, detail);
    }

    /** How a failed attempt is told: the status bar's headline, what happened, and the fix. */
    public static ConnectionState failureState(ConnectResult result) {
        String name = result.profile().name();
        if (result instanceof ConnectResult.Unreachable unreachable) {
            return ConnectionState.unreachable(name + " unreachable", unreachable.reason(), unreachable.fixHint());
        }
        if (result instanceof ConnectResult.PasswordNeeded needed) {
            return ConnectionState.notConfigured("DRP: " + name + " needs a password", needed.reason());
        }
        if (result instanceof ConnectResult.Refused refused) {
            return ConnectionState.unreachable(name + ": sign-in refused", refused.message(),
                    "Connect again with the right user name and password");
        }
        if (result instanceof ConnectResult.CertificateUntrusted untrusted) {
            return ConnectionState.unreachable(name + ": certificate not trusted", untrusted.certificate()
                    .getMessage(), "Choose " + name + " in the endpoint menu to look at the certificate and trust it");
        }
        return ConnectionState.unreachable(name + ": connection failed", ((ConnectResult.Failed) result).message(),
                "Retry; if it fails again, check the endpoint's log");
    }

    private static ConnectionState notConnected() {
        return ConnectionState.notConfigured("DRP: not connected", "Choose an endpoint to connect to");
    }

    private void report(ConnectionState newState) {
        state = newState;
        stateListener.accept(newState);
    }

    /** Runs on the connection thread; after close, work still arriving is dropped. */
    private void run(Runnable task) {
        try {
            serial.execute(task);
        } catch (RejectedExecutionException closed) {
            // Closed: the console is on its way out.
        }
    }
}
