package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.StoredFile;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Installs the docker-context plugin provider, which the endpoint needs to run contexts: by uploading a binary the
 * user has, or (shown, not run) by DRP's catalog command for users without one.
 */
public final class PluginProviderInstall {
    /** What a user without a binary runs; drpcli fetches the provider from RackN's catalog. */
    public static final String CATALOG_COMMAND = "drpcli catalog item install " + DrpContext.DOCKER_CONTEXT;

    private PluginProviderInstall() {
    }

    /** The drpcli command that uploads {@code binary} by hand. */
    public static String uploadCommand(Path binary) {
        return "drpcli plugin_providers upload " + DrpContext.DOCKER_CONTEXT + " from " + binary;
    }

    /**
     * Uploads {@code binary} as the docker-context plugin provider and checks the endpoint then lists it.
     *
     * @param endpointArch the endpoint's architecture ("amd64"), or null when unknown
     * @return what the endpoint stored
     * @throws SetupProblem the file is no Linux program, DRP refused it, or DRP did not load it
     */
    public static StoredFile upload(DrpClient client, Path binary, String endpointArch, StepProgress progress)
            throws InterruptedException {
        Optional<String> problem = LinuxBinary.problem(binary, endpointArch);
        if (problem.isPresent()) {
            throw new SetupProblem(problem.get() + " The docker-context plugin provider runs on the endpoint, a"
                    + " Linux machine.", "Choose the Linux docker-context binary, or run: " + CATALOG_COMMAND);
        }
        StoredFile[] stored = new StoredFile[1];
        Cancellation.cancellable(() -> {
            progress.status("Uploading " + binary.getFileName() + " as the " + DrpContext.DOCKER_CONTEXT
                    + " plugin provider");
            try {
                stored[0] = client.uploadPluginProvider(DrpContext.DOCKER_CONTEXT, binary, (done, total) -> {
                    if (total > 0) {
                        progress.fraction(done / (double) total);
                    }
                });
            } catch (DrpApiException e) {
                throw new SetupProblem("DRP refused the plugin provider: " + e.getMessage(), e.code() == 403
                        ? "Sign in as a user who may create plugin_providers, then upload again."
                        : "Check it is the docker-context provider for this DRP version, or run: " + CATALOG_COMMAND,
                        e);
            } catch (DrpException e) {
                throw new SetupProblem("The upload of the plugin provider failed: " + e.getMessage(),
                        "Check the endpoint is reachable, then upload again.", e);
            }
            boolean listed = client.pluginProviders().stream()
                    .anyMatch(provider -> DrpContext.DOCKER_CONTEXT.equals(provider.name()));
            if (!listed) {
                throw new SetupProblem("DRP took the file but does not list a " + DrpContext.DOCKER_CONTEXT
                        + " plugin provider.", "Check the endpoint's log for why it did not load, or run: "
                        + CATALOG_COMMAND);
            }
        });
        progress.output("Installed the " + DrpContext.DOCKER_CONTEXT + " plugin provider from " + binary + ".");
        return stored[0];
    }
}
