package dev.drpconsole.ui.setup;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.setup.BaseImageProbe;
import dev.drpconsole.core.setup.ContextStep;
import dev.drpconsole.core.setup.RunnerDockerfile;
import dev.drpconsole.core.setup.SetupChoices;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupPlan;
import dev.drpconsole.core.setup.SetupProblem;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.core.setup.StepContext;
import dev.drpconsole.core.setup.StepProgress;
import dev.drpconsole.ui.common.ViewServices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The setup wizard's state and commands, no scene graph: the choices the forms edit, each step's state, and
 * running the remaining steps one after another on the I/O executor. The journal in the settings directory keeps
 * what finished and what was created, so the wizard continues where an earlier run stopped.
 */
public final class SetupViewModel {
    private final ViewServices services;
    private final SetupPlan plan = SetupPlan.standard();
    private final SetupJournal journal;
    private final Path workDir;
    private final Map<String, String> labels;

    final StringProperty drpcli = new SimpleStringProperty(findOnPath("drpcli").map(Path::toString).orElse(""));
    final StringProperty baseImage = new SimpleStringProperty("");
    final StringProperty packages = new SimpleStringProperty("bash jq");
    final StringProperty dockerfile = new SimpleStringProperty("");
    final StringProperty imageTag = new SimpleStringProperty("drp-context/runner:latest");
    final StringProperty contextName = new SimpleStringProperty("runner");
    final StringProperty contextDescription = new SimpleStringProperty("Runner context made by the setup wizard");
    final StringProperty runnerName = new SimpleStringProperty("context-runner");
    final StringProperty testMachineName = new SimpleStringProperty("context-test");
    final BooleanProperty replaceContext = new SimpleBooleanProperty(false);

    final ObservableList<String> baseImages = FXCollections.observableArrayList();
    final ObservableList<StepState> states = FXCollections.observableArrayList();
    final StringProperty status = new SimpleStringProperty("");
    final StringProperty problem = new SimpleStringProperty("");
    final ObjectProperty<Double> progress = new SimpleObjectProperty<>(0.0);
    final BooleanProperty running = new SimpleBooleanProperty(false);
    private volatile Consumer<String> output = line -> { };
    private Future<?> current;

    public SetupViewModel(ViewServices services, Path settingsDir, Map<String, String> labels) {
        this.services = services;
        this.journal = SetupJournal.load(settingsDir);
        this.workDir = settingsDir.resolve("setup-work");
        this.labels = labels;
        plan.steps().forEach(step -> states.add(journal.isDone(step.id()) ? StepState.DONE : StepState.PENDING));
    }

    List<SetupStep> steps() {
        return plan.steps();
    }

    /** Where step output goes (the view's log, thread-safe). */
    void setOutput(Consumer<String> sink) {
        output = sink;
    }

    boolean connected() {
        return services.client().get() != null;
    }

    String currentUrl() {
        return connected() ? services.client().get().url() : "";
    }

    javafx.beans.value.ObservableObjectValue<DrpClient> clientProperty() {
        return services.client();
    }

    /** Lists the engine's local images for the base image choice. */
    void loadBaseImages() {
        services.io().execute(() -> {
            try {
                List<String> tags = services.engine().get().images().list(Map.of(), false).stream()
                        .flatMap(image -> image.tags().stream()).filter(tag -> !tag.contains("<none>")).sorted()
                        .toList();
                services.fxThread().execute(() -> baseImages.setAll(tags));
            } catch (RuntimeException e) {
                services.fxThread().execute(() -> problem.set("Cannot list the engine's images: " + e.getMessage()));
            }
        });
    }

    /** A base image was picked: read its package manager, then fill the Dockerfile like the DRP guide's. */
    void chooseBaseImage(String image) {
        baseImage.set(image);
        List<String> wanted = packageList();
        services.io().execute(() -> {
            try {
                var manager = BaseImageProbe.packageManager(services.engine().get(), image, labels);
                String text = RunnerDockerfile.generate(image, manager, wanted);
                services.fxThread().execute(() -> dockerfile.set(text));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                services.fxThread().execute(() -> problem.set("Cannot look into " + image + ": " + e.getMessage()));
            }
        });
    }

    private List<String> packageList() {
        return Arrays.stream(packages.get().trim().split("\\s+")).filter(word -> !word.isEmpty()).toList();
    }

    SetupChoices choices() {
        return new SetupChoices(Path.of(drpcli.get()), baseImage.get(), packageList(), dockerfile.get(),
                imageTag.get(), contextName.get(), contextDescription.get(), replaceContext.get(), runnerName.get(),
                testMachineName.get());
    }

    /** The JSON the context step will send. */
    String contextJson() {
        return ContextStep.wanted(choices()).json().toPrettyString();
    }

    /** Runs every step not done yet, in order, stopping at the first that fails (Retry runs it again). */
    void runRemaining() {
        DrpClient client = services.client().get();
        if (running.get() || client == null) {
            return;
        }
        SetupChoices choices = choices();
        StepContext context = new StepContext(new SetupTargets(client, services.engine().get(), labels), choices,
                journal, workDir);
        problem.set("");
        running.set(true);
        FutureTask<Void> task = new FutureTask<>(() -> {
            runSteps(context);
            return null;
        });
        current = task;
        services.io().execute(task);
    }

    private void runSteps(StepContext context) {
        try {
            Files.createDirectories(workDir);
            for (int i = 0; i < plan.steps().size(); i++) {
                SetupStep step = plan.steps().get(i);
                if (journal.isDone(step.id())) {
                    continue;
                }
                int index = i;
                onFx(() -> {
                    states.set(index, StepState.RUNNING);
                    status.set(step.title() + ": " + step.willDo(context.choices()));
                });
                output.accept("== " + step.title());
                try {
                    step.run(context, progressOf());
                    journal.markDone(step.id());
                    onFx(() -> states.set(index, StepState.DONE));
                } catch (SetupProblem e) {
                    onFx(() -> {
                        states.set(index, StepState.FAILED);
                        problem.set(e.getMessage() + " " + e.fix());
                    });
                    return;
                }
            }
            onFx(() -> status.set("Setup finished."));
        } catch (InterruptedException e) {
            onFx(() -> {
                problem.set("Cancelled. Run again to continue where it stopped, or clean up.");
                for (int i = 0; i < states.size(); i++) {
                    if (states.get(i) == StepState.RUNNING) {
                        states.set(i, StepState.FAILED);
                    }
                }
            });
        } catch (java.io.IOException | RuntimeException e) {
            onFx(() -> problem.set("The setup stopped: " + e.getMessage()));
        } finally {
            onFx(() -> running.set(false));
        }
    }

    private StepProgress progressOf() {
        return new StepProgress() {
            @Override
            public void status(String text) {
                onFx(() -> status.set(text));
            }

            @Override
            public void fraction(double done) {
                onFx(() -> progress.set(done));
            }

            @Override
            public void output(String text) {
                output.accept(text);
            }
        };
    }

    /** Stops the running step; what it created so far stays in the journal for clean-up or a re-run. */
    void cancel() {
        if (current != null) {
            current.cancel(true);
        }
    }

    /** Removes exactly what the wizard created, newest first, and starts the wizard over. */
    void cleanUp() {
        DrpClient client = services.client().get();
        if (running.get() || client == null) {
            return;
        }
        running.set(true);
        SetupTargets targets = new SetupTargets(client, services.engine().get(), labels);
        services.io().execute(() -> {
            try {
                journal.cleanUp(targets);
                onFx(() -> {
                    states.replaceAll(state -> StepState.PENDING);
                    status.set("Cleaned up: everything the wizard created is removed.");
                    problem.set("");
                });
            } catch (SetupProblem e) {
                onFx(() -> problem.set(e.getMessage() + " " + e.fix()));
            } finally {
                onFx(() -> running.set(false));
            }
        });
    }

    /** What the wizard created, for the summary. */
    List<String> createdSummary() {
        List<String> lines = new ArrayList<>();
        journal.created().forEach(object -> lines.add(SetupTargets.describe(object)));
        return lines;
    }

    private void onFx(Runnable update) {
        services.fxThread().execute(update);
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Arrays.stream(path.split(java.io.File.pathSeparator)).map(dir -> Path.of(dir, name))
                .filter(Files::isExecutable).findFirst();
    }
}
