package dev.drpconsole.core.engine;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.BuildImageCmd;
import com.github.dockerjava.api.command.ListImagesCmd;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Image;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link EngineImages} over docker-java. Names go in and come out {@link ImageReference#normalise normalised}, so
 * Podman's "localhost/x:1" and Docker's "x:1" are the same image to the caller.
 */
final class DockerImages implements EngineImages {

    /** How the engine lists an image that has no name. */
    private static final String NO_TAG = "<none>:<none>";

    private final DockerClient docker;
    private final EngineCalls calls;

    DockerImages(DockerClient docker, EngineCalls calls) {
        this.docker = docker;
        this.calls = calls;
    }

    @Override
    public String build(ImageBuildRequest request, BuildProgressListener progress) {
        BuildOutput output = calls.call(() -> buildCommand(request).exec(new BuildOutput(progress)));
        awaitEnd(output, "an image build");
        output.failure().ifPresent(failure -> {
            throw calls.translate(failure);
        });
        if (output.error().isPresent()) {
            throw new ImageBuildException(output.error().get(), output.failedStep().orElse(null));
        }
        return builtImageId(request, output);
    }

    private BuildImageCmd buildCommand(ImageBuildRequest request) {
        return docker.buildImageCmd(request.contextDirectory().toFile())
                .withPull(false) // there is no registry: FROM must name a local image
                .withTags(request.tags())
                .withLabels(request.labels())
                .withNoCache(request.noCache())
                .withForcerm(true); // a failed step's container would otherwise stay behind, unlabelled
    }

    /** The full id: the output only carries a shortened one, so ask the engine for the whole. */
    private String builtImageId(ImageBuildRequest request, BuildOutput output) {
        String reference = output.builtImageId().or(() -> request.tags().stream().findFirst())
                .orElseThrow(() -> new EngineException("The engine finished the build without naming the image"));
        return idOf(reference).orElseThrow(() -> new EngineException("The built image " + reference + " is gone"));
    }

    @Override
    public boolean exists(String nameOrId) {
        return idOf(nameOrId).isPresent();
    }

    @Override
    public Optional<String> idOf(String nameOrId) {
        return calls.answer(() -> {
            try {
                // Podman finds "localhost/x:1" by "x:1" but not by "docker.io/library/x:1": ask by the plain name.
                return Optional.of(docker.inspectImageCmd(ImageReference.normalise(nameOrId)).exec().getId());
            } catch (NotFoundException absent) {
                return Optional.empty();
            }
        });
    }

    @Override
    public List<ImageSummary> list(Map<String, String> labels, boolean includeIntermediate) {
        ListImagesCmd command = docker.listImagesCmd().withShowAll(includeIntermediate);
        if (!labels.isEmpty()) {
            command.withLabelFilter(labels);
        }
        return calls.answer(command::exec).stream().map(DockerImages::toSummary).toList();
    }

    @Override
    public void tag(String nameOrId, String reference) {
        String name = ImageReference.normalise(reference);
        int colon = name.lastIndexOf(':');
        boolean hasTag = colon > name.lastIndexOf('/');
        String repository = hasTag ? name.substring(0, colon) : name;
        String tag = hasTag ? name.substring(colon + 1) : "latest";
        calls.answer(() -> docker.tagImageCmd(ImageReference.normalise(nameOrId), repository, tag).withForce(true)
                .exec());
    }

    @Override
    public void remove(String nameOrId, boolean force) {
        calls.answer(() -> docker.removeImageCmd(ImageReference.normalise(nameOrId)).withForce(force).exec());
    }

    @Override
    public void save(String nameOrId, OutputStream tar) {
        try (InputStream saved = calls.call(() -> docker.saveImageCmd(ImageReference.normalise(nameOrId)).exec())) {
            copy(saved, tar, nameOrId);
        } catch (IOException closing) {
            throw calls.translate(closing);
        }
    }

    /** A broken read is the engine's failure (typed as such); a broken write is the caller's stream. */
    private void copy(InputStream saved, OutputStream tar, String nameOrId) {
        byte[] buffer = new byte[64 * 1024];
        while (true) {
            int read;
            try {
                read = saved.read(buffer);
            } catch (IOException engineSide) {
                throw calls.translate(engineSide);
            }
            if (read < 0) {
                return;
            }
            try {
                tar.write(buffer, 0, read);
            } catch (IOException callerSide) {
                throw new EngineException("Saving image " + nameOrId + " failed: cannot write the tar: "
                        + callerSide.getMessage(), 0, callerSide);
            }
        }
    }

    @Override
    public List<String> load(InputStream tar) {
        // The transport closes the request body when sent; the caller owns the stream, so shield it.
        InputStream unclosable = new FilterInputStream(tar) {
            @Override
            public void close() {
            }
        };
        LoadOutput output = calls.call(() -> docker.loadImageAsyncCmd(unclosable).exec(new LoadOutput()));
        awaitEnd(output, "an image load");
        output.failure().ifPresent(failure -> {
            throw calls.translate(failure);
        });
        output.error().ifPresent(error -> {
            throw new EngineException("Loading the image failed: " + error);
        });
        return output.loaded();
    }

    private void awaitEnd(StreamCallback<?> stream, String what) {
        try {
            stream.awaitEnd();
        } catch (InterruptedException e) {
            stream.close();
            Thread.currentThread().interrupt();
            throw new EngineException("Cancelled " + what, 0, e);
        }
    }

    private static ImageSummary toSummary(Image image) {
        List<String> tags = image.getRepoTags() == null ? List.of()
                : Arrays.stream(image.getRepoTags()).filter(tag -> !NO_TAG.equals(tag))
                        .map(ImageReference::normalise).distinct().toList();
        return new ImageSummary(image.getId(), tags, image.getSize() == null ? 0 : image.getSize(),
                Instant.ofEpochSecond(image.getCreated() == null ? 0 : image.getCreated()),
                image.getLabels() == null ? Map.of() : image.getLabels());
    }
}
