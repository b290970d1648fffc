package dev.drpconsole.sandbox.runner;

import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.sandbox.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure a context's image is on the engine, the way the docker-context plugin does (§6.3): never from a
 * registry; an image the engine lacks is loaded from the {@code docker save} tar uploaded to the files API at
 * {@code contexts/docker-context/<Image>} (or the plural {@code contexts/docker-contexts/<Image>} some docs use).
 */
final class RunnerImages {

    static final List<String> FILE_DIRECTORIES = List.of("contexts/docker-context/", "contexts/docker-contexts/");

    private final ContainerEngine engine;
    private final BlobStore files;

    RunnerImages(ContainerEngine engine, BlobStore files) {
        this.engine = engine;
        this.files = files;
    }

    boolean exists(String image) {
        return engine.images().exists(image);
    }

    /**
     * @throws RunnerException when the image is neither on the engine nor in the files API
     */
    void ensure(String image) {
        if (exists(image)) {
            return;
        }
        Path tar = tarFor(image).orElseThrow(() -> new RunnerException("Image " + image + " is not on the container "
                + "engine and no files/" + FILE_DIRECTORIES.get(0) + image + " was uploaded to load it from"));
        load(image, tar);
    }

    /** Loads a tar from a files-API path (e.g. "files/contexts/docker-context/x:1" or "contexts/..."). */
    void loadFromFiles(String image, String filesPath) {
        String relative = filesPath.startsWith("files/") ? filesPath.substring("files/".length()) : filesPath;
        Path tar = files.file(relative).orElseThrow(() -> new RunnerException("No file " + relative
                + " in the files API to load " + image + " from"));
        load(image, tar);
    }

    void remove(String image) {
        engine.images().remove(image, false);
    }

    private Optional<Path> tarFor(String image) {
        for (String directory : FILE_DIRECTORIES) {
            Optional<Path> tar = files.file(directory + image);
            if (tar.isPresent()) {
                return tar;
            }
        }
        return Optional.empty();
    }

    private void load(String image, Path tar) {
        List<String> loaded;
        try (InputStream in = Files.newInputStream(tar)) {
            loaded = engine.images().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + tar, e);
        }
        if (!exists(image)) {
            throw new RunnerException("Loaded " + tar.getFileName() + " but it holds " + loaded + ", not " + image
                    + ": save the image by name (docker save " + image + ")");
        }
    }
}
