package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.BuildResponseItem;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a build's output stream: whole lines to the listener, step announcements parsed, the error and the step
 * it happened in remembered, and the built image's id picked from "Successfully built ...".
 *
 * <p>Docker announces "Step 3/5 : RUN ..." and fails with "The command '/bin/sh -c ...' returned a non-zero code: 3"
 * while that step is the current one. Podman announces "STEP 3/5: RUN ..." and names the step in its error:
 * {@code building at STEP "RUN ...": while running runtime: exit status 3}; that name wins over the current step.
 */
final class BuildOutput extends StreamCallback<BuildResponseItem> {

    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");
    private static final Pattern PODMAN_FAILED_STEP = Pattern.compile("building at STEP \"(.*?)\": ");

    private final BuildProgressListener progress;
    private final LineBuffer lines = new LineBuffer();
    private final List<BuildStep> announced = new CopyOnWriteArrayList<>();
    private volatile BuildStep currentStep;
    private volatile String builtImageId;
    private volatile String error;

    BuildOutput(BuildProgressListener progress) {
        this.progress = progress;
    }

    @Override
    public void onNext(BuildResponseItem item) {
        String text = item.getStream() != null ? item.getStream() : item.getStatus();
        if (text != null) {
            lines.append(text.getBytes(StandardCharsets.UTF_8)).forEach(this::onLine);
        }
        if (item.isErrorIndicated()) {
            onBuildError(item);
        }
    }

    @Override
    public void onComplete() {
        lines.finish().ifPresent(this::onLine);
        super.onComplete();
    }

    /** The id the engine printed (often shortened), present when the build succeeded. */
    Optional<String> builtImageId() {
        return Optional.ofNullable(builtImageId);
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    /** The step the error names (Podman), else the step running when it came (Docker); empty before any step. */
    Optional<BuildStep> failedStep() {
        Matcher named = PODMAN_FAILED_STEP.matcher(error == null ? "" : error);
        if (named.find()) {
            String instruction = named.group(1);
            for (int i = announced.size() - 1; i >= 0; i--) {
                if (announced.get(i).instruction().equals(instruction)) {
                    return Optional.of(announced.get(i));
                }
            }
        }
        return Optional.ofNullable(currentStep);
    }

    private void onLine(String line) {
        notifyListener(() -> progress.onOutput(line));
        BuildStep.parse(line).ifPresent(step -> {
            currentStep = step;
            announced.add(step);
            notifyListener(() -> progress.onStep(step));
        });
        Matcher built = BUILT.matcher(line);
        if (built.matches()) {
            builtImageId = built.group(1);
        }
    }

    private void onBuildError(BuildResponseItem item) {
        String message = EngineErrorTranslator.engineMessage(item);
        error = message == null ? "unknown error" : message.trim();
        notifyListener(() -> progress.onError(error));
    }

    private static void notifyListener(Runnable call) {
        StreamCallback.notifyListener(call, "build progress listener");
    }
}
