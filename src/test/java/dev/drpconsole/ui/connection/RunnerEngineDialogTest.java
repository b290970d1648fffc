package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.FileCertificatePins;
import dev.drpconsole.core.connection.FileTokenVault;
import dev.drpconsole.core.connection.OkHttpDrpClientFactory;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.testsupport.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The connection form's runner engine against the real test sshd and the Podman service behind it: the suggestion
 * for an endpoint on another machine, an unknown host key shown with its fingerprint and trusted by the user (never
 * by itself), then Test names the engine; a changed host key is refused with no way to trust it from here.
 */
@Tag("engine")
@Tag("display")
class RunnerEngineDialogTest extends FxRobot {
    private static final TestEnv ENV = TestEnv.get();
    @TempDir
    Path dir;
    private DrpConnections connections;

    @AfterEach
    void tearDown() throws Exception {
        FxToolkit.cleanupStages();
        if (connections != null) {
            connections.close();
        }
    }

    @Test
    void anEndpointOnAnotherMachineIsOfferedItsHostOverSsh() throws Exception {
        open();
        clickOn("#connection-url").write("https://drp1.lab");
        assertEquals("ssh://root@drp1.lab", field("#connection-runner-engine").getText());
    }

    @Test
    void anUnknownHostKeyIsShownWithItsFingerprintAndTrustedOnlyWhenTheUserSaysSo() throws Exception {
        Path knownHosts = Files.createFile(dir.resolve("known_hosts"));
        testPodmanOverSsh(knownHosts);

        waitForText("#connection-runner-engine-message", "The host key of [127.0.0.1]:" + ENV.sshPort()
                + " is not known: ED25519 " + fingerprint());
        // Offered once the test has ended (the message comes a moment before the button is enabled).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> lookup("#connection-trust-host-key").tryQuery()
                .filter(button -> button.isVisible() && !button.isDisabled()).isPresent());
        assertEquals("", Files.readString(knownHosts), "nothing trusted before the user says so");

        clickOn("#connection-trust-host-key");

        waitForText("#connection-runner-engine-message", "Answers: Podman ");
        assertFalse(lookup("#connection-trust-host-key").query().isVisible());
        assertTrue(Files.readString(knownHosts).contains(Files.readString(ENV.sshHostKey()).split(" ")[1]));
    }

    @Test
    void aChangedHostKeyIsRefusedWithNoWayToTrustIt() throws Exception {
        Path otherKey = dir.resolve("other_host_ed25519");
        new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()).start()
                .waitFor(10, TimeUnit.SECONDS);
        Path knownHosts = Files.writeString(dir.resolve("known_hosts"), "[127.0.0.1]:" + ENV.sshPort() + " "
                + Files.readString(dir.resolve("other_host_ed25519.pub")));
        testPodmanOverSsh(knownHosts);

        waitForText("#connection-runner-engine-message", "The host key of [127.0.0.1]:" + ENV.sshPort()
                + " has changed");
        assertFalse(lookup("#connection-trust-host-key").query().isVisible());
    }

    /** Opens the form, names Podman over ssh with a known_hosts of the test's own, and presses Test. */
    private void testPodmanOverSsh(Path knownHosts) throws Exception {
        open();
        clickOn("#connection-url").write("https://127.0.0.1:8092");
        String config = config(knownHosts).toString();
        interact(() -> {
            field("#connection-runner-engine").setText(podmanOverSsh());
            field("#connection-ssh-config").setText(config);
        });
        clickOn("#connection-runner-engine-test");
    }

    private static String podmanOverSsh() {
        return ENV.podmanOverSsh().text();
    }

    /** The test sshd's client config, with a known_hosts of the test's own. */
    private Path config(Path knownHosts) throws Exception {
        return Files.writeString(dir.resolve("ssh_config"), Files.readString(ENV.sshConfig())
                .replaceAll("UserKnownHostsFile .*", "UserKnownHostsFile " + knownHosts));
    }

    private static String fingerprint() throws Exception {
        Process keygen = new ProcessBuilder("ssh-keygen", "-lf", ENV.sshHostKey().toString()).start();
        return new String(keygen.getInputStream().readAllBytes()).split(" ")[1];
    }

    private void open() throws Exception {
        EndpointProfiles profiles = EndpointProfiles.load(dir.resolve("settings"), Runnable::run);
        connections = new DrpConnections(profiles, new FileTokenVault(dir.resolve("settings/secrets")),
                FileCertificatePins.load(dir.resolve("settings")), new OkHttpDrpClientFactory(), () -> {
                    throw new SandboxUnavailableException("not in this test");
                });
        ConnectionDialogStage.open(connections, profiles, Optional.empty());
    }

    private TextField field(String query) {
        return lookup(query).queryAs(TextField.class);
    }

    private void waitForText(String query, String start) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> lookup(query).tryQuery().filter(Node::isVisible)
                    .map(node -> ((Label) node).getText().startsWith(start)).orElse(false));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + query + " to start with '" + start + "' but it reads '"
                    + lookup(query).queryAs(Label.class).getText() + "'", e);
        }
    }
}
