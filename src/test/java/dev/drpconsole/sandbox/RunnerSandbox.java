package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.Job;
import dev.drpconsole.core.drp.Machine;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.core.engine.RunnerContainerName;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.testsupport.SandboxSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * For view tests and demos: the real sandbox in-process with docker-context runners on the real engine, the seed's
 * runner image built with the real drpcli, the context {@value DemoContentPack#CONTEXT} using it, the demo content
 * pack installed with drpcli, and a signed-in client. Everything on the engine carries this run's
 * test label; {@link #close()} removes it.
 */
public final class RunnerSandbox implements AutoCloseable {
    private final Path work;
    private final SandboxSession session;
    private final DrpClient client;
    private final Drpcli drpcli;

    private RunnerSandbox(Path work, SandboxSession session, DrpClient client, Drpcli drpcli) {
        this.work = work;
        this.session = session;
        this.client = client;
        this.drpcli = drpcli;
    }

    /** Starts it all under {@code work} (a fresh directory): about 10 s, most of it the image build. */
    public static RunnerSandbox start(Path work) throws Exception {
        SandboxSession session = SandboxSession.start(Files.createDirectories(work.resolve("data")), true);
        try {
            String image = RunnerImageFixture.buildRunnerImage(session.engine(), work);
            Drpcli drpcli = new Drpcli(session.server(), work.resolve("tokens"));
            drpcli.run("contents", "create", ContentsTest.bundleDemoPack(drpcli, work).toString()).ok();
            DrpClient client = session.connect();
            client.create(DrpContext.of(DemoContentPack.CONTEXT, DrpContext.DOCKER_CONTEXT, image,
                    "Runner context for console tests"));
            return new RunnerSandbox(work, session, client, drpcli);
        } catch (Exception | Error e) {
            session.close();
            throw e;
        }
    }

    public DrpClient client() {
        return client;
    }

    public ContainerEngine engine() {
        return session.engine();
    }

    public Path work() {
        return work;
    }

    /** A machine whose home is the runner context: the sandbox starts its drp-runner-&lt;uuid&gt; container. */
    public Machine createRunner(String name) {
        return client.create(Machine.runner(name, DemoContentPack.CONTEXT, "created by a console test"));
    }

    /**
     * The seed's last step: a plain machine given the demo workflow, then the runner context, so the demo task runs
     * in that machine's own runner container. Returns the machine.
     */
    public Machine runDemoWorkflow(String machineName) {
        Machine machine = client.create(new Machine(
                JsonNodeFactory.instance.objectNode().put("Name", machineName)));
        Machine withWorkflow = client.update(machine, machine.withWorkflow(DemoContentPack.WORKFLOW));
        return client.update(withWorkflow, withWorkflow.withContext(DemoContentPack.CONTEXT));
    }

    /** Sets an endpoint preference as an operator would: {@code drpcli prefs set NAME VALUE}. */
    public void setPref(String name, String value) {
        drpcli.run("prefs", "set", name, value).ok();
    }

    /**
     * The jobs DRP handed a machine once its runner container has run for a few seconds: its agent asks for a job
     * at once, so a machine with tasks has one by then.
     */
    public List<Job> jobsOnceItsRunnerRuns(String uuid) throws InterruptedException {
        String container = RunnerContainerName.forMachine(UUID.fromString(uuid));
        long deadline = System.currentTimeMillis() + 60_000;
        while (!running(container)) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(container + " did not start within 60 s");
            }
            Thread.sleep(250);
        }
        Thread.sleep(5_000);
        return client.list(DrpType.JOBS, Filter.where("Machine", uuid));
    }

    private boolean running(String container) {
        try {
            return engine().containers().inspect(container).running();
        } catch (EngineObjectNotFoundException notYet) {
            return false;
        }
    }

    /** The current state of a machine. */
    public Machine machine(String uuid) {
        return client.get(DrpType.MACHINES, uuid).orElseThrow();
    }

    @Override
    public void close() {
        session.close();
    }
}
