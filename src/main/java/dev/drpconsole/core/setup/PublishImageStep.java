package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.ImageReference;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * Makes the image reachable for the docker-context plugin: it looks for the image on its engine first and else
 * downloads {@code files/contexts/docker-context/<Image>}. When the endpoint runs on this machine and the engine is
 * this machine's socket (the local sandbox), the image is already where the plugin looks, so nothing is uploaded;
 * otherwise the {@code docker save} tar is uploaded, unless the endpoint already has the same bytes.
 */
public final class PublishImageStep implements SetupStep {
    public static final String ID = "publish";
    static final String FILES_DIR = "contexts/docker-context/";

    private final boolean uploadWhenShared;

    /** Uploads only when the endpoint's plugin cannot see this engine's images. */
    public PublishImageStep() {
        this(false);
    }

    private PublishImageStep(boolean uploadWhenShared) {
        this.uploadWhenShared = uploadWhenShared;
    }

    /**
     * Uploads even when the endpoint runs on this machine and uses this engine: for an endpoint whose plugin
     * should also find the image in its files (another engine later), and to exercise the upload locally.
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
        return "Uploads the image as files/" + FILES_DIR + choices.imageTag() + " so the endpoint's engine can load"
                + " it, skipped when the endpoint already has the same file, or keeps it only on the engine when"
                + " the endpoint runs on this machine.";
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return choices.keepOnEngine() ? "Keep the image on the engine (no upload)"
                : "Upload the image to the endpoint's files/" + FILES_DIR + choices.imageTag()
                        + " (skipped when the endpoint has it or uses this engine)";
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
                "drpcli files upload runner-image.tar as " + ShellWords.quote(FILES_DIR + choices.imageTag()));
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
        if (!uploadWhenShared && endpointSharesEngine(context.targets())) {
            progress.output("The endpoint runs on this machine and uses this engine: the image stays on the engine.");
            return;
        }
        String path = FILES_DIR + context.choices().imageTag();
        Path tar = context.workDir().resolve("runner-image.tar");
        progress.status("Saving the image");
        String sha256 = save(context, tar);
        if (context.targets().client().fileSha256(path).filter(sha256::equalsIgnoreCase).isPresent()) {
            progress.output("The endpoint already has this image (sha256 " + sha256 + "): nothing to upload.");
            return;
        }
        progress.status("Uploading " + path);
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

    /** A loopback endpoint and a local socket engine: the endpoint's plugin sees this engine's images. */
    public static boolean endpointSharesEngine(SetupTargets targets) {
        String host = URI.create(targets.client().url()).getHost();
        boolean loopback = "127.0.0.1".equals(host) || "localhost".equals(host) || "[::1]".equals(host);
        return loopback && targets.engine().endpoint().isUnixSocket();
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
