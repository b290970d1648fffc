package dev.drpconsole.sandbox;

import static org.junit.jupiter.api.Assertions.fail;

import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.DockerEngine;
import dev.drpconsole.core.engine.EngineEndpoint;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;

/**
 * The real engine for runner tests, and the runner image of the seed walkthrough: the seed's Dockerfile (drpcli
 * copied in, {@code ENTRYPOINT drpcli machines processjobs}) on the local base image instead of alpine. Everything
 * made here carries this run's test label and is removed by it.
 */
final class RunnerImageFixture {

    private RunnerImageFixture() {
    }

    static DockerEngine openEngine() {
        TestEnv env = TestEnv.get();
        DockerEngine engine = DockerEngine.open(EngineEndpoint.of(env.dockerHost(), "test-env.properties"));
        try {
            engine.info();
        } catch (EngineUnavailableException e) {
            engine.close();
            fail("The Docker engine for the runner tests does not answer: " + e.getMessage() + ". "
                    + TestEnv.howToFix());
        }
        return engine;
    }

    /** Builds the seed's runner image under a tag of this run; returns the tag. */
    static String buildRunnerImage(ContainerEngine engine, Path work) throws IOException {
        String tag = "drpconsole-test/runner:" + TestLabels.runId();
        Path context = Files.createDirectories(work.resolve("runner-image"));
        Files.copy(TestEnv.get().drpcli(), context.resolve("drpcli"), StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(context.resolve("Dockerfile"), "FROM " + TestEnv.get().baseImage() + "\n"
                + "COPY drpcli /usr/bin/drpcli\n"
                + "RUN chmod 755 /usr/bin/drpcli\n"
                + "ENTRYPOINT /usr/bin/drpcli machines processjobs\n");
        engine.images().build(new ImageBuildRequest(context, Set.of(tag), TestLabels.forThisRun(), false),
                new BuildProgressListener() {
                });
        return tag;
    }

    /**
     * Builds a one-line image from {@code runnerImage}, saves it by name, and removes the tag from the engine: the
     * {@code docker save} tar of an image the engine lacks, for the plugin to load.
     */
    static byte[] savedImageMissingFromTheEngine(ContainerEngine engine, String runnerImage, Path work, String tag)
            throws IOException {
        Path context = Files.createDirectories(work.resolve("image-" + tag.replaceAll("[^a-z0-9]", "-")));
        Files.writeString(context.resolve("Dockerfile"), "FROM " + runnerImage + "\nLABEL sandbox.test=loaded\n");
        engine.images().build(new ImageBuildRequest(context, Set.of(tag), TestLabels.forThisRun(), false),
                new BuildProgressListener() {
                });
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        engine.images().save(tag, tar);
        engine.images().remove(tag, true);
        if (engine.images().exists(tag)) {
            fail(tag + " is still on the engine");
        }
        return tar.toByteArray();
    }
}
