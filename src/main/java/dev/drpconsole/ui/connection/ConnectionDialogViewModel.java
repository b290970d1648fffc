package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.AwaitedFuture;
import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.DrpcliSettings;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.EndpointUrl;
import dev.drpconsole.core.connection.ProfileSource;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import dev.drpconsole.ui.common.PlainWords;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The connection form: a profile's name, address(es), user, password and the insecure switch, checked as the user
 * types; Connect signs in in the background and tells what went wrong in plain words. The password lives in this
 * form only and is cleared once signed in: the console keeps the endpoint's token instead.
 */
public class ConnectionDialogViewModel {
    private final DrpConnections connections;
    private final EndpointProfiles profiles;
    private final Optional<DrpcliSettings> drpcli;
    private final TaskRunner tasks;
    /** The profile being edited (its id and source are kept), or empty for a new one. */
    private Optional<EndpointProfile> editing;

    private final StringProperty name = new SimpleStringProperty("");
    private final StringProperty urls = new SimpleStringProperty("");
    private final StringProperty username = new SimpleStringProperty(EndpointProfile.DEFAULT_USERNAME);
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty insecure = new SimpleBooleanProperty(false);
    private final RunnerEngineForm runnerEngine;
    private final BooleanProperty sendUnencrypted = new SimpleBooleanProperty(false);
    private final BooleanBinding plainHttp;
    private final ReadOnlyStringWrapper nameError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper urlError = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<UntrustedCertificateException> pendingTrust = new ReadOnlyObjectWrapper<>();
    /** The attempt that met {@link #pendingTrust}, repeated as it was once the user trusts the certificate. */
    private ConnectResult.CertificateUntrusted untrustedAttempt;
    /** Errors of untouched fields stay quiet until the user presses Connect. */
    private final BooleanProperty showAllErrors = new SimpleBooleanProperty(false);
    private final BooleanBinding canConnect;

    /**
     * @param editing the profile to edit, or empty for a new connection
     * @param tasks   waits for sign-in attempts and hands their outcome to the UI thread ({@link TaskRunner#inline()}
     *                in tests)
     */
    public ConnectionDialogViewModel(DrpConnections connections, EndpointProfiles profiles,
                                     Optional<DrpcliSettings> drpcli, Optional<EndpointProfile> editing,
                                     TaskRunner tasks) {
        this.connections = connections;
        this.profiles = profiles;
        this.drpcli = drpcli;
        this.editing = editing;
        this.tasks = tasks;
        this.runnerEngine = new RunnerEngineForm(tasks);
        plainHttp = Bindings.createBooleanBinding(() -> parsedUrls().stream()
                .anyMatch(url -> url.startsWith("http://")), urls);
        editing.ifPresent(this::fill);
        name.addListener((obs, old, now) -> validate());
        urls.addListener((obs, old, now) -> validate());
        urls.addListener((obs, old, now) -> parsedUrls().stream().findFirst().ifPresent(runnerEngine::suggestFor));
        sendUnencrypted.addListener((obs, old, now) -> validate());
        showAllErrors.addListener((obs, old, now) -> validate());
        canConnect = Bindings.createBooleanBinding(() -> !busy.get() && nameError.get().isEmpty()
                && urlError.get().isEmpty() && runnerEngine.errorProperty().get().isEmpty(), busy, nameError,
                urlError, runnerEngine.errorProperty());
    }

    private void fill(EndpointProfile profile) {
        name.set(profile.name());
        urls.set(String.join(" ", profile.urls()));
        username.set(profile.username());
        insecure.set(profile.insecure());
        runnerEngine.fill(profile.runnerEngine());
    }

    /** Says "Found drpcli settings: …" when there are some to import; empty otherwise. */
    public String drpcliNotice() {
        return drpcli.map(settings -> "Found drpcli settings: " + settings.summary()).orElse("");
    }

    public boolean canImportDrpcli() {
        return drpcli.isPresent();
    }

    /** Fills the form from drpcli's settings, their password included (in memory, as drpcli holds it). */
    public void importDrpcli() {
        drpcli.ifPresent(settings -> {
            EndpointProfile imported = settings.profile(profiles.bySource(ProfileSource.DRPCLI));
            editing = Optional.of(imported);
            fill(imported);
            password.set(settings.password().orElse(""));
        });
    }

    public void connect() {
        showAllErrors.set(true);
        validate();
        if (!canConnect.get()) {
            return;
        }
        EndpointProfile profile = profile();
        String typed = password.get();
        // Started here, on the UI thread, so attempts keep the order the user made them in.
        BackgroundTask.wrap(AwaitedFuture.of(connections.connect(profile,
                        typed.isEmpty() ? Optional.empty() : Optional.of(typed))))
                .onRunning(() -> {
                    error.set("");
                    busy.set(true);
                })
                .onSuccess(this::present)
                .onFailure(failure -> error.set(PlainWords.sentences("The connection failed: " + failure.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    /**
     * Shows how an attempt made elsewhere ended (start-up, the switcher) so the user can finish it here: a password
     * to enter, a certificate to look at.
     */
    public void present(ConnectResult result) {
        editing = Optional.of(result.profile());
        if (result instanceof ConnectResult.Connected) {
            password.set("");
            connected.set(true);
        } else if (result instanceof ConnectResult.CertificateUntrusted untrusted) {
            untrustedAttempt = untrusted;
            pendingTrust.set(untrusted.certificate());
        } else if (result instanceof ConnectResult.PasswordNeeded needed) {
            error.set(PlainWords.sentences(needed.reason()));
        } else if (result instanceof ConnectResult.Refused) {
            error.set("The user name or password was refused. Check both and try again.");
        } else if (result instanceof ConnectResult.Unreachable unreachable) {
            error.set(PlainWords.sentences(unreachable.reason(), unreachable.fixHint()));
        } else if (result instanceof ConnectResult.Failed failed) {
            error.set(PlainWords.sentences(failed.message()));
        }
    }

    /**
     * The user looked at the certificate: trusting it pins it and repeats the attempt with the credentials it had
     * (typed, or drpcli's key at start-up); declining says so.
     */
    public void decideTrust(boolean trusted) {
        ConnectResult.CertificateUntrusted attempt = untrustedAttempt;
        untrustedAttempt = null;
        pendingTrust.set(null);
        if (attempt == null) {
            return;
        }
        if (!trusted) {
            error.set("Not connected: the certificate of " + attempt.certificate().hostPort() + " was not trusted.");
            return;
        }
        BackgroundTask.wrap(AwaitedFuture.of(connections.trust(attempt)))
                .onRunning(() -> busy.set(true))
                .onSuccess(this::present)
                .onFailure(failure -> error.set(PlainWords.sentences("The connection failed: " + failure.getMessage())))
                .onFinished(() -> busy.set(false))
                .executeWith(tasks);
    }

    private EndpointProfile profile() {
        List<String> parsed = parsedUrls();
        String id = editing.map(EndpointProfile::id).orElseGet(() -> java.util.UUID.randomUUID().toString());
        ProfileSource source = editing.map(EndpointProfile::source).orElse(ProfileSource.USER);
        return new EndpointProfile(id, effectiveName(), parsed, username.get().strip(), insecure.get(), source,
                runnerEngine.choice());
    }

    /** A blank name is filled in from the host, so the quickest form is just the address and password. */
    private String effectiveName() {
        if (!name.get().isBlank()) {
            return name.get().strip();
        }
        List<String> parsed = parsedUrls();
        return parsed.isEmpty() ? "" : EndpointUrl.parse(parsed.get(0)).host();
    }

    private List<String> parsedUrls() {
        List<String> parsed = new ArrayList<>();
        for (String text : urls.get().split("[\\s,]+")) {
            if (!text.isBlank()) {
                try {
                    parsed.add(EndpointUrl.parse(text).toString());
                } catch (IllegalArgumentException invalid) {
                    return List.of();
                }
            }
        }
        return parsed;
    }

    private void validate() {
        urlError.set(urlProblem());
        String chosen = effectiveName();
        String nameProblem = "";
        if (!chosen.isBlank()) {
            String id = editing.map(EndpointProfile::id).orElse("");
            nameProblem = profiles.byName(chosen).filter(other -> !other.id().equals(id))
                    .map(other -> "There is already an endpoint called " + other.name()).orElse("");
        }
        nameError.set(nameProblem);
    }

    private String urlProblem() {
        String text = urls.get();
        if (text.isBlank()) {
            return showAllErrors.get() ? "Enter the endpoint's address, e.g. https://drp.example.com:8092" : "";
        }
        for (String one : text.split("[\\s,]+")) {
            if (!one.isBlank()) {
                try {
                    EndpointUrl.parse(one);
                } catch (IllegalArgumentException invalid) {
                    return invalid.getMessage();
                }
            }
        }
        if (plainHttp.get() && !sendUnencrypted.get()) {
            return PLAIN_HTTP_REFUSED;
        }
        return "";
    }

    /** Why an http:// address is refused, and the two ways on. */
    static final String PLAIN_HTTP_REFUSED = "http:// is not encrypted: your password, and then the token DRP "
            + "gives the console, would cross the network in clear text for anyone on the way to read. Use "
            + "https:// (DRP serves HTTPS on port 8092), or tick \"Send my password unencrypted anyway\" if you "
            + "trust every network in between.";

    /** An address starts with http://: the form offers {@link #sendUnencryptedProperty()}. */
    public BooleanBinding plainHttpProperty() {
        return plainHttp;
    }

    /** The user insists on an http:// address, password and token in clear text. */
    public BooleanProperty sendUnencryptedProperty() {
        return sendUnencrypted;
    }

    /** How the address(es) will be used, e.g. "https://drp.lab:8092" after the default port is filled in. */
    public String normalizedUrls() {
        return String.join(" ", parsedUrls());
    }

    public StringProperty nameProperty() {
        return name;
    }

    public StringProperty urlsProperty() {
        return urls;
    }

    public StringProperty usernameProperty() {
        return username;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty insecureProperty() {
        return insecure;
    }

    /** Where this endpoint runs its runner containers, and its Test. */
    public RunnerEngineForm runnerEngine() {
        return runnerEngine;
    }

    public ReadOnlyStringProperty nameErrorProperty() {
        return nameError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty urlErrorProperty() {
        return urlError.getReadOnlyProperty();
    }

    /** What went wrong with the last Connect, in plain words; empty when nothing did. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canConnectProperty() {
        return canConnect;
    }

    /** Turns true once signed in: the dialog closes. */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    /** A certificate waiting for the user's decision ({@link #decideTrust}); null when none is. */
    public ReadOnlyObjectProperty<UntrustedCertificateException> pendingTrustProperty() {
        return pendingTrust.getReadOnlyProperty();
    }

    public boolean isEditing() {
        return editing.isPresent();
    }
}
