package dev.drpconsole.core.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what an image build reported. */
final class RecordingBuildListener implements BuildProgressListener {

    final List<BuildStep> steps = new CopyOnWriteArrayList<>();
    final List<String> output = new CopyOnWriteArrayList<>();
    final List<String> errors = new CopyOnWriteArrayList<>();

    @Override
    public void onStep(BuildStep step) {
        steps.add(step);
    }

    @Override
    public void onOutput(String line) {
        output.add(line);
    }

    @Override
    public void onError(String message) {
        errors.add(message);
    }
}
