package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.fail;

import dev.drpconsole.testsupport.TestEnv;
import java.net.URI;

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
}
