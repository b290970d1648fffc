package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.drpconsole.testsupport.TestEnv;
import dev.drpconsole.testsupport.TestLabels;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Opening the provisioned engine for integration tests, and cleaning up after them by this run's label only.
 * A missing engine fails the tests, with the command that provisions one.
 */
final class EngineTestSupport {

    private EngineTestSupport() {
    }

    /** An engine prepare.sh provisioned (docker.host or podman.host), checked to answer and to have the base image. */
    static DockerEngine openProvisionedEngine(URI host) {
        TestEnv env = TestEnv.get();
        DockerEngine engine = DockerEngine.open(EngineEndpoint.of(host, "test-env.properties"));
        try {
            engine.info();
        } catch (EngineUnavailableException e) {
            engine.close();
            fail("The engine at " + host + " for the integration tests does not answer: " + e.getMessage() + ". "
                    + TestEnv.howToFix());
        }
        if (!engine.images().exists(env.baseImage())) {
            engine.close();
            fail("The base image " + env.baseImage() + " is missing in the engine at " + host + ". "
                    + TestEnv.howToFix());
        }
        return engine;
    }

    /** Removes the containers, then the images, that carry this run's label; nothing else. */
    static void removeEverythingLabelledByThisRun(ContainerEngine engine) {
        Map<String, String> ours = TestLabels.forThisRun();
        for (ContainerSummary container : engine.containers().list(new ContainerQuery(true, ours))) {
            engine.containers().remove(container.id(), true);
        }
        removeLabelledImages(engine, ours);
    }

    /**
     * Build steps leave labelled intermediate images, and a parent cannot go before its children: remove newest
     * first, and repeat for what a child still held.
     */
    private static void removeLabelledImages(ContainerEngine engine, Map<String, String> labels) {
        for (int pass = 0; pass < 5; pass++) {
            List<ImageSummary> left = new ArrayList<>(engine.images().list(labels, true));
            if (left.isEmpty()) {
                return;
            }
            left.sort(Comparator.comparing(ImageSummary::created).reversed());
            for (ImageSummary image : left) {
                try {
                    engine.images().remove(image.id(), true);
                } catch (EngineException goneOrStillAParent) {
                    // Gone with a child already, or still someone's parent: the next pass sees.
                }
            }
        }
        throw new AssertionError("Could not remove the images labelled " + labels);
    }
}
