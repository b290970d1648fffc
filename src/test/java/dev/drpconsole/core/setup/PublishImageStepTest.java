package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The publish step decides from facts: the image is uploaded unless the runner engine (where the endpoint's plugin
 * looks first) holds this very image, whatever address the endpoint has. The image is built on Docker (here: the
 * base image under a tag of this run); the runner engine is that same Docker, the Podman service, or none.
 */
@Tag("engine")
@Tag("sandbox")
class PublishImageStepTest {
    private final String tag = "drpconsole-test/publish:" + TestLabels.runId();
    private final List<String> said = new CopyOnWriteArrayList<>();
    @TempDir
    Path work;
    private SetupSandbox sandbox;
    private ContainerEngine podman;

    @BeforeEach
    void start() throws Exception {
        sandbox = SetupSandbox.start(work.resolve("sandbox"));
        sandbox.engine.images().tag(TestEnv.get().baseImage(), tag);
        podman = DockerEngine.open(EngineEndpoint.of(TestEnv.get().podmanHost(), "test"));
    }

    @AfterEach
    void stop() {
        sandbox.engine.images().remove(tag, false);
        podman.close();
        sandbox.close();
    }

    @Test
    void aRunnerEngineHoldingTheVeryImageNeedsNoUpload() throws Exception {
        SetupJournal journal = publish(() -> sandbox.engine);

        assertTrue(said.stream().anyMatch(line -> line.startsWith("The runner engine already holds this very image")),
                said.toString());
        assertEquals(Optional.empty(), sandbox.client.fileSha256(ContextImageLayout.V4_7_DIRECTORY + tag));
        assertTrue(journal.created().isEmpty(), journal.created().toString());
    }

    @Test
    void aRunnerEngineWithoutItGetsTheUploadAndItsLoadedImageIsTheWizards() throws Exception {
        assertTrue(podman.images().idOf(tag).isEmpty(), "Podman has no image by this tag");

        SetupJournal journal = publish(() -> podman);

        assertTrue(sandbox.client.fileSha256(ContextImageLayout.V4_7_DIRECTORY + tag).isPresent(), "uploaded: " + said);
        assertTrue(journal.createdBy(PublishImageStep.ID, CreatedKind.RUNNER_IMAGE).filter(tag::equals)
                .isPresent(), "clean-up will remove what the plugin loads from it: " + journal.created());
        sandbox.client.deleteFile(ContextImageLayout.V4_7_DIRECTORY + tag);
    }

    @Test
    void withoutARunnerEngineTheImageIsUploaded() throws Exception {
        publish(() -> {
            throw new NoEngineException();
        });

        assertTrue(sandbox.client.fileSha256(ContextImageLayout.V4_7_DIRECTORY + tag).isPresent(), "uploaded: " + said);
        sandbox.client.deleteFile(ContextImageLayout.V4_7_DIRECTORY + tag);
    }

    private SetupJournal publish(Supplier<ContainerEngine> runnerEngine) throws Exception {
        SetupJournal journal = SetupJournal.load(Files.createDirectories(work.resolve("journal")));
        StepContext context = new StepContext(new SetupTargets(sandbox.client, sandbox.engine, runnerEngine,
                sandbox.targets.labels()), SetupSandbox.choices(tag, "publish"), journal,
                Files.createDirectories(work.resolve("step")));
        new PublishImageStep().run(context, new StepProgress() {
            @Override
            public void output(String text) {
                said.add(text);
            }
        });
        return journal;
    }
}
