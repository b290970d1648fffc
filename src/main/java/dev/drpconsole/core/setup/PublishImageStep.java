package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Makes the image reachable for the docker-context plugin: it looks for the image on its engine (the runner engine)
 * first and else downloads it from the files API where its generation keeps images ({@link ContextImageLayout}:
 * {@code files/contexts/docker-context/<Image>} or, for a v4.8+ plugin, {@code files/docker-contexts/<Image>}).
 * Decided from facts, not from where the
 * endpoint seems to run: nothing is uploaded when the runner engine already holds this very image (the same image
 * ID as the one built here) or the endpoint already has a file with the same SHA-256; otherwise the
 * {@code docker save} tar is uploaded.
 */
public final class PublishImageStep implements SetupStep {
    public static final String ID = "publish";

    private final boolean uploadWhenShared;

    /** Uploads only when neither the runner engine nor the endpoint's files already have the image. */
    public PublishImageStep() {
        this(false);
    }

    private PublishImageStep(boolean uploadWhenShared) {
        this.uploadWhenShared = uploadWhenShared;
    }

    /**
     * Uploads even when the runner engine already holds the image: for an endpoint whose plugin should also find
     * it in its files (another engine later), and to exercise the upload locally.
     */
    public static PublishImageStep alwaysUploading() {
        return new PublishImageStep(true);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Publish image";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Uploads the image where the endpoint's docker-context plugin looks (files/"
                + ContextImageLayout.V4_7_DIRECTORY + choices.imageTag() + ", or files/"
                + ContextImageLayout.V4_8_DIRECTORY + choices.imageTag() + " for a v4.8+ plugin) so the endpoint's"
                + " engine can load it, skipped when the runner engine already holds this very image (same ID) or"
                + " the endpoint already has the same file.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return choices.keepOnEngine() ? "Keep the image on the engine (no upload)"
                : "Upload the image where the endpoint's docker-context plugin looks for " + choices.imageTag()
                        + " (skipped when the runner engine or the endpoint already has it)";
    }

    @Override
    public List<String> choiceProblems(SetupChoices choices) {
        return SetupChoiceRules.problems(ImageReference.problem(choices.imageTag()));
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        if (choices.keepOnEngine()) {
            return List.of("# The engine is the endpoint's own: the image stays there, nothing to upload.");
        }
        String tag = ShellWords.quote(choices.imageTag());
        return List.of("docker save -o runner-image.tar " + tag,
                "# a v4.8+ docker-context plugin looks in " + ContextImageLayout.V4_8_DIRECTORY + " instead",
                "drpcli files upload runner-image.tar as "
                        + ShellWords.quote(ContextImageLayout.V4_7_DIRECTORY + choices.imageTag()));
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        Cancellation.cancellable(() -> publish(context, progress));
    }

    private void publish(StepContext context, StepProgress progress) {
        if (context.choices().keepOnEngine()) {
            progress.output("The engine is the endpoint's own (you said so): the image stays on the engine.");
            return;
        }
        if (!uploadWhenShared) {
            Optional<String> same = sameImageOnRunnerEngine(context.targets(), context.choices().imageTag());
            if (same.isPresent()) {
                progress.output("The runner engine already holds this very image (ID " + same.get() + "): nothing"
                        + " to upload.");
                return;
            }
        }
        ContextImageLayout layout = ContextImageLayout.of(context.targets().client());
        progress.output("Publishing to files/" + layout.directory() + ": " + layout.reason() + ".");
        String path = layout.pathOf(context.choices().imageTag());
        Path tar = context.workDir().resolve("runner-image.tar");
        progress.status("Saving the image");
        String sha256 = save(context, tar);
        if (context.targets().client().fileSha256(path).filter(sha256::equalsIgnoreCase).isPresent()) {
            progress.output("The endpoint already has this image (sha256 " + sha256 + "): nothing to upload.");
            return;
        }
        progress.status("Uploading " + path);
        if (runnerEngineLacks(context.targets(), context.choices().imageTag())) {
            // The plugin will load the file into its engine: that image is the wizard's doing too.
            context.journal().recordCreated(new CreatedObject(CreatedKind.RUNNER_IMAGE, context.choices().imageTag(),
                    ID));
        }
        context.journal().recordCreated(new CreatedObject(CreatedKind.FILE, path, ID));
        try {
            context.targets().client().uploadFile(path, tar, (done, total) -> {
                if (total > 0) {
                    progress.fraction(done / (double) total);
                }
            });
            progress.output("Uploaded files/" + path + " (sha256 " + sha256 + ").");
        } catch (DrpException e) {
            throw new SetupProblem("The upload of the image failed: " + e.getMessage(),
                    "Check the endpoint has room for the file and you may write files, then retry.", e);
        }
    }

    /**
     * The image's ID when the runner engine holds the very image built here under {@code tag} (the same ID on both
     * engines, which is also true when they are one engine); empty when it differs or is missing, and when no runner
     * engine can be asked (none set, unreachable): then only an upload makes sure the plugin finds it.
     */
    public static Optional<String> sameImageOnRunnerEngine(SetupTargets targets, String tag) {
        try {
            Optional<String> built = targets.engine().images().idOf(tag);
            if (built.isEmpty()) {
                return Optional.empty();
            }
            return targets.runnerEngine().get().images().idOf(tag).filter(built.get()::equals);
        } catch (EngineException cannotTell) {
            return Optional.empty();
        }
    }

    /** Whether the runner engine answers and has no image by this tag (false when none is set or it is down). */
    private static boolean runnerEngineLacks(SetupTargets targets, String tag) {
        try {
            return !targets.runnerEngine().get().images().exists(tag);
        } catch (EngineException cannotTell) {
            return false;
        }
    }

    private static String save(StepContext context, Path tar) {
        try (OutputStream out = Files.newOutputStream(tar)) {
            context.targets().engine().images().save(context.choices().imageTag(), out);
        } catch (IOException | EngineException e) {
            throw new SetupProblem("Cannot save the image to " + tar + ": " + e.getMessage(),
                    "Check the disk has room and the engine runs, then retry.", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(tar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new SetupProblem("Cannot read the saved image " + tar + ": " + e.getMessage(), "Retry.", e);
        }
    }
}
