package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.engine.EngineChoice;
import dev.drpconsole.core.engine.EngineUnavailableException;
import dev.drpconsole.core.engine.InMemoryEngine;
import dev.drpconsole.core.engine.NoEngineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The connection form's runner engine: the suggestion for a remote endpoint, what is saved, and its Test. */
class RunnerEngineFormTest {
    private final List<EngineChoice> opened = new ArrayList<>();
    private final InMemoryEngine engine = new InMemoryEngine();
    private final RunnerEngineForm form = new RunnerEngineForm(TaskRunner.inline(), choice -> {
        opened.add(choice);
        if (choice instanceof EngineChoice.None) {
            throw new NoEngineException();
        }
        if (choice.text().contains("down")) {
            throw new EngineUnavailableException("No ssh server answers at down:22 (connection refused)",
                    "Start sshd on down, or check the port", null);
        }
        return engine;
    });

    @Test
    void aRemoteEndpointIsOfferedItsHostOverSshUntilTheUserTypesAnother() {
        form.suggestFor("https://drp1.lab:8092");
        assertEquals("ssh://root@drp1.lab", form.engineProperty().get());

        form.suggestFor("https://drp2.lab:8092");
        assertEquals("ssh://root@drp2.lab", form.engineProperty().get(), "the suggestion follows the address");

        form.engineProperty().set("ssh://core@drp2.lab:2222/run/podman/podman.sock");
        form.suggestFor("https://drp3.lab:8092");
        assertEquals("ssh://core@drp2.lab:2222/run/podman/podman.sock", form.engineProperty().get(),
                "what the user typed stays");
    }

    @Test
    void anEndpointOnThisMachineKeepsTheDefault() {
        form.suggestFor("https://127.0.0.1:8092");
        assertEquals("", form.engineProperty().get());
        assertEquals(Optional.empty(), form.choice());
    }

    @Test
    void whatIsSavedCarriesTheSshConfig() {
        form.engineProperty().set("ssh://root@drp1:2222");
        form.sshConfigProperty().set("/home/me/drp1.ssh_config");

        EngineChoice.Ssh saved = (EngineChoice.Ssh) form.choice().orElseThrow();
        assertEquals(Optional.of(Path.of("/home/me/drp1.ssh_config")), saved.sshConfig());

        RunnerEngineForm again = new RunnerEngineForm(TaskRunner.inline());
        again.fill(Optional.of(saved));
        assertEquals("ssh://root@drp1:2222", again.engineProperty().get());
        assertEquals("/home/me/drp1.ssh_config", again.sshConfigProperty().get());
    }

    @Test
    void badTextSaysWhyAndIsNotTested() {
        form.engineProperty().set("drp1:2375");
        assertTrue(form.errorProperty().get().contains("ssh://user@host"), form.errorProperty().get());

        form.test();
        assertTrue(opened.isEmpty());

        form.engineProperty().set("tcp://drp1:2376");
        form.sshConfigProperty().set("/tmp/x");
        assertEquals("An SSH config file is for an ssh:// engine.", form.errorProperty().get());

        form.sshConfigProperty().set("");
        form.tlsCertificatesProperty().set("/home/me/.docker/drp1");
        assertEquals("", form.errorProperty().get());
        assertEquals(Optional.of(Path.of("/home/me/.docker/drp1")),
                ((EngineChoice.Tcp) form.choice().orElseThrow()).certificatePath());
        form.engineProperty().set("ssh://root@drp1");
        assertEquals("TLS certificates are for a tcp:// engine.", form.errorProperty().get());
    }

    @Test
    void theTestSaysWhichEngineAnswersOrWhatToFix() {
        form.engineProperty().set("ssh://root@drp1");
        form.test();
        assertEquals("Answers: Docker 20.10.24 · linux/amd64 · test", form.resultProperty().get());
        assertFalse(form.resultIsProblemProperty().get());
        assertFalse(form.testingProperty().get());

        form.engineProperty().set("ssh://root@down");
        assertEquals("", form.resultProperty().get(), "an edit clears the last answer");
        form.test();
        assertEquals("No ssh server answers at down:22 (connection refused). Start sshd on down, or check the port",
                form.resultProperty().get());
        assertTrue(form.resultIsProblemProperty().get());

        form.engineProperty().set("none");
        form.test();
        assertTrue(form.resultProperty().get().startsWith("Nothing will be watched"), form.resultProperty().get());
    }
}
