package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.ConnectResult;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.ProfileSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The endpoint menu's logic over the real DrpConnections and endpoints in memory, every task inline: what it
 * lists and shows as active, and which switches open the connection dialog.
 */
class EndpointSwitcherViewModelTest {
    @TempDir
    Path settingsDir;
    private EndpointDouble endpoints;
    private EndpointSwitcherViewModel switcher;
    private final List<ConnectResult> dialogsOpened = new ArrayList<>();
    private final EndpointProfile lab = EndpointProfile.create("Lab", List.of("https://lab.test:8092"),
            "rocketskates", false, ProfileSource.USER);
    private final EndpointProfile edge = EndpointProfile.create("Edge", List.of("https://edge.test:8092"),
            "rocketskates", true, ProfileSource.USER);

    @BeforeEach
    void open() throws Exception {
        endpoints = new EndpointDouble(settingsDir);
        endpoints.pins.pin("lab.test:8092", EndpointDouble.FINGERPRINT);
        switcher = new EndpointSwitcherViewModel(endpoints.connections, endpoints.profiles, TaskRunner.inline());
        switcher.setOnNeedsUser(dialogsOpened::add);
    }

    @AfterEach
    void close() {
        endpoints.connections.close();
    }

    @Test
    void notConnectedUntilASignInThenTheActiveEndpointIsNamedAndListed() throws Exception {
        assertEquals("Not connected", switcher.labelProperty().get());

        endpoints.connections.connect(lab, Optional.of(EndpointDouble.PASSWORD)).get();

        assertEquals("Lab", switcher.labelProperty().get());
        assertFalse(switcher.insecureProperty().get());
        assertEquals(List.of("Lab"), switcher.profiles().stream().map(EndpointProfile::name).toList());
        assertTrue(switcher.isActive(lab));
        assertEquals(Optional.of(lab.id()), switcher.editableActive().map(EndpointProfile::id));
    }

    @Test
    void switchingWithAKeptTokenNeedsNoDialog() throws Exception {
        endpoints.connections.connect(edge, Optional.of(EndpointDouble.PASSWORD)).get();
        endpoints.connections.connect(lab, Optional.of(EndpointDouble.PASSWORD)).get();

        switcher.switchTo(edge);

        assertEquals("Edge", switcher.labelProperty().get());
        assertEquals(List.of(), dialogsOpened);
    }

    @Test
    void aSwitchThatNeedsAPasswordOrACertificateOpensTheDialogAndTheOldEndpointStays() throws Exception {
        endpoints.connections.connect(lab, Optional.of(EndpointDouble.PASSWORD)).get();
        EndpointProfile noToken = EndpointProfile.create("Fresh", List.of("https://fresh.test:8092"), "rocketskates",
                true, ProfileSource.USER);
        EndpointProfile untrusted = EndpointProfile.create("Other", List.of("https://other.test:8092"),
                "rocketskates", false, ProfileSource.USER);
        endpoints.profiles.save(noToken);

        switcher.switchTo(noToken);
        endpoints.pins.clear(); // Lab's kept token is fine, but its certificate is no longer trusted
        switcher.switchTo(untrusted);

        assertEquals(2, dialogsOpened.size());
        assertInstanceOf(ConnectResult.PasswordNeeded.class, dialogsOpened.get(0));
        assertInstanceOf(ConnectResult.PasswordNeeded.class, dialogsOpened.get(1),
                "no token for Other either: the password comes before the certificate");
        assertEquals("Lab", switcher.labelProperty().get(), "a failed switch leaves the active endpoint");
    }

    @Test
    void anUnreachableEndpointOpensNoDialog() throws Exception {
        endpoints.connections.connect(lab, Optional.of(EndpointDouble.PASSWORD)).get();
        endpoints.connections.disconnect().get();
        endpoints.down.add("lab.test");

        switcher.switchTo(lab);

        assertEquals(List.of(), dialogsOpened, "the status bar tells it");
        assertEquals("Not connected", switcher.labelProperty().get());
    }

    @Test
    void removingTheActiveEndpointSignsOutAndDropsItFromTheList() throws Exception {
        endpoints.connections.connect(lab, Optional.of(EndpointDouble.PASSWORD)).get();

        switcher.remove(lab);
        endpoints.connections.disconnect().get(); // after the removal, on the same connection thread

        assertEquals("Not connected", switcher.labelProperty().get());
        assertEquals(List.of(), switcher.profiles());
    }
}
