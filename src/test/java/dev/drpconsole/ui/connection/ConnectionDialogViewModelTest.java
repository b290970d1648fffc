package dev.drpconsole.ui.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.connection.EndpointProfile;
import dev.drpconsole.core.connection.ProfileSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connection form's logic over the real DrpConnections and endpoints in memory, every task inline: what it
 * says while the user types, and how each way a sign-in ends is told.
 */
class ConnectionDialogViewModelTest {
    @TempDir
    Path settingsDir;
    private EndpointDouble endpoints;
    private ConnectionDialogViewModel form;

    @BeforeEach
    void open() {
        endpoints = new EndpointDouble(settingsDir);
        form = new ConnectionDialogViewModel(endpoints.connections, endpoints.profiles, Optional.empty(),
                Optional.empty(), TaskRunner.inline());
    }

    @AfterEach
    void close() {
        endpoints.connections.close();
    }

    @Test
    void anEmptyAddressStaysQuietUntilConnectThenSaysWhatToEnter() {
        assertEquals("", form.urlErrorProperty().get());

        form.connect();

        assertEquals("Enter the endpoint's address, e.g. https://drp.example.com:8092", form.urlErrorProperty().get());
        assertFalse(form.canConnectProperty().get());
    }

    @Test
    void plainHttpIsRefusedUntilTheUserInsists() {
        form.urlsProperty().set("http://lab.test:8091");

        assertTrue(form.plainHttpProperty().get());
        assertEquals(ConnectionDialogViewModel.PLAIN_HTTP_REFUSED, form.urlErrorProperty().get());
        form.sendUnencryptedProperty().set(true);
        assertEquals("", form.urlErrorProperty().get());
    }

    @Test
    void aNameAnotherEndpointHasIsSaid() {
        endpoints.profiles.save(EndpointProfile.create("Lab", List.of("https://other.test:8092"), "rocketskates",
                false, ProfileSource.USER));

        form.urlsProperty().set("https://lab.test");
        form.nameProperty().set("Lab");

        assertEquals("There is already an endpoint called Lab", form.nameErrorProperty().get());
        assertFalse(form.canConnectProperty().get());
    }

    @Test
    void aFirstConnectionAsksToTrustTheCertificateThenSignsIn() {
        form.urlsProperty().set("https://lab.test");
        form.passwordProperty().set(EndpointDouble.PASSWORD);

        form.connect();

        assertNotNull(form.pendingTrustProperty().get(), "the certificate is shown to the user");
        assertTrue(form.pendingTrustProperty().get().isFirstUse());
        assertFalse(form.connectedProperty().get());

        form.decideTrust(true);

        assertNull(form.pendingTrustProperty().get());
        assertEquals(EndpointDouble.FINGERPRINT, endpoints.pins.pinned("lab.test:8092").orElse(null), "pinned");
        assertTrue(form.connectedProperty().get());
        assertEquals("", form.passwordProperty().get(), "the password is not kept once signed in");
        assertFalse(form.busyProperty().get());
        assertEquals("lab.test", endpoints.connections.active().orElseThrow().profile().name(),
                "a blank name is taken from the host");
    }

    @Test
    void aDeclinedCertificateLeavesTheUserNotConnectedAndSaysWhy() {
        form.urlsProperty().set("https://lab.test");
        form.passwordProperty().set(EndpointDouble.PASSWORD);
        form.connect();

        form.decideTrust(false);

        assertEquals("Not connected: the certificate of lab.test:8092 was not trusted.", form.errorProperty().get());
        assertFalse(form.connectedProperty().get());
        assertTrue(endpoints.pins.isEmpty());
    }

    @Test
    void aWrongPasswordIsSaidAndTheFormCanConnectAgain() {
        endpoints.pins.pin("lab.test:8092", EndpointDouble.FINGERPRINT);
        form.urlsProperty().set("https://lab.test");
        form.passwordProperty().set("wrong");

        form.connect();

        assertEquals("The user name or password was refused. Check both and try again.", form.errorProperty().get());
        assertTrue(form.canConnectProperty().get());

        form.passwordProperty().set(EndpointDouble.PASSWORD);
        form.connect();

        assertEquals("", form.errorProperty().get(), "a new attempt clears the old error");
        assertTrue(form.connectedProperty().get());
    }

    @Test
    void anEndpointThatDoesNotAnswerIsSaidWithWhatToCheck() {
        endpoints.down.add("gone.test");
        form.urlsProperty().set("https://gone.test");
        form.passwordProperty().set(EndpointDouble.PASSWORD);

        form.connect();

        assertEquals("Nothing answers at gone.test:8092. Is DRP running there?", form.errorProperty().get());
        assertFalse(form.busyProperty().get());
    }

    @Test
    void withoutAPasswordOrAKeptTokenTheFormAsksForThePassword() {
        endpoints.pins.pin("lab.test:8092", EndpointDouble.FINGERPRINT);
        form.urlsProperty().set("https://lab.test");

        form.connect();

        assertEquals("Enter the password for rocketskates at https://lab.test:8092.", form.errorProperty().get());
    }
}
