package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpAuthException;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpUnreachableException;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the DRP client's side of the contract for connection tests: certificate pinning (unless insecure), the
 * password or a token it issued, and hosts that do not answer. The real client is tested against the sandbox.
 */
public final class FakeEndpoint implements DrpClientFactory {
    public static final String FINGERPRINT = "AA:BB:CC";

    private final String username;
    private volatile String password;
    private final Set<String> issued = ConcurrentHashMap.newKeySet();
    private final Set<String> down = ConcurrentHashMap.newKeySet();
    private int nextToken;
    volatile FakeDrpClient lastClient;

    public FakeEndpoint(String username, String password) {
        this.username = username;
        this.password = password;
    }

    public void takeDown(String url) {
        down.add(url);
    }

    /** Changing the password revokes every token, as changing a DRP user's secret does. */
    void changePassword(String newPassword) {
        password = newPassword;
        issued.clear();
    }

    @Override
    public synchronized SignedInClient connect(DrpEndpoint endpoint, CertificatePins pins) {
        String url = endpoint.urls().stream().filter(u -> !down.contains(u)).findFirst()
                .orElseThrow(() -> new DrpUnreachableException("No answer from " + endpoint.firstUrl(),
                        "Check that the endpoint runs and the address is right", null));
        String hostPort = EndpointUrl.parse(url).hostPort();
        if (!endpoint.insecure() && !pins.pinned(hostPort).map(FINGERPRINT::equals).orElse(false)) {
            throw new UntrustedCertificateException(hostPort, FINGERPRINT, pins.pinned(hostPort).orElse(null),
                    "CN=fake");
        }
        boolean accepted = endpoint.credentials() instanceof DrpCredentials.Password p
                ? p.username().equals(username) && p.password().equals(password)
                : issued.contains(((DrpCredentials.Token) endpoint.credentials()).token());
        if (!accepted) {
            throw new DrpAuthException(403, "AUTH", List.of("Forbidden"));
        }
        String token = "token-" + (++nextToken);
        issued.add(token);
        lastClient = new FakeDrpClient(url, endpoint.insecure());
        IssuedToken current = new IssuedToken(token, Instant.now().plusSeconds(3600));
        return new SignedInClient(lastClient, () -> current);
    }
}
