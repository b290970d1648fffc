package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.BuildResponseItem;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a build's output stream: whole lines to the listener, step announcements parsed, the error and the step
 * it happened in remembered, and the built image's id picked from "Successfully built ...".
 */
final class BuildOutput extends StreamCallback<BuildResponseItem> {

    private static final Pattern BUILT = Pattern.compile("^Successfully built ([0-9a-f]+)\\s*$");

    private final BuildProgressListener progress;
    private final LineBuffer lines = new LineBuffer();
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

    Optional<BuildStep> currentStep() {
        return Optional.ofNullable(currentStep);
    }

    private void onLine(String line) {
        notifyListener(() -> progress.onOutput(line));
        BuildStep.parse(line).ifPresent(step -> {
            currentStep = step;
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
