package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks what the setup needs before it changes anything: DRP 4.2.0 or newer, the docker-context plugin
 * provider, a reachable container engine, and a drpcli binary for the image. Each check reports one line in plain
 * words with its fix; the step fails when any check does.
 */
public final class PreflightStep implements SetupStep {
    public static final String ID = "preflight";
    static final String MINIMUM_DRP = "4.2.0";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Preflight";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Checks that DRP is " + MINIMUM_DRP + " or newer, that its docker-context plugin provider is"
                + " installed, that a container engine answers, and that the drpcli to put in the image is the Linux"
                + " build for the engine's processor. Nothing is changed.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return "Run the checks (they change nothing)";
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        String drpcli = choices.drpcli().toString().isBlank() ? "\"$(command -v drpcli)\""
                : ShellWords.quote(choices.drpcli().toString());
        return List.of("drpcli info get", "drpcli plugin_providers show " + DrpContext.DOCKER_CONTEXT, "docker version",
                drpcli + " version  # the drpcli for the image: a Linux build for the engine's processor");
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        List<String> failures = new ArrayList<>();
        check(progress, failures, drp(context.targets().client()));
        check(progress, failures, provider(context.targets().client()));
        check(progress, failures, engine(context));
        check(progress, failures, drpcli(context));
        if (!failures.isEmpty()) {
            throw new SetupProblem(failures.size() + " of 4 checks failed.", String.join(" ", failures));
        }
    }

    /** Reports one check; a check cut short by a cancel is not reported as failed: the step stops instead. */
    private static void check(StepProgress progress, List<String> failures, String[] result)
            throws InterruptedException {
        Cancellation.check();
        boolean passed = result[1] == null;
        progress.output((passed ? "✓ " : "✗ ") + result[0] + (passed ? "" : " Fix: " + result[1]));
        if (!passed) {
            failures.add(result[1]);
        }
    }

    private static String[] drp(DrpClient client) {
        try {
            String version = client.info().version();
            return DrpVersion.atLeast(version, MINIMUM_DRP)
                    ? new String[] {"DRP answers at " + client.url() + ", version " + version + ".", null}
                    : new String[] {"DRP " + version + " is older than " + MINIMUM_DRP + ", which added contexts.",
                        "Upgrade the endpoint to DRP " + MINIMUM_DRP + " or newer."};
        } catch (DrpException e) {
            return new String[] {"DRP does not answer at " + client.url() + ": " + e.getMessage(),
                "Check the endpoint runs and reconnect in step 1."};
        }
    }

    private static String[] provider(DrpClient client) {
        try {
            boolean installed = client.pluginProviders().stream()
                    .anyMatch(provider -> DrpContext.DOCKER_CONTEXT.equals(provider.name()));
            return installed ? new String[] {"The docker-context plugin provider is installed.", null}
                    : new String[] {"The docker-context plugin provider is not installed.",
                        "Run: " + PluginProviderInstall.CATALOG_COMMAND + ", or choose a docker-context binary"
                                + " to upload (" + PluginProviderInstall.uploadCommand(Path.of("docker-context"))
                                + ")."};
        } catch (DrpException e) {
            return new String[] {"Cannot list the plugin providers: " + e.getMessage(),
                "Check your user may read plugin_providers."};
        }
    }

    private static String[] engine(StepContext context) {
        try {
            var info = context.targets().engine().info();
            return new String[] {"The container engine answers: " + info.product().displayName() + " "
                    + info.version() + ".", null};
        } catch (EngineException e) {
            return new String[] {"No container engine answers: " + e.getMessage(),
                "Start Docker or Podman (e.g. dockerd, or podman system service) and run the checks again."};
        }
    }

    /** drpcli goes into the image, so it must be the Linux build for the engine's processor. */
    private static String[] drpcli(StepContext context) {
        Path chosen = context.choices().drpcli();
        String arch = engineArch(context);
        Optional<String> problem = chosen == null || chosen.toString().isBlank()
                ? Optional.of("none chosen.") : DrpcliSource.problem(chosen, arch);
        if (problem.isEmpty()) {
            return new String[] {"drpcli for the image: " + chosen + ".", null};
        }
        String wanted = "the Linux drpcli" + (arch == null ? "" : " for " + arch);
        String fix = arch != null && DrpcliSource.offered(context.targets().client(), arch)
                ? "Use the endpoint's copy (files/" + DrpcliSource.endpointFile(arch) + "), or choose "
                        + wanted + "."
                : "Choose " + wanted + ", or put it on your PATH.";
        return new String[] {"No usable drpcli for the image: " + problem.get(), fix};
    }

    private static String engineArch(StepContext context) {
        try {
            return context.targets().engine().info().arch();
        } catch (EngineException e) {
            return null;
        }
    }
}
