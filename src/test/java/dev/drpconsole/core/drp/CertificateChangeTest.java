package dev.drpconsole.core.drp;

import dev.drpconsole.core.connection.FileCertificatePins;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A different server (another certificate) answering at a pinned address is refused, showing both fingerprints. */
@Tag("sandbox")
class CertificateChangeTest {

    @Test
    void anotherCertificateOnThePinnedAddressIsRefused(@TempDir Path first, @TempDir Path second,
                                                       @TempDir Path settings) throws Exception {
        FileCertificatePins pins = FileCertificatePins.load(settings);
        String pinned;
        int port;
        try (SandboxFixture original = SandboxFixture.start(first)) {
            port = original.server.port();
            pinned = original.fingerprint();
            UntrustedCertificateException firstUse = assertThrows(UntrustedCertificateException.class,
                    () -> OkHttpDrpClient.connect(original.endpoint(), pins));
            pins.pin(firstUse.hostPort(), firstUse.presentedSha256()); // the user said "trust it"
            try (OkHttpDrpClient client = OkHttpDrpClient.connect(original.endpoint(), pins)) {
                assertFalse(client.info().version().isEmpty());
            }
        }
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(
                settings.resolve("certificate-pins.json"))));

        try (SandboxFixture impostor = SandboxFixture.start(second, port)) {
            assertNotEquals(pinned, impostor.fingerprint());
            UntrustedCertificateException changed = assertThrows(UntrustedCertificateException.class,
                    () -> OkHttpDrpClient.connect(impostor.endpoint(), FileCertificatePins.load(settings)));
            assertFalse(changed.isFirstUse());
            assertEquals(Optional.of(pinned), changed.pinnedSha256());
            assertEquals(impostor.fingerprint(), changed.presentedSha256());
            assertTrue(changed.getMessage().contains("changed"), changed.getMessage());
        }
    }
}
