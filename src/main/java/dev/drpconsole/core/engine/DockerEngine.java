package dev.drpconsole.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Version;
import com.github.dockerjava.api.model.VersionComponent;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ContainerEngine} over docker-java and its Apache HttpClient 5 transport; serves Docker and Podman alike.
 *
 * <p>The API version is deliberately left unset: docker-java does not negotiate, and unversioned requests are
 * answered at the engine's own version, while pinning one newer than the engine's gets HTTP 400.
 */
public final class DockerEngine implements ContainerEngine {

    /** Short, so a dead TCP engine is reported quickly (unix sockets fail at once anyway). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    /** Every followed log and event stream holds one connection. */
    private static final int MAX_CONNECTIONS = 64;

    private final EngineEndpoint endpoint;
    private final DockerClient docker;
    private final EngineErrorTranslator errors;
    private final EngineCalls calls;
    private final DockerContainers containers;
    private final DockerImages images;
    private final Set<EventWatch> openWatches = ConcurrentHashMap.newKeySet();

    private DockerEngine(EngineEndpoint endpoint, DockerClient docker, DockerHttpClient transport) {
        this.endpoint = endpoint;
        this.docker = docker;
        this.errors = new EngineErrorTranslator(endpoint);
        this.calls = new EngineCalls(errors, endpoint.host().toString());
        this.containers = new DockerContainers(docker, calls, new DockerLogs(transport, calls));
        this.images = new DockerImages(docker, calls);
    }

    /**
     * Prepares to talk to the engine at the endpoint. Does no I/O: an absent engine shows on the first call.
     *
     * @throws EngineUnavailableException when the endpoint's TLS certificates cannot be read
     */
    public static DockerEngine open(EngineEndpoint endpoint) {
        DockerClientConfig config = clientConfig(endpoint);
        DockerHttpClient transport = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .connectionTimeout(CONNECT_TIMEOUT)
                .maxConnections(MAX_CONNECTIONS)
                .build();
        return new DockerEngine(endpoint, DockerClientImpl.getInstance(config, transport), transport);
    }

    /** Opens the engine the docker CLI would use, see {@link EngineLocator}. */
    public static DockerEngine locate() {
        return open(EngineLocator.forCurrentUser().locate());
    }

    private static DockerClientConfig clientConfig(EngineEndpoint endpoint) {
        // A bare builder, not createDefaultConfigBuilder(): the locator already decided, and the default builder
        // would also read DOCKER_* variables and ~/.docker-java.properties behind its back.
        DefaultDockerClientConfig.Builder builder = new DefaultDockerClientConfig.Builder()
                .withDockerHost(endpoint.host().toString());
        endpoint.tls().ifPresent(certificates -> {
            checkCertificates(endpoint, certificates);
            builder.withDockerTlsVerify(true).withDockerCertPath(certificates.toString());
        });
        try {
            return builder.build();
        } catch (RuntimeException e) {
            throw new EngineUnavailableException("Cannot use the TLS certificates for " + endpoint.host() + ": "
                    + e.getMessage(), "Check ca.pem, cert.pem and key.pem in " + endpoint.tls().orElse(null), e);
        }
    }

    /**
     * docker-java reads the certificates only when it connects, and then reports a missing or broken one as a cut
     * connection: they are looked at here, so the user hears which file is wrong.
     */
    private static void checkCertificates(EngineEndpoint endpoint, Path directory) {
        String fix = "Put the CA's ca.pem and your cert.pem and key.pem in " + directory + " (as DOCKER_CERT_PATH"
                + " holds them)";
        for (String name : new String[] {"ca.pem", "cert.pem"}) {
            try (InputStream in = Files.newInputStream(directory.resolve(name))) {
                CertificateFactory.getInstance("X.509").generateCertificate(in);
            } catch (IOException | CertificateException e) {
                throw new EngineUnavailableException("Cannot use the TLS certificates for " + endpoint.host() + ": "
                        + directory.resolve(name) + (Files.exists(directory.resolve(name)) ? " is not a PEM certificate"
                        : " does not exist"), fix, e);
            }
        }
        try {
            if (!Files.readString(directory.resolve("key.pem")).contains("PRIVATE KEY-----")) {
                throw new IOException("no PEM private key");
            }
        } catch (IOException e) {
            throw new EngineUnavailableException("Cannot use the TLS certificates for " + endpoint.host() + ": "
                    + directory.resolve("key.pem") + " is not a PEM private key", fix, e);
        }
    }

    @Override
    public EngineEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public EngineInfo info() {
        Version version = calls.answer(() -> docker.versionCmd().exec());
        return toEngineInfo(version, endpoint);
    }

    @Override
    public EngineContainers containers() {
        return containers;
    }

    @Override
    public EngineImages images() {
        return images;
    }

    @Override
    public Closeable watchEvents(EventQuery query, EngineEventListener events, EngineConnectionListener connection) {
        calls.checkOpen();
        EventWatch watch = new EventWatch(docker, errors, query, events, connection, openWatches::remove);
        openWatches.add(watch);
        if (calls.isClosed()) { // closed meanwhile: close() may have missed this watch
            watch.close();
            calls.checkOpen();
        }
        return watch.start();
    }

    /** Later calls fail with a plain "closed" {@link EngineException}; closing twice does nothing more. */
    @Override
    public void close() {
        if (calls.isClosed()) {
            return;
        }
        calls.close();
        // Streams first, so their listeners do not hear the closing client as a lost engine.
        openWatches.forEach(EventWatch::close);
        containers.closeOpenFollows();
        try {
            docker.close();
        } catch (IOException e) {
            // Closing sockets of an engine we are done with; nothing useful to do about a failure.
        }
    }

    static EngineInfo toEngineInfo(Version version, EngineEndpoint endpoint) {
        Optional<VersionComponent> podman = components(version).stream()
                .filter(component -> mentionsPodman(component.getName()))
                .findFirst();
        boolean isPodman = podman.isPresent()
                || version.getPlatform() != null && mentionsPodman(version.getPlatform().getName());
        String productVersion = podman.map(VersionComponent::getVersion).orElse(version.getVersion());
        return new EngineInfo(isPodman ? EngineProduct.PODMAN : EngineProduct.DOCKER, productVersion,
                version.getApiVersion(), version.getOperatingSystem(), version.getArch(), endpoint.host(),
                endpoint.source());
    }

    private static List<VersionComponent> components(Version version) {
        return version.getComponents() == null ? List.of() : version.getComponents();
    }

    private static boolean mentionsPodman(String name) {
        return name != null && name.toLowerCase(Locale.ROOT).contains("podman");
    }
}
