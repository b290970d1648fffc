package dev.drpconsole.core.drp;

import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.SandboxStartException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The project's real sandbox endpoint, started in-process over HTTPS, plus a plain JDK HTTP client for the few
 * calls the DRP client has no method for (asking for the next job, appending to a job log).
 */
final class SandboxFixture implements AutoCloseable {
    final SandboxServer server;
    private final HttpClient raw;

    private SandboxFixture(SandboxServer server) {
        this.server = server;
        this.raw = HttpClient.newBuilder().sslContext(trusting(server.certificate().certificate()))
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    }

    static SandboxFixture start(Path dataDir) throws SandboxStartException {
        return start(dataDir, 0);
    }

    static SandboxFixture start(Path dataDir, int port) throws SandboxStartException {
        return new SandboxFixture(SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(port)
                .withRunnerEngine(false)));
    }

    String url() {
        return server.url().toString().replaceAll("/$", "");
    }

    String hostPort() {
        return server.url().getHost() + ":" + server.url().getPort();
    }

    String fingerprint() {
        return server.certificate().sha256Fingerprint();
    }

    DrpEndpoint endpoint() {
        return new DrpEndpoint(List.of(url()), new DrpCredentials.Password("rocketskates",
                server.adminPassword().password()), false);
    }

    /** Pins the sandbox's certificate, as the user would after the first-use prompt. */
    MemoryCertificatePins pinned() {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(hostPort(), fingerprint());
        return pins;
    }

    OkHttpDrpClient connect() {
        return OkHttpDrpClient.connect(endpoint(), pinned());
    }

    /** A raw call as the admin; returns status and body. */
    HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v3/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(("rocketskates:"
                        + server.adminPassword().password()).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return raw.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static SSLContext trusting(X509Certificate certificate) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("sandbox", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new AssertionError("Cannot trust the sandbox certificate: " + e, e);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}
