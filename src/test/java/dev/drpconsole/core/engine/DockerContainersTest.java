package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DockerContainersTest {

    static final ContainerSpec WITH_INIT = ContainerSpec.of("drpconsole/base:bookworm").withInitProcess(true);

    @Test
    void containerNamesLoseTheEnginesLeadingSlashAndAnAbsentNameIsEmpty() {
        assertEquals("drp-runner-1", DockerContainers.stripSlash("/drp-runner-1"));
        assertEquals("plain", DockerContainers.stripSlash("plain"));
        assertEquals("", DockerContainers.stripSlash(null));
    }

    @Test
    void podmanWithoutCatatonitSaysWhatToInstall() {
        EngineException podmans = new EngineException("container-init binary not found on the host: stat"
                + " /usr/libexec/podman/catatonit: no such file or directory", 500, null);

        EngineException explained = DockerContainers.explained(WITH_INIT, podmans);

        assertTrue(explained.getMessage().contains("init binary is not installed on the engine's host"),
                explained.getMessage());
        assertTrue(explained.getMessage().contains("catatonit"), explained.getMessage());
        assertEquals(500, explained.statusCode());
        assertSame(podmans, explained.getCause());
    }

    @Test
    void dockerWithoutDockerInitSaysWhatToInstall() {
        EngineException dockers = new EngineException("failed to create shim task: OCI runtime create failed:"
                + " exec: \"docker-init\": executable file not found in $PATH: unknown", 400, null);

        assertTrue(DockerContainers.explained(WITH_INIT, dockers).getMessage().contains("tini"));
    }

    @Test
    void otherFailuresAndContainersWithoutInitAreLeftAlone() {
        EngineException nameTaken = new EngineException("Conflict. The container name is already in use", 409, null);
        EngineException initMissing = new EngineException("container-init binary not found on the host", 500, null);

        assertSame(nameTaken, DockerContainers.explained(WITH_INIT, nameTaken));
        assertSame(initMissing, DockerContainers.explained(WITH_INIT.withInitProcess(false), initMissing));
    }
}
