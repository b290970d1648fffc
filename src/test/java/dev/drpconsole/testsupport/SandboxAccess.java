package dev.drpconsole.testsupport;

import dev.drpconsole.core.connection.SandboxLogin;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.sandbox.auth.AdminPassword;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * How a test reaches an in-process sandbox as its admin, over real HTTPS: the endpoint, the certificate pinned as
 * the user would after the first-use prompt, a signed-in real client, and a plain JDK HTTP client that trusts
 * exactly the sandbox's certificate (so every raw call also proves the certificate names the host).
 */
public final class SandboxAccess {
    private SandboxAccess() {
    }

    /** The base URL without its trailing slash, e.g. {@code https://127.0.0.1:40123}. */
    public static String url(SandboxServer server) {
        return server.url().toString().replaceAll("/$", "");
    }

    public static String hostPort(SandboxServer server) {
        return server.url().getHost() + ":" + server.url().getPort();
    }

    /** The endpoint with the admin's password. */
    public static DrpEndpoint endpoint(SandboxServer server) {
        return new DrpEndpoint(List.of(url(server)), new DrpCredentials.Password(AdminPassword.ADMIN_USER,
                server.adminPassword().password()), false);
    }

    /** What the console's sandbox starter reports for this sandbox (as if the console had started it). */
    public static SandboxLogin login(SandboxServer server, boolean onDrpPort) {
        return new SandboxLogin(url(server), AdminPassword.ADMIN_USER, server.adminPassword().password(),
                server.adminPassword().file(), server.certificate().sha256Fingerprint(), onDrpPort,
                server.runnerEngine());
    }

    /** The sandbox's certificate, pinned. */
    public static MemoryCertificatePins pinned(SandboxServer server) {
        MemoryCertificatePins pins = new MemoryCertificatePins();
        pins.pin(hostPort(server), server.certificate().sha256Fingerprint());
        return pins;
    }

    /** A new real client signed in as the admin; the caller closes it. */
    public static OkHttpDrpClient connect(SandboxServer server) {
        return OkHttpDrpClient.connect(endpoint(server), pinned(server));
    }

    /** The {@code Authorization} header of the admin's password. */
    public static String adminAuthorization(SandboxServer server) {
        return "Basic " + Base64.getEncoder().encodeToString((AdminPassword.ADMIN_USER + ":"
                + server.adminPassword().password()).getBytes(StandardCharsets.UTF_8));
    }

    /** A JDK HTTP/1.1 client that trusts the sandbox's certificate and nothing else. */
    public static HttpClient httpClient(SandboxServer server) {
        return HttpClient.newBuilder().sslContext(trusting(server)).version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    private static SSLContext trusting(SandboxServer server) {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            trusted.setCertificateEntry("sandbox", server.certificate().certificate());
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new AssertionError("Cannot trust the sandbox certificate: " + e, e);
        }
    }
}
