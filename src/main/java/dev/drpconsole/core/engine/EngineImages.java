package dev.drpconsole.core.engine;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Local images of one engine. Nothing here talks to a registry. Blocking calls; see {@link ContainerEngine}.
 */
public interface EngineImages {

    /**
     * Builds an image from a directory, never pulling base images.
     *
     * @param progress receives steps, output lines and errors while the build runs, on a stream thread
     * @return the new image's full id, e.g. "sha256:3f1..."
     * @throws ImageBuildException when a step fails, naming the step
     */
    String build(ImageBuildRequest request, BuildProgressListener progress);

    /** Whether an image with this name (e.g. "drpconsole/base:bookworm") or id exists locally. */
    boolean exists(String nameOrId);

    /** The image's full id, if it exists locally. */
    Optional<String> idOf(String nameOrId);

    /**
     * Lists local images.
     *
     * @param labels           only images carrying all these labels with these values
     * @param includeIntermediate also list untagged intermediate images left by builds (like {@code docker images -a})
     */
    List<ImageSummary> list(Map<String, String> labels, boolean includeIntermediate);

    /**
     * Gives an image another name, like {@code docker tag}; a name already on another image moves to this one.
     *
     * @param nameOrId  the image, by a name it has or its id
     * @param reference the new name, e.g. "drpconsole/runner:1" (no tag means "latest")
     */
    void tag(String nameOrId, String reference);

    /**
     * Removes an image name, and the image itself when no other name refers to it.
     *
     * @param force also remove an image used by stopped containers, or named by several tags when given by id
     */
    void remove(String nameOrId, boolean force);

    /** Writes the image as a {@code docker save} tar to the stream. The stream is left open. */
    void save(String nameOrId, OutputStream tar);

    /**
     * Loads images from a {@code docker save} tar. The stream is read to its end but left open.
     *
     * @return what the engine reports as loaded: names like "drpconsole/runner:1", or ids like "sha256:3f1..." for
     *         images saved by id
     */
    List<String> load(InputStream tar);
}
