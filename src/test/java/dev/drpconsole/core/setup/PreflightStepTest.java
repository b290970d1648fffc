package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks against the sandbox and the real engine, as the user reads them. */
@Tag("engine")
@Tag("sandbox")
class PreflightStepTest {
    @TempDir
    Path work;

    @Test
    void aDrpcliThatCannotRunInTheImageFailsWithTheEndpointsCopyAsTheFix() throws Exception {
        Path macDrpcli = Files.writeString(work.resolve("drpcli"), "#!/bin/sh\n");
        macDrpcli.toFile().setExecutable(true);
        try (DockerEngine engine = DockerEngine.open(EngineEndpoint.of(TestEnv.get().dockerHost(), "test"));
             SandboxServer server = SandboxServer.start(SandboxConfig.inDataDir(work.resolve("data")).withPort(0)
                     .withoutRunners());
             OkHttpDrpClient client = SandboxAccess.connect(server)) {
            String arch = engine.info().arch();
            client.uploadFile(DrpcliSource.endpointFile(arch), TestEnv.get().drpcli(), (done, total) -> { });
            SetupChoices chosen = SetupSandbox.choices("unused:1", "preflight");
            SetupChoices choices = new SetupChoices(macDrpcli, chosen.baseImage(), chosen.packages(),
                    chosen.dockerfile(), chosen.imageTag(), chosen.contextName(), chosen.contextDescription(), false,
                    chosen.runnerName(), chosen.testMachineName());
            List<String> lines = new ArrayList<>();
            StepContext context = new StepContext(new SetupTargets(client, engine, TestLabels.forThisRun()),
                    choices, SetupJournal.load(work.resolve("settings")), work);

            SetupProblem failed = assertThrows(SetupProblem.class, () -> new PreflightStep().run(context,
                    new StepProgress() {
                        @Override
                        public void output(String text) {
                            lines.add(text);
                        }
                    }));

            assertEquals("1 of 4 checks failed.", failed.getMessage());
            assertEquals(4, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(3).startsWith("✗ No usable drpcli for the image: " + macDrpcli
                    + " is not a Linux program"), lines.get(3));
            assertEquals("Use the endpoint's copy (files/drpcli." + arch + ".linux), or choose the Linux drpcli"
                    + " for " + arch + ".", failed.fix());
        }
    }
}
