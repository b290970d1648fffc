package dev.drpconsole.core.setup;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpNames;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.drp.MachineCreation;
import dev.drpconsole.core.engine.ContainerDetails;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineConnectionListener;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.EventQuery;
import dev.drpconsole.core.engine.LogLine;
import dev.drpconsole.core.engine.LogListener;
import dev.drpconsole.core.engine.LogOptions;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Creates the runner machine with no workflow (whatever the endpoint's {@code defaultWorkflow}: see
 * {@link MachineCreation}) and {@code Meta.BaseContext} and Context set to the context, then waits until the
 * plugin's {@code drp-runner-<uuid>} container runs; a container that exits instead shows its log.
 */
public final class RunnerMachineStep implements SetupStep {
    public static final String ID = "runner";
    public static final String UUID_VALUE = "runner.uuid";
    private static final long PATIENCE_MS = 60_000;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Runner machine";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Creates the machine " + choices.runnerName() + " whose base context is " + choices.contextName()
                + ", then waits until the docker-context plugin runs its drp-runner container.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return "Create the runner machine " + choices.runnerName()
                + "; DRP then starts its container drp-runner-<uuid> on the engine";
    }

    @Override
    public List<String> choiceProblems(SetupChoices choices) {
        return SetupChoiceRules.problems(DrpNames.machineNameProblem(choices.runnerName()),
                DrpNames.contextNameProblem(choices.contextName()));
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        ObjectNode machine = JsonNodeFactory.instance.objectNode().put("Context", choices.contextName());
        machine.putObject("Meta").put("BaseContext", choices.contextName());
        return List.of("drpcli machines create " + ShellWords.quote(JsonNodeFactory.instance.objectNode()
                        .put("Name", choices.runnerName()).toString()),
                "runner=$(drpcli machines list Name=" + ShellWords.quote(choices.runnerName())
                        + " -F text -J Uuid -H | cut -f1)",
                "# An endpoint with a defaultWorkflow pref gave the machine that workflow: a runner runs none",
                "drpcli machines update \"$runner\" '{\"Workflow\":\"\"}'",
                "drpcli machines update \"$runner\" " + ShellWords.quote(machine.toString()),
                "# DRP's docker-context plugin starts the runner's container drp-runner-<uuid>: wait up to 60 s",
                "for i in $(seq 60); do docker ps -q --filter \"name=drp-runner-$runner\" | grep -q . && break;"
                        + " sleep 1; done",
                "docker ps --filter \"name=drp-runner-$runner\"");
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        Cancellation.cancellable(() -> createAndWait(context, progress));
    }

    private static void createAndWait(StepContext context, StepProgress progress) throws InterruptedException {
        String uuid = runner(context, progress);
        String container = RunnerContainerName.forMachine(UUID.fromString(uuid));
        ContainerEngine engine;
        try {
            engine = context.targets().runnerEngine().get();
        } catch (NoEngineException none) {
            progress.output("No runner engine is set for this endpoint, so the wizard cannot see " + container
                    + " start; the test job will prove the runner works.");
            return;
        } catch (EngineUnavailableException e) {
            throw new SetupProblem("Cannot watch the runner engine, where " + container + " should start: "
                    + e.reason(), e.fixHint() + " Or set the endpoint's runner engine to none: the test job then"
                    + " proves the runner.", e);
        }
        progress.status("Waiting for " + container + " on " + engine.endpoint().source());
        long deadline = System.currentTimeMillis() + PATIENCE_MS;
        // Woken by the container's own engine events (and a reconnected event stream); the 2 s bound looks again
        // should an event be missed while the stream reconnects.
        Semaphore changed = new Semaphore(0);
        try (Closeable watch = engine.watchEvents(EventQuery.containers(), event -> {
            if (container.equals(event.name())) {
                changed.release();
            }
        }, new EngineConnectionListener() {
            @Override
            public void onConnected() {
                changed.release();
            }
        })) {
            while (System.currentTimeMillis() < deadline) {
                Optional<ContainerDetails> details = inspect(engine, container);
                if (details.map(ContainerDetails::running).orElse(false)) {
                    progress.output(container + " is running.");
                    return;
                }
                if (details.isPresent() && details.get().finishedAt().isPresent()) {
                    showLog(engine, container, progress);
                    throw new SetupProblem(container + " exited with code " + details.get().exitCode() + ".",
                            "Read its log above: usually the image lacks drpcli or cannot reach the endpoint.");
                }
                if (!changed.tryAcquire(2, TimeUnit.SECONDS)) {
                    // Quiet for 2 s: the endpoint must still answer (a lost one is waited for by the wizard) and
                    // the machine still be there, else no container will ever come.
                    stillThere(context, uuid);
                }
                changed.drainPermits();
            }
        } catch (IOException closing) {
            // The event stream failed to close: nothing left to wait for.
        }
        throw new SetupProblem(container + " did not start within " + PATIENCE_MS / 1000 + " s.",
                "Check the docker-context plugin runs on the endpoint and can reach its engine, then retry.");
    }

    /**
     * The runner machine: the one an interrupted run created, else a new one. Its UUID is chosen here and recorded
     * before the machine is created, so a cancel during the create call still leaves clean-up knowing it.
     */
    private static String runner(StepContext context, StepProgress progress) {
        DrpClient client = context.targets().client();
        String uuid = context.journal().createdBy(ID, CreatedKind.MACHINE)
                .orElseGet(() -> UUID.randomUUID().toString());
        SetupChoices choices = context.choices();
        Machine wanted = new Machine(Machine.runner(choices.runnerName(), choices.contextName(),
                "Runner machine created by the setup wizard").json().put("Uuid", uuid));
        try {
            Optional<Machine> existing = client.get(DrpType.MACHINES, uuid);
            if (existing.isPresent()) {
                // An interrupted run may have stopped between the create and the context: finish it.
                tell(MachineCreation.settle(client, existing.get(), wanted, "", MachineCreation.RUNNER_HAS_NO_WORKFLOW),
                        progress);
                return uuid;
            }
            context.journal().recordCreated(new CreatedObject(CreatedKind.MACHINE, uuid, ID));
            context.journal().putValue(UUID_VALUE, uuid);
            MachineCreation.Created created = MachineCreation.createRunner(client, wanted);
            Machine machine = created.machine();
            progress.output("Created the machine " + machine.name() + " (" + machine.uuid() + ").");
            tell(created, progress);
            return machine.uuid();
        } catch (DrpException e) {
            throw new SetupProblem("Could not create the runner machine: " + e.getMessage(),
                    "Choose a name no other machine has, then retry.", e);
        }
    }

    private static void tell(MachineCreation.Created created, StepProgress progress) {
        if (!created.notice().isEmpty()) {
            progress.output(created.notice());
        }
    }

    private static void stillThere(StepContext context, String uuid) {
        if (context.targets().client().get(DrpType.MACHINES, uuid).isEmpty()) {
            throw new SetupProblem("The runner machine " + context.choices().runnerName() + " (" + uuid
                    + ") was removed on the endpoint while the wizard waited for its container.",
                    "Run this step again: it creates the machine anew.");
        }
    }

    private static Optional<ContainerDetails> inspect(ContainerEngine engine, String container) {
        try {
            return Optional.of(engine.containers().inspect(container));
        } catch (EngineObjectNotFoundException notYet) {
            return Optional.empty();
        }
    }

    private static void showLog(ContainerEngine engine, String container, StepProgress progress)
            throws InterruptedException {
        Object ended = new Object();
        boolean[] done = {false};
        try (Closeable follow = engine.containers().followLogs(container,
                LogOptions.everything().withTail(200), new LogListener() {
                    @Override
                    public void onLine(LogLine line) {
                        progress.output(line.text());
                    }

                    @Override
                    public void onEnd() {
                        synchronized (ended) {
                            done[0] = true;
                            ended.notifyAll();
                        }
                    }
                })) {
            synchronized (ended) {
                if (!done[0]) {
                    ended.wait(5_000);
                }
            }
        } catch (IOException closing) {
            // The log was shown as far as it came; the step fails either way.
        }
    }
}
