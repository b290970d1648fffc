package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.drp.DrpUnreachableException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.BooleanSupplier;

/**
 * Runs a plan's steps in order, UI-free, for the wizard and for headless setup alike: skips what the journal has as
 * done, marks each step done in the journal when it finishes, and waits for a lost endpoint (a restarted sandbox, a
 * network blip) to come back instead of failing the step, up to a patience. Runs on the caller's (background)
 * thread; a cancel is the thread's interrupt (or {@code cancelRequested}) and comes out as InterruptedException.
 */
public final class SetupRunner {
    /** How long a step waits for a lost endpoint to come back before it gives up. */
    public static final long ENDPOINT_PATIENCE_MS = 180_000;
    private static final long ENDPOINT_RETRY_MS = 1_000;

    /** What a run tells as it goes, from the running thread. */
    public interface Listener extends StepProgress {
        /** A step starts (also when it starts again after the endpoint came back). */
        default void stepStarted(int index, SetupStep step) {
        }

        default void stepDone(int index, SetupStep step) {
        }

        /** The journal has the step as done (an earlier run finished it): it is not run again. */
        default void stepAlreadyDone(int index, SetupStep step) {
        }

        /** The step failed; {@link #problemText} turns the failure into the sentence for the user. */
        default void stepFailed(int index, SetupStep step, RuntimeException failure) {
        }

        /** The endpoint stopped answering; the step runs again once it answers (up to the patience). */
        default void endpointLost(String url) {
        }
    }

    private final SetupPlan plan;
    private final long endpointPatienceMs;
    private final BooleanSupplier cancelRequested;

    public SetupRunner(SetupPlan plan, long endpointPatienceMs, BooleanSupplier cancelRequested) {
        this.plan = plan;
        this.endpointPatienceMs = endpointPatienceMs;
        this.cancelRequested = cancelRequested;
    }

    public SetupRunner(SetupPlan plan) {
        this(plan, ENDPOINT_PATIENCE_MS, () -> false);
    }

    public SetupPlan plan() {
        return plan;
    }

    /**
     * Runs every step up to and including {@code lastStep} that the journal does not have as done.
     *
     * @return true when they are all done; false when one failed (the listener was told which and why)
     * @throws InterruptedException the run was cancelled; what was created so far stays in the journal
     */
    public boolean runThrough(StepContext context, int lastStep, Listener listener) throws InterruptedException {
        try {
            Files.createDirectories(context.workDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the setup work directory " + context.workDir(), e);
        }
        for (int i = 0; i <= lastStep; i++) {
            SetupStep step = plan.steps().get(i);
            if (context.journal().isDone(step.id())) {
                listener.stepAlreadyDone(i, step);
            } else if (!runStep(context, i, step, listener)) {
                return false;
            }
        }
        return true;
    }

    /** Runs every step not done yet. */
    public boolean runAll(StepContext context, Listener listener) throws InterruptedException {
        return runThrough(context, plan.steps().size() - 1, listener);
    }

    private boolean runStep(StepContext context, int index, SetupStep step, Listener listener)
            throws InterruptedException {
        listener.stepStarted(index, step);
        long lostSince = 0;
        while (true) {
            try {
                step.run(context, listener);
                context.journal().markDone(step.id());
                listener.stepDone(index, step);
                return true;
            } catch (RuntimeException e) {
                if (cancelRequested.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                    // A blocking call reports the cancel as its own failure ("interrupted while waiting…").
                    throw new InterruptedException("cancelled");
                }
                if (endpointLost(e)) {
                    lostSince = lostSince == 0 ? System.currentTimeMillis() : lostSince;
                    if (awaitEndpoint(context.targets().client(), lostSince + endpointPatienceMs, listener)) {
                        continue;
                    }
                }
                listener.stepFailed(index, step, e);
                return false;
            }
        }
    }

    /** Returns once the endpoint answers again; false when it did not before {@code deadline}. */
    private boolean awaitEndpoint(DrpClient client, long deadline, Listener listener) throws InterruptedException {
        listener.endpointLost(client.url());
        listener.output("Lost the endpoint at " + client.url() + ": waiting for it to come back…");
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(ENDPOINT_RETRY_MS);
            try {
                client.info();
                listener.output("The endpoint answers again: continuing.");
                return true;
            } catch (DrpException stillGone) {
                // keep waiting
            }
        }
        return false;
    }

    private static boolean endpointLost(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof DrpUnreachableException) {
                return true;
            }
        }
        return false;
    }

    /** "Build image: The build failed at line 2 of the Dockerfile. Fix the line and retry." */
    public static String problemText(SetupStep step, RuntimeException failure) {
        return step.title() + ": " + (failure instanceof SetupProblem problem
                ? sentence(problem.getMessage()) + " " + problem.fix()
                : "the step stopped: " + sentence(String.valueOf(failure.getMessage())));
    }

    /** Ends a message with a full stop, so the fix after it reads as its own sentence. */
    static String sentence(String message) {
        String trimmed = message.strip();
        return trimmed.matches("(?s).*[.!?:)]$") ? trimmed : trimmed + ".";
    }
}
