package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.testsupport.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code tcp://} runner engine with TLS client certificates (the DOCKER_CERT_PATH layout), against the Docker
 * engine behind a TLS port that verifies the client (prepare.sh): with the certificates it answers; without them,
 * or with certificates that cannot be read, the user is told so in words.
 */
@Tag("engine")
class TlsEngineTest {
    private static final TestEnv ENV = TestEnv.get();

    @Test
    void withTheClientCertificatesTheEngineAnswers() {
        EngineChoice.Tcp choice = ((EngineChoice.Tcp) EngineChoice.parse(ENV.dockerTlsHost().toString()))
                .withCertificates(ENV.dockerTlsCertificates());
        try (ContainerEngine engine = EngineOpener.open(choice)) {
            EngineInfo info = engine.info();
            assertEquals(EngineProduct.DOCKER, info.product());
            assertEquals(ENV.dockerServerVersion(), info.version());
            assertTrue(info.where().startsWith("tcp://127.0.0.1:"), info.where());
            engine.containers().list(ContainerQuery.all());
        }
    }

    @Test
    void withoutCertificatesTheEngineRefusesAndSaysNothingWorse() {
        EngineChoice choice = EngineChoice.parse(ENV.dockerTlsHost().toString());
        try (ContainerEngine engine = EngineOpener.open(choice)) {
            EngineException refused = assertThrows(EngineException.class, engine::info);
            assertFalse(refused.getMessage().contains("Exception"), refused.getMessage());
            assertTrue(refused.getMessage().contains("127.0.0.1"), refused.getMessage());
        }
    }

    @Test
    void certificatesThatCannotBeReadAreNamedBeforeAnyCall(@TempDir Path empty) throws Exception {
        Files.writeString(empty.resolve("ca.pem"), "not a certificate");
        EngineChoice.Tcp choice = ((EngineChoice.Tcp) EngineChoice.parse(ENV.dockerTlsHost().toString()))
                .withCertificates(empty);

        EngineUnavailableException error = assertThrows(EngineUnavailableException.class,
                () -> EngineOpener.open(choice).info());

        assertTrue(error.reason().startsWith("Cannot use the TLS certificates"), error.reason());
        assertTrue(error.fixHint().contains(empty.toString()), error.fixHint());
    }
}
