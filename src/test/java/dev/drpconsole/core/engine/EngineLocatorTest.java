package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EngineLocatorTest {

    @TempDir
    Path root;
    Path home;
    final Map<String, String> env = new HashMap<>();

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createDirectories(root.resolve("home/user"));
    }

    @Test
    void dockerHostWinsOverEverythingElse() throws IOException {
        env.put("DOCKER_HOST", "tcp://engine.example:2375");
        selectContext("remote", "unix:///ctx.sock");
        createSocket("var/run/docker.sock");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("tcp://engine.example:2375"), endpoint.host());
        assertEquals("DOCKER_HOST", endpoint.source());
        assertTrue(endpoint.tls().isEmpty());
    }

    @Test
    void dockerHostWithTlsVerifyUsesTheCertPath() {
        env.put("DOCKER_HOST", "tcp://engine.example:2376");
        env.put("DOCKER_TLS_VERIFY", "1");
        env.put("DOCKER_CERT_PATH", "/certs");

        assertEquals(Path.of("/certs"), locate().tlsCertificates());
    }

    @Test
    void dockerHostWithTlsVerifyButNoCertPathUsesTheDockerConfigDirectory() {
        env.put("DOCKER_HOST", "tcp://engine.example:2376");
        env.put("DOCKER_TLS_VERIFY", "1");

        assertEquals(home.resolve(".docker"), locate().tlsCertificates());
    }

    @Test
    void blankDockerHostIsIgnored() throws IOException {
        env.put("DOCKER_HOST", "  ");
        createSocket("var/run/docker.sock");

        assertEquals("default socket", locate().source());
    }

    @Test
    void dockerHostTheConsoleCannotUseIsATypedErrorWithAFix() {
        env.put("DOCKER_HOST", "ssh://me@engine.example");

        EngineUnavailableException error = assertThrows(EngineUnavailableException.class, this::locate);

        assertTrue(error.reason().contains("ssh://me@engine.example"), error.reason());
        assertTrue(error.reason().contains("DOCKER_HOST"), error.reason());
        assertTrue(error.fixHint().contains("unix://"), error.fixHint());
    }

    @Test
    void malformedDockerHostIsATypedError() {
        env.put("DOCKER_HOST", "unix://bad path with spaces");

        assertThrows(EngineUnavailableException.class, this::locate);
    }

    @Test
    void currentContextOfTheDockerConfigIsUsed() throws IOException {
        selectContext("lab", "unix:///run/lab/docker.sock");
        createSocket("var/run/docker.sock");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix:///run/lab/docker.sock"), endpoint.host());
        assertEquals("docker context 'lab'", endpoint.source());
        assertTrue(endpoint.tls().isEmpty());
    }

    @Test
    void dockerConfigVariableMovesTheConfigDirectory() throws IOException {
        Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
        env.put("DOCKER_CONFIG", elsewhere.toString());
        writeContext(elsewhere, "moved", "tcp://moved.example:2375");
        Files.writeString(elsewhere.resolve("config.json"), "{\"currentContext\":\"moved\"}");

        assertEquals(URI.create("tcp://moved.example:2375"), locate().host());
    }

    @Test
    void dockerContextVariableWinsOverTheConfigsCurrentContext() throws IOException {
        selectContext("lab", "unix:///run/lab/docker.sock");
        writeContext(home.resolve(".docker"), "ci", "tcp://ci.example:2375");
        env.put("DOCKER_CONTEXT", "ci");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("tcp://ci.example:2375"), endpoint.host());
        assertEquals("docker context 'ci' (DOCKER_CONTEXT)", endpoint.source());
    }

    @Test
    void theDefaultContextMeansTheDefaultSocket() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"default\"}");
        Path socket = createSocket("var/run/docker.sock");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix://" + socket), endpoint.host());
        assertEquals("default socket", endpoint.source());
    }

    @Test
    void configWithoutCurrentContextFallsThroughToTheSockets() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{}}");
        createSocket("var/run/docker.sock");

        assertEquals("default socket", locate().source());
    }

    @Test
    void selectedContextWithoutMetadataIsATypedErrorWithAFix() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"currentContext\":\"gone\"}");

        EngineUnavailableException error = assertThrows(EngineUnavailableException.class, this::locate);

        assertTrue(error.reason().contains("docker context 'gone'"), error.reason());
        assertTrue(error.fixHint().contains("docker context use default"), error.fixHint());
    }

    @Test
    void contextWithoutADockerEndpointIsATypedError() throws IOException {
        Path meta = home.resolve(".docker/contexts/meta/" + EngineLocator.sha256Hex("bare"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"bare\",\"Endpoints\":{}}");
        env.put("DOCKER_CONTEXT", "bare");

        assertThrows(EngineUnavailableException.class, this::locate);
    }

    @Test
    void unreadableConfigIsATypedError() throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{not json");

        EngineUnavailableException error = assertThrows(EngineUnavailableException.class, this::locate);

        assertTrue(error.reason().contains("config.json"), error.reason());
    }

    @Test
    void contextWithTlsMaterialUsesIt() throws IOException {
        selectContext("secure", "tcp://secure.example:2376");
        Path tls = Files.createDirectories(
                home.resolve(".docker/contexts/tls/" + EngineLocator.sha256Hex("secure") + "/docker"));

        assertEquals(tls, locate().tlsCertificates());
    }

    @Test
    void contextThatSkipsTlsVerificationUsesNoCertificates() throws IOException {
        Path meta = home.resolve(".docker/contexts/meta/" + EngineLocator.sha256Hex("lax"));
        Files.createDirectories(meta);
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"lax\",\"Endpoints\":{\"docker\":"
                + "{\"Host\":\"tcp://lax.example:2376\",\"SkipTLSVerify\":true}}}");
        Files.createDirectories(home.resolve(".docker/contexts/tls/" + EngineLocator.sha256Hex("lax") + "/docker"));
        env.put("DOCKER_CONTEXT", "lax");

        assertTrue(locate().tls().isEmpty());
    }

    @Test
    void defaultSocketIsPreferredOverPodman() throws IOException {
        Path docker = createSocket("var/run/docker.sock");
        createSocket("run/podman/podman.sock");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix://" + docker), endpoint.host());
        assertEquals("default socket", endpoint.source());
        assertTrue(endpoint.isUnixSocket());
    }

    @Test
    void rootfulPodmanSocketWhenDockerHasNone() throws IOException {
        Path podman = createSocket("run/podman/podman.sock");

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix://" + podman), endpoint.host());
        assertEquals("Podman socket", endpoint.source());
    }

    @Test
    void rootlessPodmanSocketUnderTheRuntimeDirectory() throws IOException {
        Path runtimeDir = Files.createDirectories(root.resolve("run/user/1000"));
        Path podman = createSocket("run/user/1000/podman/podman.sock");
        env.put("XDG_RUNTIME_DIR", runtimeDir.toString());

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix://" + podman), endpoint.host());
        assertEquals("Podman (rootless) socket", endpoint.source());
    }

    @Test
    void noSocketAnywhereStillNamesTheDefaultSocketAndSaysNoneWasFound() {
        env.put("XDG_RUNTIME_DIR", root.resolve("run/user/1000").toString());

        EngineEndpoint endpoint = locate();

        assertEquals(URI.create("unix://" + root.resolve("var/run/docker.sock")), endpoint.host());
        assertTrue(endpoint.source().startsWith("default socket (not found"), endpoint.source());
        assertFalse(endpoint.tls().isPresent());
    }

    @Test
    void contextDirectoriesAreNamedBySha256OfTheContextName() {
        assertEquals("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                EngineLocator.sha256Hex("foo"));
    }

    private EngineEndpoint locate() {
        return new EngineLocator(env, home, root).locate();
    }

    private void selectContext(String name, String host) throws IOException {
        Path config = home.resolve(".docker");
        writeContext(config, name, host);
        Files.writeString(config.resolve("config.json"), "{\"auths\":{},\"currentContext\":\"" + name + "\"}");
    }

    private static void writeContext(Path configDir, String name, String host) throws IOException {
        Path meta = Files.createDirectories(configDir.resolve("contexts/meta/" + EngineLocator.sha256Hex(name)));
        Files.writeString(meta.resolve("meta.json"), "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":"
                + "{\"docker\":{\"Host\":\"" + host + "\",\"SkipTLSVerify\":false}}}");
    }

    /** A stand-in socket file: the locator only checks that the path exists. */
    private Path createSocket(String relativePath) throws IOException {
        Path socket = root.resolve(relativePath);
        Files.createDirectories(socket.getParent());
        return Files.createFile(socket);
    }
}
