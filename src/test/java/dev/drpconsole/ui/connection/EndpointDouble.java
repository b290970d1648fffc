package dev.drpconsole.ui.connection;

import dev.drpconsole.core.connection.DrpClientFactory;
import dev.drpconsole.core.connection.DrpConnections;
import dev.drpconsole.core.connection.EndpointProfiles;
import dev.drpconsole.core.connection.EndpointUrl;
import dev.drpconsole.core.connection.IssuedToken;
import dev.drpconsole.core.connection.SandboxUnavailableException;
import dev.drpconsole.core.connection.SignedInClient;
import dev.drpconsole.core.connection.TokenVault;
import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpAuthException;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.DrpUnreachableException;
import dev.drpconsole.core.drp.InMemoryDrpClient;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.UntrustedCertificateException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The console's real {@link DrpConnections} over endpoints in memory, for connection view-model tests without a
 * sandbox or sockets: every endpoint presents {@link #FINGERPRINT} (trusted once pinned) and accepts
 * {@link #PASSWORD} for any user, or the token it issued; the hosts in {@link #down} do not answer.
 */
final class EndpointDouble implements DrpClientFactory {
    static final String PASSWORD = "r0cketsk8ts";
    static final String FINGERPRINT = "AB:CD:EF";
    private static final String TOKEN = "issued-token";

    final EndpointProfiles profiles;
    final DrpConnections connections;
    final MemoryCertificatePins pins = new MemoryCertificatePins();
    final Set<String> down = ConcurrentHashMap.newKeySet();

    EndpointDouble(Path settingsDir) {
        profiles = EndpointProfiles.load(settingsDir, Runnable::run);
        connections = new DrpConnections(profiles, new Tokens(), pins, this, () -> {
            throw new SandboxUnavailableException("no sandbox in this test");
        });
    }

    @Override
    public SignedInClient connect(DrpEndpoint endpoint, CertificatePins pinned) {
        EndpointUrl url = EndpointUrl.parse(endpoint.firstUrl());
        if (down.contains(url.host())) {
            throw new DrpUnreachableException("Nothing answers at " + url.hostPort(), "Is DRP running there?", null);
        }
        if (!endpoint.insecure() && url.scheme().equals("https")
                && !pinned.pinned(url.hostPort()).equals(Optional.of(FINGERPRINT))) {
            throw new UntrustedCertificateException(url.hostPort(), FINGERPRINT,
                    pinned.pinned(url.hostPort()).orElse(null), "CN=" + url.host());
        }
        boolean accepted = endpoint.credentials() instanceof DrpCredentials.Password password
                ? password.password().equals(PASSWORD)
                : ((DrpCredentials.Token) endpoint.credentials()).token().equals(TOKEN);
        if (!accepted) {
            throw new DrpAuthException(401, "AUTH", List.of("Bad password"));
        }
        return new SignedInClient(new InMemoryDrpClient(),
                () -> new IssuedToken(TOKEN, Instant.now().plusSeconds(3600)));
    }

    private static final class Tokens implements TokenVault {
        private final Map<String, IssuedToken> kept = new ConcurrentHashMap<>();

        @Override
        public Optional<IssuedToken> read(String profileId) {
            return Optional.ofNullable(kept.get(profileId));
        }

        @Override
        public void store(String profileId, IssuedToken token) {
            kept.put(profileId, token);
        }

        @Override
        public void remove(String profileId) {
            kept.remove(profileId);
        }

        @Override
        public String whereKept() {
            return "memory";
        }
    }
}
