package dev.drpconsole.core.engine;

import dev.drpconsole.testsupport.TestEnv;
import java.net.URI;

/** The engine compliance suite against the Docker engine (docker.host: $DOCKER_HOST or the local dockerd). */
class DockerEngineComplianceTest extends EngineComplianceTest {

    @Override
    URI engineHost() {
        return TestEnv.get().dockerHost();
    }
}
