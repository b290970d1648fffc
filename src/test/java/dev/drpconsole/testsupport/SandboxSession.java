package dev.drpconsole.testsupport;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A real sandbox endpoint in-process, real DRP clients signed in to it (pinned to its certificate), and the real
 * Docker engine, for view tests and the demo. Runner containers and images made here carry this run's test label
 * and are removed on close.
 */
public final class SandboxSession implements AutoCloseable {
    private final SandboxServer server;
    private final ContainerEngine engine;
    private final List<DrpClient> clients = new ArrayList<>();

    private SandboxSession(SandboxServer server, ContainerEngine engine) {
        this.server = server;
        this.engine = engine;
    }

    /** @param runners whether the sandbox runs docker-context runner containers on the engine */
    public static SandboxSession start(Path dataDir, boolean runners) throws Exception {
        return start(dataDir, runners, ContextsFeature.PLUGIN_V4_7);
    }

    /** @param contexts which real endpoint's contexts feature the sandbox behaves like */
    public static SandboxSession start(Path dataDir, boolean runners, ContextsFeature contexts) throws Exception {
        ContainerEngine engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test-env"));
        SandboxConfig config = SandboxConfig.inDataDir(dataDir).withPort(0)
                .withRunnerLabel(TestLabels.KEY, TestLabels.runId()).withContexts(contexts);
        try {
            return new SandboxSession(runners ? SandboxServer.start(config, engine)
                    : SandboxServer.start(config.withoutRunners()), engine);
        } catch (Exception e) {
            engine.close();
            throw e;
        }
    }

    public SandboxServer server() {
        return server;
    }

    public ContainerEngine engine() {
        return engine;
    }

    /** A new, independent client signed in as the admin (a view's client, or "another user"). */
    public DrpClient connect() {
        DrpClient client = SandboxAccess.connect(server);
        clients.add(client);
        return client;
    }

    /** The seed's runner image (drpcli processjobs on the local base image), tagged for this run; returns the tag. */
    public String buildRunnerImage(Path work) throws IOException {
        String tag = "drpconsole-test/view-runner:" + TestLabels.runId();
        Path context = Files.createDirectories(work.resolve("runner-image"));
        Files.copy(TestEnv.get().drpcli(), context.resolve("drpcli"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestEnv.get().baseImage() + "\n"
                + "COPY drpcli /usr/bin/drpcli\n"
                + "RUN chmod 755 /usr/bin/drpcli\n"
                + "ENTRYPOINT [\"/usr/bin/drpcli\", \"machines\", \"processjobs\"]\n");
        engine.images().build(new ImageBuildRequest(context, Set.of(tag), TestLabels.forThisRun(), false),
                new BuildProgressListener() {
                });
        return tag;
    }

    @Override
    public void close() {
        clients.forEach(DrpClient::close);
        server.close();
        TestCleanup.removeEverythingOfThisRun(engine);
        engine.close();
    }
}
