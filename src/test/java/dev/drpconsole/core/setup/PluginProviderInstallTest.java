package dev.drpconsole.core.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpCredentials;
import dev.drpconsole.core.drp.DrpEndpoint;
import dev.drpconsole.core.drp.MemoryCertificatePins;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.core.drp.StoredFile;
import dev.drpconsole.sandbox.SandboxConfig;
import dev.drpconsole.sandbox.SandboxServer;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.TestEnv;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installing the docker-context plugin provider from a binary the user picks. The sandbox keeps an uploaded
 * provider binary without running it, so any Linux program stands in for the real provider: the real drpcli.
 */
@Tag("engine")
@Tag("sandbox")
class PluginProviderInstallTest {
    @TempDir
    Path work;

    @Test
    void aLinuxBinaryIsUploadedWithProgressAndTheEndpointListsTheProvider() throws Exception {
        try (SandboxServer server = SandboxServer.start(SandboxConfig.inDataDir(work.resolve("data")).withPort(0)
                .withoutRunners().withoutProvider()); OkHttpDrpClient client = SandboxAccess.connect(server)) {
            assertFalse(client.pluginProviders().stream()
                    .anyMatch(provider -> DrpContext.DOCKER_CONTEXT.equals(provider.name())), "missing at first");
            List<Double> fractions = new ArrayList<>();
            Path binary = TestEnv.get().drpcli();
            StoredFile stored = PluginProviderInstall.upload(client, binary, "amd64", new StepProgress() {
                @Override
                public void fraction(double done) {
                    fractions.add(done);
                }
            });

            assertEquals(Files.size(binary), stored.size(), "the endpoint stored every byte");
            assertEquals(1.0, fractions.get(fractions.size() - 1));
            assertTrue(client.pluginProviders().stream()
                    .anyMatch(provider -> DrpContext.DOCKER_CONTEXT.equals(provider.name())));
        }
    }

    @Test
    void aFileThatCannotRunOnTheEndpointIsRefusedBeforeAnyUpload() throws Exception {
        Path notExecutable = Files.copy(TestEnv.get().drpcli(), work.resolve("docker-context"));
        notExecutable.toFile().setExecutable(false, false);
        Path macBuild = Files.write(work.resolve("docker-context-darwin"), new byte[] {(byte) 0xCF, (byte) 0xFA,
            (byte) 0xED, (byte) 0xFE, 7, 0, 0, 1, 3, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0});
        macBuild.toFile().setExecutable(true);
        try (MockWebServer endpoint = new MockWebServer()) {
            endpoint.start();
            try (OkHttpDrpClient client = scripted(endpoint)) {
                SetupProblem notRunnable = assertThrows(SetupProblem.class,
                        () -> PluginProviderInstall.upload(client, notExecutable, "amd64", StepProgress.NONE));
                assertTrue(notRunnable.getMessage().contains("is not executable"), notRunnable.getMessage());
                SetupProblem notLinux = assertThrows(SetupProblem.class,
                        () -> PluginProviderInstall.upload(client, macBuild, "amd64", StepProgress.NONE));
                assertTrue(notLinux.getMessage().contains("is not a Linux program"), notLinux.getMessage());
                assertTrue(notLinux.fix().contains(PluginProviderInstall.CATALOG_COMMAND), notLinux.fix());
            }
            assertEquals(1, endpoint.getRequestCount(), "only the sign-in reached the endpoint");
        }
    }

    @Test
    void whatDrpSaysWhenItRefusesTheProviderIsShownWithAFix() throws Exception {
        try (MockWebServer endpoint = new MockWebServer()) {
            endpoint.start();
            try (OkHttpDrpClient client = scripted(endpoint)) {
                endpoint.enqueue(new MockResponse.Builder().code(422).setHeader("Content-Type", "application/json")
                        .body("{\"Model\":\"plugin_providers\",\"Key\":\"docker-context\",\"Type\":\"ValidationError\","
                                + "\"Messages\":[\"Unable to import plugin: exec format error\"],\"Code\":422}")
                        .build());
                SetupProblem refused = assertThrows(SetupProblem.class, () -> PluginProviderInstall.upload(client,
                        TestEnv.get().drpcli(), "amd64", StepProgress.NONE));

                assertTrue(refused.getMessage().startsWith("DRP refused the plugin provider: "),
                        refused.getMessage());
                assertTrue(refused.getMessage().contains("exec format error"), refused.getMessage());
                assertTrue(refused.fix().contains(PluginProviderInstall.CATALOG_COMMAND), refused.fix());
            }
        }
    }

    /** A scripted endpoint that has signed the client in; the test scripts what follows. */
    private static OkHttpDrpClient scripted(MockWebServer endpoint) {
        endpoint.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("{\"Token\":\"t\",\"Info\":{}}").build());
        return OkHttpDrpClient.connect(new DrpEndpoint(List.of(endpoint.url("/").toString()),
                new DrpCredentials.Password("rocketskates", "secret"), false), new MemoryCertificatePins());
    }
}
