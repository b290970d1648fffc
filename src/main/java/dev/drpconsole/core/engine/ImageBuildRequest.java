package dev.drpconsole.core.engine;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What to build: a directory holding a {@code Dockerfile} (sent to the engine as the build context, honouring
 * {@code .dockerignore}). Builds never pull base images: there is no registry, so every {@code FROM} must name a
 * local image.
 *
 * @param contextDirectory directory with the Dockerfile and the files it copies
 * @param tags             names to give the image, e.g. "drpconsole/runner:1"
 * @param labels           labels to put on the image (use them to find and clean up what the console made); Docker's
 *                         classic builder applies them as one extra LABEL step after the Dockerfile's own, so a
 *                         5-step Dockerfile reports "Step N/6"
 * @param noCache          rebuild every step instead of reusing cached layers
 */
public record ImageBuildRequest(Path contextDirectory, Set<String> tags, Map<String, String> labels, boolean noCache) {

    public ImageBuildRequest {
        Objects.requireNonNull(contextDirectory, "contextDirectory");
        tags = Set.copyOf(tags);
        labels = Map.copyOf(labels);
    }

    public static ImageBuildRequest of(Path contextDirectory, String tag) {
        return new ImageBuildRequest(contextDirectory, Set.of(tag), Map.of(), false);
    }

    public ImageBuildRequest withLabels(Map<String, String> newLabels) {
        return new ImageBuildRequest(contextDirectory, tags, newLabels, noCache);
    }

    public ImageBuildRequest withNoCache(boolean newNoCache) {
        return new ImageBuildRequest(contextDirectory, tags, labels, newNoCache);
    }
}
