package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTokenVaultTest {
    @TempDir
    Path settingsDir;

    @Test
    void tokensArePrivateToTheUserAndSurviveARestart() throws Exception {
        Path dir = settingsDir.resolve("secrets");
        IssuedToken token = new IssuedToken("tok-123", Instant.parse("2030-01-01T00:00:00Z"));
        new FileTokenVault(dir).store("profile-1", token);

        assertEquals(Optional.of(token), new FileTokenVault(dir).read("profile-1"));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rw-------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dir.resolve(FileTokenVault.FILE_NAME))));
    }

    @Test
    void removeForgetsOnlyThatProfile() {
        FileTokenVault vault = new FileTokenVault(settingsDir.resolve("secrets"));
        vault.store("a", new IssuedToken("tok-a", null));
        vault.store("b", new IssuedToken("tok-b", null));
        vault.remove("a");
        assertEquals(Optional.empty(), vault.read("a"));
        assertEquals("tok-b", vault.read("b").orElseThrow().value());
        assertTrue(vault.read("b").orElseThrow().expiry().isEmpty(), "an unknown expiry stays unknown");
    }

    @Test
    void aLooseExistingDirectoryIsTightened() throws Exception {
        Path dir = Files.createDirectory(settingsDir.resolve("secrets"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        new FileTokenVault(dir).store("a", new IssuedToken("tok", null));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test
    void withoutSecretToolOrABusTheFileIsUsed() {
        TokenVault vault = TokenVault.preferred(settingsDir, Map.of("PATH", settingsDir.toString()));
        vault.store("a", new IssuedToken("tok", null));
        assertTrue(vault.whereKept().startsWith("a private file"));
        assertTrue(Files.exists(settingsDir.resolve("secrets").resolve(FileTokenVault.FILE_NAME)));
        KeyringUnavailableException noTool = assertThrows(KeyringUnavailableException.class,
                () -> SecretToolTokenVault.open(Map.of("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nowhere",
                        "PATH", settingsDir.toString())));
        assertTrue(noTool.getMessage().contains("secret-tool is not installed"), noTool.getMessage());
        assertTrue(vault.whereKept().contains("the system keyring could not be used (no D-Bus session bus"),
                vault.whereKept());
    }

    @Test
    void tokensAreNeverPrinted() {
        assertTrue(!new IssuedToken("tok-123", null).toString().contains("tok-123"));
    }
}
