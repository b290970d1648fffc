package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxSession;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the setup steps work against in tests and the benchmark, all real: the provisioned Docker engine, the
 * in-process sandbox running docker-context runners on it (labelled with this test run's label), and a client
 * pinned to the sandbox's certificate. Closing it removes everything of this run from the engine by label.
 */
public final class SetupSandbox implements AutoCloseable {
    public final ContainerEngine engine;
    public final SandboxServer server;
    public final DrpClient client;
    public final SetupTargets targets;
    private final SandboxSession session;

    private SetupSandbox(SandboxSession session) {
        this.session = session;
        this.engine = session.engine();
        this.server = session.server();
        this.client = session.connect();
        Map<String, String> labels = new HashMap<>(TestLabels.forThisRun());
        labels.put(SetupTargets.LABEL, "true");
        this.targets = new SetupTargets(client, engine, labels);
    }

    public static SetupSandbox start(Path dataDir) throws Exception {
        return start(dataDir, ContextsFeature.PLUGIN_V4_7);
    }

    /** @param contexts which real endpoint's contexts feature (plugin generation) the sandbox behaves like */
    public static SetupSandbox start(Path dataDir, ContextsFeature contexts) throws Exception {
        return new SetupSandbox(SandboxSession.start(Files.createDirectories(dataDir), true, contexts));
    }

    /** The choices a user makes with the provisioned drpcli and base image, no extra packages. */
    public static SetupChoices choices(String imageTag, String prefix) {
        String base = TestEnv.get().baseImage();
        return new SetupChoices(TestEnv.get().drpcli(), base, List.of(),
                RunnerDockerfile.generate(base, Optional.empty(), List.of()), imageTag, prefix + "-context",
                "Made by a setup test", false, prefix + "-runner", prefix + "-test");
    }

    /** The standard steps, but the image is uploaded although the sandbox shares this engine (as a remote one). */
    public static SetupPlan uploadingPlan() {
        return SetupPlan.uploadingAlways();
    }

    @Override
    public void close() {
        session.close();
    }
}
