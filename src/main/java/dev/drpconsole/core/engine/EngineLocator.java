package dev.drpconsole.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the engine the way the docker CLI does, so the console talks to the same engine as {@code docker} in the
 * user's terminal. In order:
 * <ol>
 * <li>{@code DOCKER_HOST} (with {@code DOCKER_TLS_VERIFY} / {@code DOCKER_CERT_PATH});</li>
 * <li>the docker CLI context named by {@code DOCKER_CONTEXT}, else by {@code currentContext} in
 * {@code $DOCKER_CONFIG/config.json} (default {@code ~/.docker}), whose endpoint is in
 * {@code contexts/meta/<sha256 of the name>/meta.json};</li>
 * <li>the default socket {@code /var/run/docker.sock};</li>
 * <li>Podman's sockets {@code /run/podman/podman.sock} and {@code $XDG_RUNTIME_DIR/podman/podman.sock}.</li>
 * </ol>
 * When no socket exists it still answers the default socket, with a source saying none was found, so the UI can
 * show where it looked; connecting then fails with a fix hint.
 */
public final class EngineLocator {

    static final String DEFAULT_SOCKET = "/var/run/docker.sock";
    static final String PODMAN_ROOTFUL_SOCKET = "/run/podman/podman.sock";
    private static final Set<String> USABLE_SCHEMES = Set.of("unix", "tcp", "npipe");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> environment;
    private final Path userHome;
    private final Path fileSystemRoot;

    /**
     * @param environment    environment variables to honour (tests pass their own)
     * @param userHome       the user's home, where {@code .docker} lives
     * @param fileSystemRoot prefix for the well-known absolute socket paths; "/" except in tests
     */
    public EngineLocator(Map<String, String> environment, Path userHome, Path fileSystemRoot) {
        this.environment = Map.copyOf(environment);
        this.userHome = Objects.requireNonNull(userHome, "userHome");
        this.fileSystemRoot = Objects.requireNonNull(fileSystemRoot, "fileSystemRoot");
    }

    /** A locator for this process: its environment, its user's home, the real file system. */
    public static EngineLocator forCurrentUser() {
        return new EngineLocator(System.getenv(), Path.of(System.getProperty("user.home")), Path.of("/"));
    }

    /**
     * @throws EngineUnavailableException when the configuration names an engine that cannot be used (an unusable
     *                                    DOCKER_HOST, a context without metadata), with a fix hint
     */
    public EngineEndpoint locate() {
        return fromDockerHost()
                .or(this::fromDockerContext)
                .or(this::fromWellKnownSockets)
                .orElseGet(this::noSocketFound);
    }

    /**
     * The engine of a docker CLI context by name ({@code docker context ls}); "default" is the CLI's own default.
     *
     * @throws EngineUnavailableException when there is no such context, with a fix hint
     */
    public EngineEndpoint context(String name) {
        return name.equals("default") ? fromWellKnownSockets().orElseGet(this::noSocketFound)
                : contextEndpoint(name, false);
    }

    private Optional<EngineEndpoint> fromDockerHost() {
        return env("DOCKER_HOST").map(value -> new EngineEndpoint(
                parseHost(value, "DOCKER_HOST", "Set DOCKER_HOST to unix:///path/to/docker.sock or tcp://host:port,"
                        + " or unset it"),
                "DOCKER_HOST", tlsFromEnvironment()));
    }

    private Path tlsFromEnvironment() {
        // Like the docker CLI: any non-empty value turns verification on, even "0".
        boolean verify = env("DOCKER_TLS_VERIFY").isPresent();
        return verify ? env("DOCKER_CERT_PATH").map(Path::of).orElse(dockerConfigDirectory()) : null;
    }

    private Optional<EngineEndpoint> fromDockerContext() {
        Optional<String> fromEnvironment = env("DOCKER_CONTEXT");
        Optional<String> name = fromEnvironment.or(this::currentContextInConfig);
        // "default" is the CLI's name for "no context": its engine is the default socket.
        return name.filter(context -> !context.equals("default"))
                .map(context -> contextEndpoint(context, fromEnvironment.isPresent()));
    }

    private Optional<String> currentContextInConfig() {
        Path config = dockerConfigDirectory().resolve("config.json");
        if (!Files.isRegularFile(config)) {
            return Optional.empty();
        }
        JsonNode current = readJson(config, "Fix or remove " + config).path("currentContext");
        return Optional.of(current.asText("")).filter(text -> !text.isBlank());
    }

    private EngineEndpoint contextEndpoint(String context, boolean fromEnvironment) {
        String source = "docker context '" + context + "'" + (fromEnvironment ? " (DOCKER_CONTEXT)" : "");
        String hash = sha256Hex(context);
        Path meta = dockerConfigDirectory().resolve("contexts/meta").resolve(hash).resolve("meta.json");
        String switchBack = "Select an existing context: docker context use default";
        if (!Files.isRegularFile(meta)) {
            throw new EngineUnavailableException(
                    "The selected " + source + " does not exist (no " + meta + ")", switchBack, null);
        }
        JsonNode docker = readJson(meta, switchBack).path("Endpoints").path("docker");
        String host = docker.path("Host").asText("");
        if (host.isBlank()) {
            throw new EngineUnavailableException(
                    "The selected " + source + " has no Docker endpoint in " + meta, switchBack, null);
        }
        return new EngineEndpoint(parseHost(host, source, switchBack), source, contextTls(hash, docker));
    }

    private Path contextTls(String contextHash, JsonNode dockerEndpoint) {
        Path tls = dockerConfigDirectory().resolve("contexts/tls").resolve(contextHash).resolve("docker");
        boolean skipVerify = dockerEndpoint.path("SkipTLSVerify").asBoolean(false);
        return !skipVerify && Files.isDirectory(tls) ? tls : null;
    }

    private Optional<EngineEndpoint> fromWellKnownSockets() {
        return socketIfPresent(underRoot(DEFAULT_SOCKET), "default socket")
                .or(() -> socketIfPresent(underRoot(PODMAN_ROOTFUL_SOCKET), "Podman socket"))
                .or(() -> env("XDG_RUNTIME_DIR").flatMap(runtimeDir -> socketIfPresent(
                        Path.of(runtimeDir, "podman", "podman.sock"), "Podman (rootless) socket")));
    }

    private EngineEndpoint noSocketFound() {
        return EngineEndpoint.of(unixUri(underRoot(DEFAULT_SOCKET)),
                "default socket (not found; no DOCKER_HOST, no docker context, no Podman socket either)");
    }

    private static Optional<EngineEndpoint> socketIfPresent(Path socket, String source) {
        return Files.exists(socket) ? Optional.of(EngineEndpoint.of(unixUri(socket), source)) : Optional.empty();
    }

    private Path underRoot(String absolutePath) {
        return fileSystemRoot.resolve(absolutePath.substring(1));
    }

    private Path dockerConfigDirectory() {
        return env("DOCKER_CONFIG").map(Path::of).orElse(userHome.resolve(".docker"));
    }

    private Optional<String> env(String name) {
        return Optional.ofNullable(environment.get(name)).map(String::trim).filter(value -> !value.isEmpty());
    }

    private static URI parseHost(String value, String source, String fixHint) {
        try {
            URI uri = new URI(value);
            if (uri.getScheme() == null || !USABLE_SCHEMES.contains(uri.getScheme())) {
                throw new EngineUnavailableException("The engine address '" + value + "' from " + source
                        + " is not one the console can use (only unix://, tcp:// and npipe://)", fixHint, null);
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new EngineUnavailableException(
                    "The engine address '" + value + "' from " + source + " is not a valid address", fixHint, e);
        }
    }

    private static URI unixUri(Path socket) {
        return URI.create("unix://" + socket.toAbsolutePath());
    }

    private static JsonNode readJson(Path file, String fixHint) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot read " + file + ": " + e.getMessage(), fixHint, e);
        }
    }

    /** The docker CLI stores a context's files under the SHA-256 of its name. */
    static String sha256Hex(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
