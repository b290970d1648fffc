package dev.drpconsole.faults;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import dev.drpconsole.ui.common.PageState;
import dev.drpconsole.ui.common.ViewServices;
import dev.drpconsole.ui.containers.ContainerRow;
import dev.drpconsole.ui.containers.ContainersViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Containers view (its view model, on the FX thread, headless) signed in to a real sandbox endpoint that has one
 * runner machine, whose runner container {@code drp-runner-<uuid>} runs on the engine under test and prints a
 * numbered line every 50 ms ("boot-B line-N": B counts the container's starts). The view watches the engine's
 * containers and follows that runner's log as the Containers page does; what it has shown is compared with what the
 * engine itself has ({@code docker logs}), line for line.
 */
final class FollowedRunnerLog implements AutoCloseable {
    /** Numbered lines, 20 a second; the boot number survives a restart of the container (its own file system). */
    static final String NUMBERED_LINES = "b=$(( $(cat /tmp/boot 2>/dev/null || echo 0) + 1 )); echo $b > /tmp/boot;"
            + " n=0; while true; do n=$((n+1)); echo \"boot-$b line-$n\"; sleep 0.05; done";

    private final SandboxSession sandbox;
    private final Machine machine;
    private final ExecutorService io = Executors.newCachedThreadPool(daemon -> {
        Thread thread = new Thread(daemon, "fault-view-io");
        thread.setDaemon(true);
        return thread;
    });
    private final List<String> shown = new ArrayList<>(); // guarded by itself
    private final List<String> endings = new ArrayList<>(); // guarded by shown
    private final List<String> failures = new ArrayList<>(); // guarded by shown
    private final java.util.concurrent.atomic.AtomicInteger outages = new java.util.concurrent.atomic.AtomicInteger();
    private ContainersViewModel model;
    private AutoCloseable follow;

    private FollowedRunnerLog(SandboxSession sandbox, Machine machine) {
        this.sandbox = sandbox;
        this.machine = machine;
    }

    /** A sandbox (without runners of its own: the fault places the runner) with one runner machine. */
    static FollowedRunnerLog withRunnerMachine(Path work) throws Exception {
        SandboxSession sandbox = SandboxSession.start(work, false);
        try {
            DrpClient client = sandbox.connect();
            String context = "fault-runners";
            client.create(DrpContext.of(context, DrpContext.DOCKER_CONTEXT, TestEnv.get().baseImage(),
                    "runner context of a fault"));
            Machine machine = client.create(Machine.runner("fault-runner", context, "its runner is the fault's"));
            return new FollowedRunnerLog(sandbox, machine);
        } catch (Exception | Error e) {
            sandbox.close();
            throw e;
        }
    }

    /** The runner container's name: drp-runner-&lt;the machine's uuid&gt;. */
    String containerName() {
        return RunnerContainerName.forMachine(UUID.fromString(machine.uuid()));
    }

    /** Shows the Containers view model against {@code engine}, signed in to the sandbox. */
    void show(EngineHandle engine) throws Exception {
        FxToolkit.registerPrimaryStage();
        ViewServices services = new ViewServices(new SimpleObjectProperty<>(sandbox.connect()), engine, io,
                Platform::runLater, (section, key) -> { });
        onFx(() -> {
            model = new ContainersViewModel(services);
            model.stateProperty().addListener((obs, old, now) -> {
                if (now == PageState.NOT_CONNECTED) {
                    outages.incrementAndGet();
                }
            });
            model.shown();
            return null;
        });
    }

    /** Waits until the view lists the runner as this endpoint's, running, with the page ready. */
    ContainerRow awaitRunnerRunning(Duration patience) throws Exception {
        waitFor("the view lists " + containerName() + " as running and its page is ready", patience,
                () -> runner().map(row -> row.isRunning() && row.isOurs()).orElse(false)
                        && onFx(() -> model.stateProperty().get()) == PageState.READY);
        return runner().orElseThrow();
    }

    /** How many times the page has said that no engine answers (it does while the engine is away). */
    int outagesShown() {
        return outages.get();
    }

    private Optional<ContainerRow> runner() throws Exception {
        return onFx(() -> model.rows().stream().filter(row -> row.name().equals(containerName())).findFirst());
    }

    /** Follows the row's log as the page's log pane does. */
    void follow(ContainerRow row) throws Exception {
        follow = onFx(() -> model.followLogs(row, new LogListener() {
            @Override
            public void onLine(LogLine line) {
                synchronized (shown) {
                    shown.add(line.text());
                }
            }

            @Override
            public void onEnd() {
                synchronized (shown) {
                    endings.add("the log ended after " + shown.size() + " lines");
                }
            }

            @Override
            public void onFailure(EngineException failure) {
                synchronized (shown) {
                    failures.add("the follow failed after " + shown.size() + " lines: " + failure.getMessage());
                }
            }
        }));
    }

    /** The lines the view has been given so far, in order. */
    List<String> shown() {
        synchronized (shown) {
            return List.copyOf(shown);
        }
    }

    /** The ends the follow told (the container stopped: the page says so until lines come again). */
    List<String> endings() {
        synchronized (shown) {
            return List.copyOf(endings);
        }
    }

    /** The failures the follow told the view: none, while it resumes by itself. */
    List<String> failures() {
        synchronized (shown) {
            return List.copyOf(failures);
        }
    }

    /** Waits until the view has been given {@code line}. */
    void awaitShown(String line, Duration patience) {
        waitFor("the view shows \"" + line + "\" (it shows " + shown().size() + " lines, the last "
                + last(shown()) + ", ends " + endings() + ", failures " + failures() + ")", patience, () -> shown().contains(line));
    }

    /**
     * Lines lost between what the engine has and what the view was given: lines shown twice, lines the engine has
     * (from the first shown on, up to the engine's newest) that the view lacks, and lines the view has that the
     * engine does not (up to the engine's newest: later ones may simply be newer than the engine's answer).
     */
    static Lost compare(List<String> shownLines, List<String> engineLines) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int doubled = 0;
        for (String line : shownLines) {
            if (!seen.add(line)) {
                doubled++;
                problems.add("twice: " + line);
            }
        }
        int from = shownLines.isEmpty() ? -1 : engineLines.indexOf(shownLines.get(0));
        int missing = 0;
        if (from >= 0) {
            for (String line : engineLines.subList(from, engineLines.size())) {
                if (!seen.contains(line)) {
                    missing++;
                    problems.add("missing: " + line);
                }
            }
        }
        Set<String> engineSet = new HashSet<>(engineLines);
        int upTo = engineLines.isEmpty() ? -1 : shownLines.indexOf(engineLines.get(engineLines.size() - 1));
        int strange = 0;
        for (String line : shownLines.subList(0, upTo + 1)) {
            if (!engineSet.contains(line)) {
                strange++;
                problems.add("not in the engine's log: " + line);
            }
        }
        if (from < 0 && !shownLines.isEmpty()) {
            problems.add("the first shown line is not in the engine's log: " + shownLines.get(0));
            strange++;
        }
        return new Lost(doubled + missing + strange, problems);
    }

    /** How many lines were lost (doubled, missing or strange) and the first few of them. */
    record Lost(int count, List<String> problems) {
        String summary() {
            return count + " (" + String.join("; ", problems.subList(0, Math.min(5, problems.size()))) + ")";
        }
    }

    static String last(List<String> lines) {
        return lines.isEmpty() ? "none" : lines.get(lines.size() - 1);
    }

    static void waitFor(String what, Duration patience, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + patience.toNanos();
        try {
            while (!condition.call()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("Not within " + patience.toSeconds() + " s: " + what);
                }
                Thread.sleep(50);
            }
        } catch (AssertionError e) {
            throw e;
        } catch (Exception e) {
            throw new AssertionError("Waiting for " + what + " failed: " + e, e);
        }
    }

    private static <T> T onFx(Callable<T> call) throws Exception {
        return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    }

    /** Stops following, hides the view and stops the sandbox. */
    @Override
    public void close() throws Exception {
        try {
            if (follow != null) {
                follow.close();
            }
            if (model != null) {
                onFx(() -> {
                    model.hidden();
                    return null;
                });
            }
        } finally {
            io.shutdownNow();
            sandbox.close();
        }
    }

    /** This run's labels, as {@code --label} arguments of the docker CLI. */
    static List<String> labelArguments() {
        List<String> arguments = new ArrayList<>();
        TestLabels.forThisRun().forEach((key, value) -> arguments.addAll(List.of("--label", key + "=" + value)));
        return arguments;
    }
}
