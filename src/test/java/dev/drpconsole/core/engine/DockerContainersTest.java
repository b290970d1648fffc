package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DockerContainersTest {

    @Test
    void containerNamesLoseTheEnginesLeadingSlashAndAnAbsentNameIsEmpty() {
        assertEquals("drp-runner-1", DockerContainers.stripSlash("/drp-runner-1"));
        assertEquals("plain", DockerContainers.stripSlash("plain"));
        assertEquals("", DockerContainers.stripSlash(null));
    }
}
