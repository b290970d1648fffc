package dev.drpconsole.core.drp;

import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.SandboxStartException;
import dev.drpconsole.testsupport.SandboxAccess;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The project's real sandbox endpoint, started in-process over HTTPS, plus a plain JDK HTTP client for the few
 * calls the DRP client has no method for (asking for the next job, appending to a job log).
 */
final class SandboxFixture implements AutoCloseable {
    final SandboxServer server;
    private final HttpClient raw;

    private SandboxFixture(SandboxServer server) {
        this.server = server;
        this.raw = SandboxAccess.httpClient(server);
    }

    static SandboxFixture start(Path dataDir) throws SandboxStartException {
        return start(dataDir, 0);
    }

    static SandboxFixture start(Path dataDir, int port) throws SandboxStartException {
        return new SandboxFixture(SandboxServer.start(SandboxConfig.inDataDir(dataDir).withPort(port)
                .withoutRunners()));
    }

    String url() {
        return SandboxAccess.url(server);
    }

    String hostPort() {
        return SandboxAccess.hostPort(server);
    }

    String fingerprint() {
        return server.certificate().sha256Fingerprint();
    }

    DrpEndpoint endpoint() {
        return SandboxAccess.endpoint(server);
    }

    /** Pins the sandbox's certificate, as the user would after the first-use prompt. */
    MemoryCertificatePins pinned() {
        return SandboxAccess.pinned(server);
    }

    OkHttpDrpClient connect() {
        return SandboxAccess.connect(server);
    }

    /** A raw call as the admin; returns status and body. */
    HttpResponse<String> send(String method, String path, String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/api/v3/" + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", SandboxAccess.adminAuthorization(server))
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

    @Override
    public void close() {
        server.close();
    }
}
