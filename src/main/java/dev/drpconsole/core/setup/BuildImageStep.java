package dev.drpconsole.core.setup;

import dev.drpconsole.core.engine.BuildProgressListener;
import dev.drpconsole.core.engine.BuildStep;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.ImageBuildException;
import dev.drpconsole.core.engine.ImageBuildRequest;
import dev.drpconsole.core.engine.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Builds the runner image from the Dockerfile shown (and maybe edited) with drpcli next to it. */
public final class BuildImageStep implements SetupStep {
    public static final String ID = "build";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String title() {
        return "Build image";
    }

    @Override
    public String willDo(SetupChoices choices) {
        return "Builds the image " + choices.imageTag() + " on the container engine from the Dockerfile, with "
                + choices.drpcli() + " copied in. No image is pulled from a registry: the base image "
                + choices.baseImage() + " must be on the engine already. "
                + (installsPackages(choices.dockerfile())
                        ? "The package install line does download: it fetches the packages from the base image's"
                                + " distribution mirrors, so the engine needs network access for it."
                        : "Nothing else is downloaded.");
    }

    /** Whether a Dockerfile's RUN lines install packages, which fetches them from the distribution's mirrors. */
    private static boolean installsPackages(String dockerfile) {
        return dockerfile.lines().map(String::strip).filter(line -> line.regionMatches(true, 0, "RUN ", 0, 4))
                .anyMatch(line -> line.matches(".*\\b(apt-get|apt|apk|dnf|yum|microdnf|zypper)\\s+(-\\S+\\s+)*"
                        + "(install|add)\\b.*"));
    }

    @Override
    public String plannedWork(SetupChoices choices) {
        return "Build the image " + choices.imageTag() + " from " + choices.baseImage() + " on the container engine";
    }

    @Override
    public List<String> choiceProblems(SetupChoices choices) {
        return SetupChoiceRules.problems(ImageReference.problem(choices.imageTag()));
    }

    @Override
    public List<String> commands(SetupChoices choices) {
        String drpcli = choices.drpcli().toString().isBlank() ? "\"$(command -v drpcli)\""
                : ShellWords.quote(choices.drpcli().toString());
        return List.of("mkdir -p runner-image",
                "cp " + drpcli + " runner-image/" + RunnerDockerfile.DRPCLI_FILE,
                ShellWords.writeFile("runner-image/Dockerfile", choices.dockerfile()),
                "docker build --pull=false -t " + ShellWords.quote(choices.imageTag()) + " runner-image");
    }

    @Override
    public void run(StepContext context, StepProgress progress) throws InterruptedException {
        Cancellation.cancellable(() -> build(context, progress));
    }

    private void build(StepContext context, StepProgress progress) {
        SetupChoices choices = context.choices();
        Path directory = prepare(context.workDir().resolve("runner-image"), choices);
        recordTag(context, progress);
        try {
            context.targets().engine().images().build(
                    new ImageBuildRequest(directory, Set.of(choices.imageTag()), context.targets().labels(), false),
                    new BuildProgressListener() {
                        @Override
                        public void onStep(BuildStep step) {
                            // The engine counts the labels it adds after the last line as one more step.
                            int lines = DockerfileLines.instructions(choices.dockerfile());
                            boolean ours = step.number() <= lines;
                            progress.status(ours ? "Step " + step.number() + " of " + lines + ": "
                                    + step.instruction() : "Labelling the image");
                            progress.fraction(ours ? (step.number() - 1) / (double) lines : 1);
                        }

                        @Override
                        public void onOutput(String line) {
                            progress.output(line);
                        }
                    });
        } catch (ImageBuildException e) {
            throw failure(choices.dockerfile(), e);
        } catch (EngineException e) {
            throw new SetupProblem("The engine could not build the image: " + e.getMessage(),
                    "Check the container engine runs, then retry.", e);
        }
        progress.fraction(1);
    }

    /**
     * Recorded before the build: a build cancelled after tagging still leaves an image clean-up must remove. A tag
     * that was on the engine before the wizard is recorded with the image it named, so clean-up never removes the
     * user's own image but points the tag back at it.
     */
    private static void recordTag(StepContext context, StepProgress progress) {
        String tag = context.choices().imageTag();
        if (context.journal().createdBy(ID, CreatedKind.IMAGE).filter(tag::equals).isPresent()) {
            return;
        }
        Optional<String> earlier;
        try {
            earlier = context.targets().engine().images().idOf(tag);
        } catch (EngineException e) {
            throw new SetupProblem("The engine does not answer: " + e.getMessage(),
                    "Check the container engine runs, then retry.", e);
        }
        context.journal().recordCreated(new CreatedObject(CreatedKind.IMAGE, tag, ID, earlier.orElse("")));
        earlier.ifPresent(id -> progress.output("The tag " + tag + " named the image " + ImageReference.shortId(id)
                + " before: the build moves it to the new image, and a clean-up points it back."));
    }

    private static BuildProblem failure(String dockerfile, ImageBuildException e) {
        if (e.failedStep().isEmpty()) {
            return new BuildProblem("The build failed: " + e.error(), "Fix the Dockerfile and build again.", 0, e);
        }
        BuildStep step = e.failedStep().get();
        int line = DockerfileLines.lineOfStep(dockerfile, step.number());
        return new BuildProblem("The build failed at line " + line + " of the Dockerfile (" + step.instruction()
                + "): " + e.error(), "Fix line " + line + " of the Dockerfile and build again.", line, e);
    }

    private static Path prepare(Path directory, SetupChoices choices) {
        try {
            Files.createDirectories(directory);
            Files.copy(choices.drpcli(), directory.resolve(RunnerDockerfile.DRPCLI_FILE),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(directory.resolve("Dockerfile"), choices.dockerfile());
            return directory;
        } catch (IOException e) {
            throw new SetupProblem("Cannot prepare the build directory " + directory + ": " + e.getMessage(),
                    "Check the disk has room and " + choices.drpcli() + " can be read.", e);
        }
    }
}
