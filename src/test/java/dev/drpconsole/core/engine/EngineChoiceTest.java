package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EngineChoiceTest {

    @ParameterizedTest
    @ValueSource(strings = {"local", "none", "context:drp1", "ssh://root@drp1", "ssh://root@drp1:2222",
            "ssh://core@10.0.0.5:22/run/podman/podman.sock", "ssh://drp1", "tcp://drp1:2376",
            "unix:///run/podman/podman.sock"})
    void everyFormReadsBackAsWritten(String text) {
        assertEquals(text, EngineChoice.parse(text).text());
    }

    @Test
    void sshSaysWhichWayItReachesTheEngine() {
        EngineChoice.Ssh podman = (EngineChoice.Ssh) EngineChoice.parse("ssh://root@127.0.0.1:2222/run/x.sock");
        assertEquals(Optional.of("root"), podman.user());
        assertEquals("127.0.0.1", podman.host());
        assertEquals(2222, podman.port());
        assertEquals(Optional.of("/run/x.sock"), podman.socketPath());
        assertEquals("root@127.0.0.1", podman.destination());

        EngineChoice.Ssh docker = (EngineChoice.Ssh) EngineChoice.parse("ssh://drp1");
        assertEquals(Optional.empty(), docker.user());
        assertEquals(0, docker.port());
        assertEquals(Optional.empty(), docker.socketPath());
        assertEquals("drp1", docker.destination());
        assertEquals(Optional.of(Path.of("/tmp/c")), docker.withSshConfig(Path.of("/tmp/c")).sshConfig());
    }

    @Test
    void anEmptyFieldMeansThisMachinesEngine() {
        assertInstanceOf(EngineChoice.Local.class, EngineChoice.parse("  "));
        assertInstanceOf(EngineChoice.None.class, EngineChoice.parse("NONE"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://drp1:2375", "drp1", "ssh://", "tcp://drp1", "context:", "context:two words",
            "ssh://root@drp1?x=1"})
    void badTextIsRefusedWithTheFormsInWords(String text) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> EngineChoice.parse(text));
        assertTrue(refused.getMessage().contains("ssh://") || refused.getMessage().contains("context:")
                || refused.getMessage().contains("tcp://"), refused.getMessage());
    }
}
