package dev.drpconsole.core.setup.headless;

import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.setup.BaseImageProbe;
import dev.drpconsole.core.setup.ByHandScript;
import dev.drpconsole.core.setup.CreatedObject;
import dev.drpconsole.core.setup.DrpcliSource;
import dev.drpconsole.core.setup.PackageManager;
import dev.drpconsole.core.setup.RunnerDockerfile;
import dev.drpconsole.core.setup.RunnerMachineStep;
import dev.drpconsole.core.setup.SetupChoices;
import dev.drpconsole.core.setup.SetupJournal;
import dev.drpconsole.core.setup.SetupPlan;
import dev.drpconsole.core.setup.SetupProblem;
import dev.drpconsole.core.setup.SetupRunner;
import dev.drpconsole.core.setup.SetupStep;
import dev.drpconsole.core.setup.SetupTargets;
import dev.drpconsole.core.setup.StepContext;
import dev.drpconsole.core.setup.StepProgress;
import dev.drpconsole.core.setup.TestJobStep;
import dev.drpconsole.core.engine.RunnerContainerName;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** One headless run of the setup plan: the choices resolved, every step printed as it runs. */
final class HeadlessRun {

    private final PrintStream out;
    private final PrintStream err;
    private final HeadlessArguments args;
    private final SetupJournal journal;
    private final SetupTargets targets;
    private final Path workDir;
    private final String username;

    HeadlessRun(PrintStream out, PrintStream err, HeadlessArguments args, SetupJournal journal, SetupTargets targets,
                Path workDir, String username) {
        this.username = username;
        this.out = out;
        this.err = err;
        this.args = args;
        this.journal = journal;
        this.targets = targets;
        this.workDir = workDir;
    }

    int run() {
        long started = System.nanoTime();
        SetupChoices choices;
        try {
            choices = choices();
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return HeadlessSetup.BAD_ARGUMENTS;
        } catch (SetupProblem e) {
            err.println(e.getMessage() + " " + e.fix());
            return HeadlessSetup.STEP_FAILED;
        } catch (EngineException | DrpException e) {
            // The engine or the endpoint failed while the choices were checked (e.g. it went away).
            err.println("Setup could not check its choices: " + e.getMessage() + " Fix it and run setup again.");
            return HeadlessSetup.STEP_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HeadlessSetup.STEP_FAILED;
        }
        journal.saveChoices(choices);
        SetupPlan plan = "always".equals(args.publish()) ? SetupPlan.uploadingAlways() : SetupPlan.standard();
        out.println("Journal:  " + journal.file() + (plan.firstUnfinished(journal).isPresent()
                && plan.steps().stream().anyMatch(step -> journal.isDone(step.id()))
                ? " (continuing where an earlier run stopped)" : ""));
        out.println();
        out.println("# The same by hand (bash), step by step below:");
        out.println(ByHandScript.exports(targets.client().url(), username));
        PrintingListener listener = new PrintingListener(out, plan, choices);
        boolean finished;
        try {
            finished = new SetupRunner(plan).runAll(new StepContext(targets, choices, journal, workDir), listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Cancelled. Run setup again to go on where it stopped, or setup --clean-up to remove what it"
                    + " created.");
            return HeadlessSetup.STEP_FAILED;
        }
        if (!finished) {
            err.println(listener.failure());
            err.println("Fix it and run setup again: it goes on where it stopped. setup --clean-up removes what it"
                    + " created.");
            return HeadlessSetup.STEP_FAILED;
        }
        summary(choices, (System.nanoTime() - started) / 1e9);
        return HeadlessSetup.OK;
    }

    private void summary(SetupChoices choices, double seconds) {
        out.println();
        out.printf("Setup finished in %.1f s: the runner works.%n", seconds);
        out.println("  context        " + choices.contextName() + " (image " + choices.imageTag() + ")");
        journal.value(RunnerMachineStep.UUID_VALUE).ifPresent(uuid -> out.println("  runner machine "
                + choices.runnerName() + " (" + uuid + "), container "
                + RunnerContainerName.forMachine(UUID.fromString(uuid))));
        journal.value(TestJobStep.JOB_VALUE).ifPresent(job -> out.println("  test job       " + job
                + " (drpcli jobs log " + job + ")"));
        out.println("Remove what setup created: " + invocation() + " setup --clean-up"
                + args.settingsDir().map(dir -> " --settings " + dir).orElse(""));
    }

    /** How this command was started, to print a clean-up line the user can paste: "java -jar /path/….jar". */
    static String invocation() {
        try {
            Path code = Path.of(HeadlessRun.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return code.toString().endsWith(".jar") ? "java -jar " + code : "drp-context-console";
        } catch (java.net.URISyntaxException | RuntimeException unknown) {
            return "drp-context-console";
        }
    }

    /** The user's options, else the choices of the run the journal recorded, else the wizard's defaults. */
    private SetupChoices choices() throws InterruptedException {
        String contextName = pick("--context", "contextName", SetupChoices.DEFAULT_CONTEXT);
        String runner = pick("--runner", "runnerName", SetupChoices.DEFAULT_RUNNER);
        String testMachine = pick("--test-machine", "testMachineName", SetupChoices.DEFAULT_TEST_MACHINE);
        String tag = pick("--tag", "imageTag", SetupChoices.DEFAULT_TAG);
        // Each step's own checks of what it sends, as in the wizard, before anything touches the engine: nothing
        // runs with a name DRP refuses.
        SetupChoices names = new SetupChoices(null, "", List.of(), "", tag, contextName, "", false, runner,
                testMachine);
        List<String> problems = SetupPlan.standard().steps().stream()
                .flatMap(step -> step.choiceProblems(names).stream()).distinct().toList();
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("\n", problems));
        }
        String baseImage = baseImage();
        String packagesText = pick("--packages", "packages", SetupChoices.DEFAULT_PACKAGES);
        List<String> packages = Arrays.stream(packagesText.trim().split("\\s+")).filter(w -> !w.isEmpty()).toList();
        String dockerfile = dockerfile(baseImage, packagesText, packages);
        Path drpcli = drpcli();
        boolean replace = args.replaceContext() || journal.savedChoice("replaceContext").map(Boolean::parseBoolean)
                .orElse(false) && journal.savedChoice("contextName").map(contextName::equals).orElse(false);
        SetupChoices choices = new SetupChoices(drpcli, baseImage, packages, dockerfile, tag, contextName,
                pick("--description", "contextDescription", SetupChoices.DEFAULT_DESCRIPTION), replace, runner, testMachine,
                "never".equals(args.publish()));
        return choices;
    }

    private String pick(String option, String saved, String fallback) {
        return args.option(option).or(() -> journal.savedChoice(saved)).orElse(fallback).strip();
    }

    private String baseImage() {
        String image = args.option("--base-image").or(() -> journal.savedChoice("baseImage")).orElse("");
        List<String> local = BaseImageProbe.localImages(targets.engine());
        if (image.isBlank()) {
            throw new IllegalArgumentException("Name the base image with --base-image IMAGE, one of the engine's"
                    + " local images" + (local.isEmpty() ? " (it has none: load one with docker load -i image.tar)"
                    : ": " + String.join(", ", local)) + ".");
        }
        if (!targets.engine().images().exists(image)) {
            throw new IllegalArgumentException("The engine has no image " + image + " (nothing is pulled from a"
                    + " registry). " + (local.isEmpty() ? "Load one with docker load -i image.tar."
                    : "Local images: " + String.join(", ", local) + "."));
        }
        return image;
    }

    /** The user's Dockerfile, else the one an earlier run used for the same image and packages, else generated. */
    private String dockerfile(String baseImage, String packagesText, List<String> packages)
            throws InterruptedException {
        Optional<String> file = args.option("--dockerfile");
        if (file.isPresent()) {
            try {
                String text = Files.readString(Path.of(file.get()));
                if (!text.contains(RunnerDockerfile.DRPCLI_FILE)) {
                    throw new IllegalArgumentException(file.get() + " must copy " + RunnerDockerfile.DRPCLI_FILE
                            + " into the image: the runner needs it.");
                }
                return text;
            } catch (IOException e) {
                throw new IllegalArgumentException("Cannot read the Dockerfile " + file.get() + ": " + e.getMessage());
            }
        }
        boolean sameAsBefore = journal.savedChoice("baseImage").map(baseImage::equals).orElse(false)
                && journal.savedChoice("packages").orElse(SetupChoices.DEFAULT_PACKAGES).equals(packagesText);
        Optional<String> earlier = sameAsBefore ? journal.savedChoice("dockerfile") : Optional.empty();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Optional<PackageManager> manager;
        try {
            manager = BaseImageProbe.packageManager(targets.engine(), baseImage, targets.labels(), journal);
        } catch (EngineException e) {
            throw new SetupProblem("The engine could not run a container of " + baseImage + " to see which"
                    + " packages it can install: " + e.getMessage() + ".", "The runner image needs a shell and"
                    + " the usual tools in its base: choose another --base-image (a distribution's image such as"
                    + " debian:bookworm), or give a --dockerfile of your own.", e);
        }
        out.println(baseImage + (manager.isPresent() ? " installs packages with " + manager.get() + "."
                : " has no package manager setup knows: the packages are not installed (use --dockerfile)."));
        return RunnerDockerfile.generate(baseImage, manager, packages);
    }

    /** --drpcli, else the earlier run's, else drpcli on PATH for the engine's processor, else the endpoint's copy. */
    private Path drpcli() throws InterruptedException {
        String arch = targets.engine().info().arch();
        Optional<Path> chosen = args.option("--drpcli").map(Path::of);
        if (chosen.isPresent()) {
            Optional<String> problem = DrpcliSource.problem(chosen.get(), arch);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("--drpcli " + chosen.get() + " will not do: " + problem.get());
            }
            return chosen.get().toAbsolutePath();
        }
        Optional<Path> found = journal.savedChoice("drpcli").map(Path::of)
                .filter(path -> DrpcliSource.problem(path, arch).isEmpty())
                .or(() -> DrpcliSource.onPath(arch));
        if (found.isPresent()) {
            return found.get();
        }
        if (DrpcliSource.offered(targets.client(), arch)) {
            out.println("No Linux drpcli for " + arch + " on PATH: using the endpoint's files/"
                    + DrpcliSource.endpointFile(arch) + ".");
            return DrpcliSource.download(targets.client(), arch, workDir, StepProgress.NONE);
        }
        throw new IllegalArgumentException("No Linux drpcli for " + arch + ": give --drpcli PATH. One comes with"
                + " DRP's releases, or build it: GOOS=linux GOARCH=" + arch + " go install"
                + " github.com/digitalrebar/provision/v4/cmds/drpcli@v4.7.0");
    }

    /** What a created object is, by the names the user chose ("the runner machine context-runner"). */
    static String describe(SetupJournal journal, CreatedObject object) {
        return SetupTargets.describe(object, journal.savedChoice("runnerName").orElse(object.key()),
                journal.savedChoice("testMachineName").orElse(object.key()));
    }

    /** Prints a step's header, what it will do and its commands, then its progress as it runs. */
    private static final class PrintingListener implements SetupRunner.Listener {
        private final PrintStream out;
        private final SetupPlan plan;
        private final SetupChoices choices;
        private String lastStatus = "";
        private int lastPercent = -1;
        private long stepStarted;
        private String failure = "";

        PrintingListener(PrintStream out, SetupPlan plan, SetupChoices choices) {
            this.out = out;
            this.plan = plan;
            this.choices = choices;
        }

        String failure() {
            return failure;
        }

        private String header(int index, SetupStep step) {
            return "[" + (index + 1) + "/" + plan.steps().size() + "] " + step.title();
        }

        @Override
        public void stepStarted(int index, SetupStep step) {
            stepStarted = System.nanoTime();
            lastStatus = "";
            lastPercent = -1;
            out.println(header(index, step));
            out.println("  " + step.willDo(choices));
            out.println("  by hand:");
            step.commands(choices).forEach(command -> command.lines().forEach(line -> out.println("    " + line)));
        }

        @Override
        public void stepAlreadyDone(int index, SetupStep step) {
            out.println(header(index, step) + ": done in an earlier run");
        }

        @Override
        public void status(String text) {
            if (!text.equals(lastStatus)) {
                lastStatus = text;
                out.println("  … " + text);
            }
        }

        @Override
        public void fraction(double done) {
            int percent = (int) (done * 100);
            if (done >= 0 && percent / 25 != lastPercent / 25) {
                lastPercent = percent;
                out.println("  " + percent + "%");
            }
        }

        @Override
        public void output(String text) {
            text.lines().forEach(line -> out.println("  | " + line));
        }

        @Override
        public void endpointLost(String url) {
            out.println("  Lost the endpoint at " + url + ": waiting up to "
                    + SetupRunner.ENDPOINT_PATIENCE_MS / 1000 + " s for it to come back.");
        }

        @Override
        public void stepDone(int index, SetupStep step) {
            out.printf("  done in %.1f s%n", (System.nanoTime() - stepStarted) / 1e9);
        }

        @Override
        public void stepFailed(int index, SetupStep step, RuntimeException e) {
            failure = SetupRunner.problemText(step, e);
            out.println("  FAILED: " + failure);
        }
    }
}
