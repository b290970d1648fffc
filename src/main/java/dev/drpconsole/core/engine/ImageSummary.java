package dev.drpconsole.core.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A local image.
 *
 * @param id        full id, e.g. "sha256:3f1..."
 * @param tags      its names, e.g. "drpconsole/base:bookworm" (normalised: no "localhost/" or "docker.io/" that
 *                  Podman adds, see {@link ImageReference}); empty for untagged images
 * @param sizeBytes size on disk
 * @param created   when it was built
 * @param labels    labels from its config
 */
public record ImageSummary(String id, List<String> tags, long sizeBytes, Instant created, Map<String, String> labels) {

    public ImageSummary {
        tags = List.copyOf(tags);
        labels = Map.copyOf(labels);
    }
}
