package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.testsupport.TestEnv;
import java.net.URI;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The engine compliance suite against Podman's Docker-API service (podman.host). */
@Tag("engine")
class PodmanEngineComplianceTest extends EngineComplianceTest {

    @Override
    URI engineHost() {
        return TestEnv.get().podmanHost();
    }

    /** Guards against podman.host pointing at Docker, which would run the suite twice on one engine. */
    @Test
    void theEngineIsPodman() {
        assertEquals(EngineProduct.PODMAN, engine.info().product());
    }
}
