package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpClientOptions;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.OkHttpDrpClient;

/** The console's clients: {@link OkHttpDrpClient}, whose renewed token is the one kept for the next start. */
public final class OkHttpDrpClientFactory implements DrpClientFactory {
    private final DrpClientOptions options;

    public OkHttpDrpClientFactory() {
        this(DrpClientOptions.DEFAULTS);
    }

    /** @param options the clients' timing (tests shorten the token lifetime to see it expire and renew) */
    public OkHttpDrpClientFactory(DrpClientOptions options) {
        this.options = options;
    }

    @Override
    public SignedInClient connect(DrpEndpoint endpoint, CertificatePins pins) {
        OkHttpDrpClient client = OkHttpDrpClient.connect(endpoint, pins, options);
        return new SignedInClient(client,
                () -> new IssuedToken(client.currentToken(), client.tokenExpires().orElse(null)));
    }
}
