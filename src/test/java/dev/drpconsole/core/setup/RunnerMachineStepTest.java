package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.DrpUnreachableException;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runner step while it waits for a container that does not come: it notices the endpoint going away (so the
 * wizard can wait for it) and the machine being removed, instead of waiting out its minute. The context names an
 * engine no plugin runs, so the sandbox starts no container for its machine; all else is real.
 */
@Tag("engine")
@Tag("sandbox")
class RunnerMachineStepTest {
    private static final String CONTEXT = "waiting-context";

    @TempDir
    Path work;
    private SetupSandbox sandbox;
    private StepContext context;

    @BeforeEach
    void start() throws Exception {
        sandbox = SetupSandbox.start(work.resolve("sandbox"));
        sandbox.client.create(DrpContext.of(CONTEXT, "no-such-engine", "drpconsole-test/never:" + TestLabels.runId(),
                "No plugin runs this engine"));
        SetupChoices choices = SetupSandbox.choices("drpconsole-test/never:" + TestLabels.runId(), "waiting");
        choices = new SetupChoices(choices.drpcli(), choices.baseImage(), choices.packages(), choices.dockerfile(),
                choices.imageTag(), CONTEXT, choices.contextDescription(), false, choices.runnerName(),
                choices.testMachineName());
        context = new StepContext(sandbox.targets, choices, SetupJournal.load(Files.createDirectories(work.resolve(
                "journal"))), Files.createDirectories(work.resolve("step")));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void aRunnerMachineRemovedWhileWaitingFailsTheStepAtOnceSayingSo() throws Exception {
        CompletableFuture<Void> step = runStep();
        Machine runner = awaitRunnerMachine();

        sandbox.client.delete(DrpType.MACHINES, runner.uuid());

        Throwable failure = failureWithin(step, Duration.ofSeconds(10));
        assertInstanceOf(SetupProblem.class, failure);
        assertTrue(failure.getMessage().contains("was removed on the endpoint"), failure.getMessage());
    }

    @Test
    void anEndpointLostWhileWaitingIsReportedAsUnreachable() throws Exception {
        CompletableFuture<Void> step = runStep();
        awaitRunnerMachine();

        sandbox.server.close();

        // The wizard waits for an unreachable endpoint and runs the step again when it answers.
        assertInstanceOf(DrpUnreachableException.class, failureWithin(step, Duration.ofSeconds(30)));
    }

    @Test
    void withoutARunnerEngineTheStepCreatesTheMachineAndSaysTheTestJobWillProveIt() throws Exception {
        List<String> said = new java.util.concurrent.CopyOnWriteArrayList<>();
        StepContext noEngine = new StepContext(new SetupTargets(sandbox.client, sandbox.engine, () -> {
            throw new NoEngineException();
        }, sandbox.targets.labels()), context.choices(), context.journal(), context.workDir());

        new RunnerMachineStep().run(noEngine, new StepProgress() {
            @Override
            public void output(String text) {
                said.add(text);
            }
        });

        awaitRunnerMachine();
        assertTrue(said.stream().anyMatch(line -> line.startsWith("No runner engine is set for this endpoint")
                && line.contains("the test job will prove the runner works")), said.toString());
    }

    @Test
    void aRunnerEngineThatDoesNotAnswerFailsTheStepWithItsFix() throws Exception {
        StepContext unreachable = new StepContext(new SetupTargets(sandbox.client, sandbox.engine, () -> {
            throw new EngineUnavailableException("No ssh server answers at drp1:22 (connection refused)",
                    "Start sshd on drp1.", null);
        }, sandbox.targets.labels()), context.choices(), context.journal(), context.workDir());

        SetupProblem problem = org.junit.jupiter.api.Assertions.assertThrows(SetupProblem.class,
                () -> new RunnerMachineStep().run(unreachable, StepProgress.NONE));

        assertTrue(problem.getMessage().contains("Cannot watch the runner engine")
                && problem.getMessage().contains("No ssh server answers at drp1:22"), problem.getMessage());
        assertTrue(problem.fix().contains("Start sshd on drp1.") && problem.fix().contains("none"), problem.fix());
    }

    private CompletableFuture<Void> runStep() {
        return CompletableFuture.runAsync(() -> {
            try {
                new RunnerMachineStep().run(context, StepProgress.NONE);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Machine awaitRunnerMachine() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            List<Machine> found = sandbox.client.list(DrpType.MACHINES, Filter.where("Name", "waiting-runner"));
            if (!found.isEmpty()) {
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the step did not create its runner machine");
    }

    private static Throwable failureWithin(CompletableFuture<Void> step, Duration patience) throws Exception {
        try {
            step.get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("the step finished although no container ran");
    }
}
