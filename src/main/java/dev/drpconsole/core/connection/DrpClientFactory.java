package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.CertificatePins;
import dev.drpconsole.core.drp.DrpEndpoint;

/**
 * Opens a signed-in client: the seam between the console's connection handling and the DRP client library
 * ({@link OkHttpDrpClientFactory} in the app; tests can play the client's part).
 */
@FunctionalInterface
public interface DrpClientFactory {

    /**
     * Blocks until signed in.
     *
     * @throws dev.drpconsole.core.drp.DrpException the typed failures of {@link dev.drpconsole.core.drp.DrpClient}
     */
    SignedInClient connect(DrpEndpoint endpoint, CertificatePins pins);
}
