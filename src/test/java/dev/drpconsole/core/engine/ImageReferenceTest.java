package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ImageReferenceTest {

    @Test
    void podmansImplicitRegistriesAreDropped() {
        assertEquals("drpconsole/base:bookworm", ImageReference.normalise("localhost/drpconsole/base:bookworm"));
        assertEquals("drpconsole-test/rt:run-1", ImageReference.normalise("docker.io/drpconsole-test/rt:run-1"));
        assertEquals("debian:bookworm", ImageReference.normalise("docker.io/library/debian:bookworm"));
    }

    @Test
    void dockersPlainNamesIdsAndRealRegistriesStayAsTheyAre() {
        assertEquals("drpconsole/base:bookworm", ImageReference.normalise("drpconsole/base:bookworm"));
        assertEquals("sha256:0a1b2c", ImageReference.normalise("sha256:0a1b2c"));
        assertEquals("localhost:5000/runner:1", ImageReference.normalise("localhost:5000/runner:1"));
        assertEquals("quay.io/podman/stable:v4", ImageReference.normalise("quay.io/podman/stable:v4"));
        assertEquals("localhost", ImageReference.normalise("localhost"));
        assertNull(ImageReference.normalise(null));
    }
}
