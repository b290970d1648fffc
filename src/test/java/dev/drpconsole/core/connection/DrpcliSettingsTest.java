package dev.drpconsole.core.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** drpcli's own rules (cli/startup.go): the environment first, then ~/.drpclirc on top of it. */
@Tag("engine")
class DrpcliSettingsTest {
    @TempDir
    Path home;

    @Test
    void nothingSetMeansNothingFound() {
        assertTrue(DrpcliSettings.read(Map.of("HOME", home.toString()), home).isEmpty());
    }

    @Test
    void environmentEndpointAndKey() {
        DrpcliSettings settings = read(Map.of("RS_ENDPOINT", "https://drp.lab:8092", "RS_KEY", "alice:s3cret"));
        assertEquals(List.of("https://drp.lab:8092"), settings.endpoints());
        assertEquals(new DrpCredentials.Password("alice", "s3cret"), settings.credentials());
        assertTrue(settings.fromEnvironment());
        assertEquals("RS_ENDPOINT=https://drp.lab:8092 (environment), RS_KEY=alice:**** (environment)",
                settings.summary());
        assertFalse(settings.toString().contains("s3cret"));
    }

    @Test
    void endpointsListIsSpaceSeparatedAndRsEndpointReplacesIt() {
        assertEquals(List.of("https://a:8092", "https://b:8092"),
                read(Map.of("RS_ENDPOINTS", "https://a:8092 https://b:8092")).endpoints());
        assertEquals(List.of("https://c:8092"),
                read(Map.of("RS_ENDPOINTS", "https://a:8092 https://b:8092", "RS_ENDPOINT", "https://c:8092"))
                        .endpoints());
    }

    @Test
    void aTokenIsUsedInsteadOfTheKey() {
        DrpcliSettings settings = read(Map.of("RS_TOKEN", "tok", "RS_KEY", "alice:s3cret"));
        assertEquals(new DrpCredentials.Token("alice", "tok"), settings.credentials());
        assertEquals(Optional.empty(), settings.password());
        assertEquals(List.of("https://127.0.0.1:8092"), settings.endpoints(), "drpcli's default endpoint");
    }

    @Test
    void drpclircAloneIsFoundButIsNoReasonToConnectAtStartup() throws Exception {
        Files.writeString(home.resolve(".drpclirc"), """
                # my endpoint
                RS_ENDPOINT=https://rc.lab:8092
                RS_USERNAME=bob
                RS_PASSWORD=pw=with=equals
                RS_ENDPOINTS=https://ignored:8092
                """);
        DrpcliSettings settings = read(Map.of());
        assertEquals(List.of("https://rc.lab:8092"), settings.endpoints());
        assertEquals(new DrpCredentials.Password("bob", "pw=with=equals"), settings.credentials());
        assertFalse(settings.fromEnvironment());
        assertEquals("drpcli settings", settings.profile(Optional.empty()).name());
        assertEquals(ProfileSource.DRPCLI, settings.profile(Optional.empty()).source());
    }

    @Test
    void theFileIsReadAfterTheEnvironmentSoItWinsAsInDrpcli() throws Exception {
        Files.writeString(home.resolve(".drpclirc"), "RS_ENDPOINT=https://rc.lab\nRS_KEY=bob:pw\nRS_KEY=broken\n");
        DrpcliSettings settings = read(Map.of("RS_ENDPOINT", "https://env.lab:8092", "RS_KEY", "alice:s3cret"));
        assertEquals(List.of("https://rc.lab"), settings.endpoints());
        assertEquals("https://rc.lab:8092", settings.profile(Optional.empty()).firstUrl(), "normalized");
        assertEquals(new DrpCredentials.Password("bob", "pw"), settings.credentials(), "a broken key is skipped");
        assertTrue(settings.fromEnvironment());
    }

    private DrpcliSettings read(Map<String, String> env) {
        return DrpcliSettings.read(env, home).orElseThrow();
    }
}
