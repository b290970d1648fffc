package dev.drpconsole.core.setup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import dev.drpconsole.core.engine.ImageReference;
import dev.drpconsole.core.engine.NoEngineException;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Where the wizard works: the endpoint, the build engine (this machine's, where it builds), the runner engine
 * (where the endpoint's plugin runs the runner containers, reached when the runner step looks; it may be "none"),
 * and the labels everything it puts on an engine carries. Removes what the wizard created, each kind its own way.
 *
 * @param engine       the build engine
 * @param runnerEngine opens the runner engine; throws {@link NoEngineException} when the endpoint has none set
 */
public record SetupTargets(DrpClient client, ContainerEngine engine, Supplier<ContainerEngine> runnerEngine,
                           Map<String, String> labels) implements ObjectRemover {
    public static final String LABEL = "dev.drpconsole.setup";
    private static final long RUNNER_REMOVAL_PATIENCE_MS = 30_000;
    private static final long DIRECTORY_PATIENCE_MS = 5_000;

    public SetupTargets {
        labels = Map.copyOf(labels);
    }

    /** One engine in both roles: the endpoint runs its runners on this machine's engine. */
    public SetupTargets(DrpClient client, ContainerEngine engine, Map<String, String> labels) {
        this(client, engine, () -> engine, labels);
    }

    @Override
    public void remove(CreatedObject object) {
        try {
            switch (object.kind()) {
                case MACHINE -> client.delete(DrpType.MACHINES, object.key());
                case CONTEXT -> client.delete(DrpType.CONTEXTS, object.key());
                case CONTEXT_SETTINGS -> restoreContext(object);
                case CONTENT_PACK -> client.deleteContent(object.key());
                case RUNNER_IMAGE -> removeFromRunnerEngine(object.key());
                case FILE -> client.deleteFile(object.key());
                case CONTAINER -> engine.containers().remove(object.key(), true);
                case IMAGE -> {
                    if (object.before().isEmpty()) {
                        engine.images().remove(object.key(), true);
                    } else {
                        restoreTag(object);
                    }
                }
            }
        } catch (DrpApiException e) {
            if (e.code() != 404) {
                throw new SetupProblem("Could not remove " + describe(object) + ": " + e.getMessage(),
                        "Check the endpoint is reachable and you may delete it, then clean up again.", e);
            }
        } catch (EngineObjectNotFoundException alreadyGone) {
            // Removed by someone else: what we wanted.
        } catch (EngineException e) {
            throw new SetupProblem("Could not remove " + describe(object) + ": " + e.getMessage(),
                    "Remove the containers that still use it (docker ps -a --filter ancestor=" + object.key()
                            + "), then clean up again.", e);
        }
        if (object.kind() == CreatedKind.MACHINE) {
            awaitRunnerGone(object.key());
        } else if (object.kind() == CreatedKind.FILE) {
            removeEmptyDirectories(object);
        }
    }

    /** The image the plugin loaded from the wizard's file; an endpoint without a runner engine leaves it be. */
    private void removeFromRunnerEngine(String tag) {
        ContainerEngine runners;
        try {
            runners = runnerEngine.get();
        } catch (NoEngineException none) {
            return;
        }
        if (runners.images().exists(tag)) {
            runners.images().remove(tag, true);
        }
    }

    /**
     * An image tag with a '/' (drp/runner:1) made directories below the plugin's files directory when its tar was
     * uploaded; once the tar is gone they are empty and were the wizard's too.
     */
    private void removeEmptyDirectories(CreatedObject file) {
        String directory = parent(file.key());
        for (String published : ContextImageLayout.DIRECTORIES) {
            while (directory.startsWith(published) && directory.length() > published.length()
                    && removeIfEmpty(directory)) {
                directory = parent(directory);
            }
        }
    }

    /** Whether the directory is gone now; false when it holds something else. */
    private boolean removeIfEmpty(String directory) {
        long deadline = System.currentTimeMillis() + DIRECTORY_PATIENCE_MS;
        while (true) {
            try {
                if (!client.listFiles("/" + directory).isEmpty()) {
                    return false;
                }
            } catch (DrpApiException e) {
                return e.code() == 404 ? true : failedToRemove(directory, e);
            }
            try {
                client.deleteFile(directory.substring(0, directory.length() - 1));
                return true;
            } catch (DrpApiException e) {
                // Listed empty yet not removable: the endpoint is still discarding an upload cancelled a moment ago.
                if (e.code() != 404 || System.currentTimeMillis() > deadline) {
                    return failedToRemove(directory, e);
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return failedToRemove(directory, e);
            }
        }
    }

    private static boolean failedToRemove(String directory, Exception e) {
        throw new SetupProblem("Could not remove the empty directory files/" + directory + ": " + e.getMessage(),
                "Check you may delete files, then clean up again.", e);
    }

    /** "a/b/c" → "a/b/"; "a/b/" → "a/". */
    private static String parent(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
    }

    /**
     * The docker-context plugin removes a deleted machine's runner container on its own, a moment later. Clean-up
     * waits for that, so it reports done only when the container is gone too and the image can go after it.
     */
    private void awaitRunnerGone(String machineUuid) {
        String container;
        try {
            container = RunnerContainerName.forMachine(UUID.fromString(machineUuid));
        } catch (IllegalArgumentException notAUuid) {
            return;
        }
        long deadline = System.currentTimeMillis() + RUNNER_REMOVAL_PATIENCE_MS;
        try {
            ContainerEngine runners = runnerEngine.get();
            while (System.currentTimeMillis() < deadline) {
                runners.containers().inspect(container);
                Thread.sleep(200);
            }
        } catch (EngineObjectNotFoundException gone) {
            return;
        } catch (EngineException cannotTell) {
            return; // No engine to ask (none set, or it is down): the plugin removes it; nothing to wait for.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupProblem("The clean-up was cancelled while " + container + " was being removed.",
                    "Clean up again.", e);
        }
        throw new SetupProblem("The machine " + machineUuid + " is deleted, but its runner container " + container
                + " is still there after " + RUNNER_REMOVAL_PATIENCE_MS / 1000 + " s.",
                "Remove it with: docker rm -f " + container + ", then clean up again.");
    }

    /** Puts back the engine, image and description a replaced context had; a context gone since is left gone. */
    private void restoreContext(CreatedObject object) {
        DrpContext before;
        try {
            before = new DrpContext((ObjectNode) new ObjectMapper().readTree(object.before()));
        } catch (java.io.IOException | ClassCastException e) {
            throw new SetupProblem("The journal's copy of the context " + object.key() + " cannot be read.",
                    "Set its engine, image and description back in the Contexts view.", e);
        }
        client.get(DrpType.CONTEXTS, object.key()).ifPresent(now -> client.update(now, now
                .withEngine(before.engine()).withImage(before.image()).withDescription(before.description())));
    }

    /**
     * Points a tag the build moved back at the image it named before, and removes the wizard's image when nothing
     * else names it. When the earlier image is gone too, the tag stays on the wizard's image: it is the only one.
     */
    private void restoreTag(CreatedObject object) {
        if (!engine.images().exists(object.before())) {
            return;
        }
        Optional<String> ours = engine.images().idOf(object.key());
        engine.images().tag(object.before(), object.key());
        if (ours.isPresent() && !ours.get().equals(object.before())) {
            try {
                engine.images().remove(ours.get(), false);
            } catch (EngineException stillNamedOrUsed) {
                // Another name or a container still uses the wizard's image: it stays, without our tag.
            }
        }
    }

    /** What a created object is, machines by the names the user chose ("the runner machine context-runner"). */
    public static String describe(CreatedObject object, String runnerName, String testMachineName) {
        if (object.kind() == CreatedKind.MACHINE) {
            return object.step().equals(RunnerMachineStep.ID) ? "the runner machine " + runnerName
                    : "the test machine " + testMachineName;
        }
        return describe(object);
    }

    /** "the context runner", "the image drp/runner:1". */
    public static String describe(CreatedObject object) {
        return switch (object.kind()) {
            case MACHINE -> "the machine " + object.key();
            case CONTEXT -> "the context " + object.key();
            case CONTEXT_SETTINGS -> "the settings of the context " + object.key() + " (put back as they were)";
            case CONTENT_PACK -> "the content pack " + object.key();
            case FILE -> "the file files/" + object.key();
            case CONTAINER -> "the container " + object.key() + " (a look into the base image)";
            case RUNNER_IMAGE -> "the image " + object.key() + " on the runner engine (loaded there by the plugin)";
            case IMAGE -> object.before().isEmpty() ? "the image " + object.key()
                    : "the wizard's image " + object.key() + " (the tag goes back to the image "
                    + ImageReference.shortId(object.before()) + " it named before)";
        };
    }
}
