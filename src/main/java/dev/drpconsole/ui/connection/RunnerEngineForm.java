package dev.drpconsole.ui.connection;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.concurrent.TaskSlot;
import dev.drpconsole.core.connection.RunnerEngines;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineInfo;
import dev.drpconsole.core.engine.EngineOpener;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.core.engine.SshHostKeyException;
import dev.drpconsole.core.engine.UnknownHostKey;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The "Runner engine" part of the connection form: where the endpoint's docker-context plugin runs its runner
 * containers, written as {@link EngineChoice} text, an optional OpenSSH config for {@code ssh://}, and a Test that
 * says which engine answers there (product, version, where) or what is wrong and how to fix it.
 *
 * <p>For an endpoint on another machine it suggests {@code ssh://root@<its host>} while the user has not typed one;
 * empty means the default ({@link RunnerEngines#effective}).
 */
public final class RunnerEngineForm {
    private final StringProperty engine = new SimpleStringProperty("");
    private final StringProperty sshConfig = new SimpleStringProperty("");
    private final StringProperty tlsCertificates = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper testing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper resultIsProblem = new ReadOnlyBooleanWrapper(false);
    /** An ssh host key nobody knows yet, shown with its fingerprint until the user trusts it (or edits the field). */
    private final ReadOnlyObjectWrapper<UnknownHostKey> unknownHostKey = new ReadOnlyObjectWrapper<>();
    private final TaskSlot test = new TaskSlot();
    private final TaskRunner tasks;
    private final Function<EngineChoice, ContainerEngine> opener;
    private String suggested = "";

    /**
     * @param opener opens the engine a Test asks ({@link EngineOpener#open}; tests pass their own)
     */
    RunnerEngineForm(TaskRunner tasks, Function<EngineChoice, ContainerEngine> opener) {
        this.tasks = tasks;
        this.opener = opener;
        engine.addListener((obs, old, now) -> changed());
        sshConfig.addListener((obs, old, now) -> changed());
        tlsCertificates.addListener((obs, old, now) -> changed());
    }

    RunnerEngineForm(TaskRunner tasks) {
        this(tasks, EngineOpener::open);
    }

    /** Fills the form from a profile's setting (empty: the default). */
    void fill(Optional<EngineChoice> choice) {
        engine.set(choice.map(EngineChoice::text).orElse(""));
        sshConfig.set(choice.filter(EngineChoice.Ssh.class::isInstance).map(EngineChoice.Ssh.class::cast)
                .flatMap(EngineChoice.Ssh::sshConfig).map(Path::toString).orElse(""));
        tlsCertificates.set(choice.filter(EngineChoice.Tcp.class::isInstance).map(EngineChoice.Tcp.class::cast)
                .flatMap(EngineChoice.Tcp::certificatePath).map(Path::toString).orElse(""));
    }

    /**
     * The endpoint's address changed: while the field is empty or still holds the earlier suggestion, it now
     * suggests the new host's engine over ssh (nothing for an endpoint on this machine, whose default is right).
     */
    void suggestFor(String endpointUrl) {
        if (!engine.get().isBlank() && !engine.get().equals(suggested)) {
            return;
        }
        EngineChoice suggestion = RunnerEngines.suggestion(endpointUrl);
        suggested = suggestion instanceof EngineChoice.Ssh ? suggestion.text() : "";
        engine.set(suggested);
    }

    /**
     * What the form says; empty for the default.
     *
     * @throws IllegalArgumentException when the text is none of the forms (then {@link #errorProperty()} says why)
     */
    Optional<EngineChoice> choice() {
        if (engine.get().isBlank()) {
            return Optional.empty();
        }
        EngineChoice choice = EngineChoice.parse(engine.get());
        if (!sshConfig.get().isBlank()) {
            if (!(choice instanceof EngineChoice.Ssh ssh)) {
                throw new IllegalArgumentException("An SSH config file is for an ssh:// engine.");
            }
            choice = ssh.withSshConfig(Path.of(sshConfig.get().strip()));
        }
        if (!tlsCertificates.get().isBlank()) {
            if (!(choice instanceof EngineChoice.Tcp tcp)) {
                throw new IllegalArgumentException("TLS certificates are for a tcp:// engine.");
            }
            choice = tcp.withCertificates(Path.of(tlsCertificates.get().strip()));
        }
        return Optional.of(choice);
    }

    /** Asks the engine who it is; the answer (or the problem and its fix) shows under the field. */
    public void test() {
        Optional<EngineChoice> choice;
        try {
            choice = choice();
        } catch (IllegalArgumentException e) {
            return; // the field already says why
        }
        EngineChoice asked = choice.orElse(EngineChoice.LOCAL);
        BackgroundTask.wrap(() -> {
            try (ContainerEngine opened = opener.apply(asked)) {
                EngineInfo info = opened.info();
                return info.product().displayName() + " " + info.version() + " · " + info.os() + "/" + info.arch()
                        + " · " + opened.endpoint().source();
            }
        }).in(test).onRunning(() -> {
            testing.set(true);
            show("Testing " + asked.describe() + "…", false);
        }).onSuccess(answer -> show("Answers: " + answer, false)).onFailure(this::failed)
                .onFinished(() -> testing.set(false)).executeWith(tasks);
    }

    /**
     * Adds the host key the last Test showed to the known_hosts ssh uses (exactly that key, not a new scan), then
     * tests again.
     */
    public void trustHostKey() {
        UnknownHostKey key = unknownHostKey.get();
        if (key == null) {
            return;
        }
        BackgroundTask.wrap(key::trust).in(test).onRunning(() -> testing.set(true))
                .onSuccess(done -> {
                    unknownHostKey.set(null);
                    test();
                })
                .onFailure(failure -> show("Could not add the key to " + key.knownHostsFile() + ": "
                        + failure.getMessage(), true))
                .onFinished(() -> testing.set(false)).executeWith(tasks);
    }

    private void failed(Throwable failure) {
        if (failure instanceof SshHostKeyException hostKey && hostKey.unknownKey().isPresent()) {
            unknownHostKey.set(hostKey.unknownKey().get());
            show(hostKey.reason() + ". " + hostKey.fixHint(), true);
        } else if (failure instanceof NoEngineException) {
            show("Nothing will be watched: the console shows this endpoint's machines, contexts and jobs, and its"
                    + " runner containers' column says \"not watched\".", false);
        } else if (failure instanceof EngineUnavailableException unavailable) {
            show(unavailable.reason() + ". " + unavailable.fixHint(), true);
        } else {
            show("The engine did not answer: " + failure.getMessage(), true);
        }
    }

    private void show(String text, boolean problem) {
        result.set(text);
        resultIsProblem.set(problem);
    }

    private void changed() {
        test.cancel();
        unknownHostKey.set(null);
        testing.set(false);
        show("", false);
        try {
            choice();
            error.set("");
        } catch (IllegalArgumentException e) {
            error.set(e.getMessage());
        }
    }

    public StringProperty engineProperty() {
        return engine;
    }

    public StringProperty sshConfigProperty() {
        return sshConfig;
    }

    /** A directory with ca.pem, cert.pem and key.pem for a tcp:// engine (the DOCKER_CERT_PATH layout). */
    public StringProperty tlsCertificatesProperty() {
        return tlsCertificates;
    }

    /** Why the text cannot be used; empty when it can. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the last Test found. */
    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultIsProblemProperty() {
        return resultIsProblem.getReadOnlyProperty();
    }

    /** A host key the user may trust (with {@link #trustHostKey()}); null when there is none to decide on. */
    public ReadOnlyObjectProperty<UnknownHostKey> unknownHostKeyProperty() {
        return unknownHostKey.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty testingProperty() {
        return testing.getReadOnlyProperty();
    }
}
