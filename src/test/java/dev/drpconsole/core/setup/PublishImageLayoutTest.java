package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * E.20: the publish step puts the image where the endpoint's docker-context plugin looks, and says which layout it
 * assumed and why, for a v4.7-era plugin and for a v4.8+ one (the sandbox with each plugin generation).
 */
@Tag("engine")
@Tag("sandbox")
class PublishImageLayoutTest {
    @TempDir
    Path work;
    private final String tag = "drpconsole-test/layout:" + TestLabels.runId();
    private final List<String> said = new ArrayList<>();

    @Test
    void aV48PluginGetsTheImageInFilesDockerContextsAndTheStepSaysWhy() throws Exception {
        try (SetupSandbox sandbox = SetupSandbox.start(work.resolve("sandbox"), ContextsFeature.PLUGIN_V4_8)) {
            publish(sandbox);

            assertTrue(sandbox.client.fileSha256("docker-contexts/" + tag).isPresent(), said.toString());
            assertEquals(Optional.empty(), sandbox.client.fileSha256("contexts/docker-context/" + tag));
            assertTrue(said.stream().anyMatch(line -> line.contains("v4.8.0-sandbox")
                    && line.contains("files/docker-contexts/")), said.toString());
        }
    }

    @Test
    void aV47PluginGetsItInFilesContextsDockerContext() throws Exception {
        try (SetupSandbox sandbox = SetupSandbox.start(work.resolve("sandbox"), ContextsFeature.PLUGIN_V4_7)) {
            publish(sandbox);

            assertTrue(sandbox.client.fileSha256("contexts/docker-context/" + tag).isPresent(), said.toString());
            assertTrue(said.stream().anyMatch(line -> line.contains("v4.7.0-sandbox")
                    && line.contains("files/contexts/docker-context/")), said.toString());
        }
    }

    private void publish(SetupSandbox sandbox) throws Exception {
        sandbox.engine.images().tag(TestEnv.get().baseImage(), tag);
        try {
            SetupJournal journal = SetupJournal.load(Files.createDirectories(work.resolve("journal")));
            StepContext context = new StepContext(new SetupTargets(sandbox.client, sandbox.engine, () -> {
                throw new NoEngineException();
            }, sandbox.targets.labels()), SetupSandbox.choices(tag, "layout"), journal,
                    Files.createDirectories(work.resolve("step")));
            new PublishImageStep().run(context, new StepProgress() {
                @Override
                public void output(String text) {
                    said.add(text);
                }
            });
        } finally {
            sandbox.engine.images().remove(tag, false);
        }
    }
}
