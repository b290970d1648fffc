package dev.drpconsole.sandbox.runner;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.files.BlobStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Makes sure a context's image is on the engine, the way the docker-context plugin does (§6.3): never from a
 * registry; an image the engine lacks is loaded from the {@code docker save} tar in the files API, where the
 * plugin generation keeps them ({@link ContextsFeature#imageDirectories()}). A v4.8+ plugin also downloads a
 * missing tar from the context's {@code Meta.Imagepull} URL and checks it against {@code Meta.Checksum} (sha256),
 * removing a tar that does not match (docs.rackn.io/stable/operators/machine/contexts/ "Changes";
 * docs.rackn.io/dev/resources/objects/tasks/bootstrap-contexts).
 */
final class RunnerImages {

    private static final Duration PULL_TIMEOUT = Duration.ofSeconds(30);

    private final ContainerEngine engine;
    private final BlobStore files;
    private final ContextsFeature plugin;

    RunnerImages(ContainerEngine engine, BlobStore files, ContextsFeature plugin) {
        this.engine = engine;
        this.files = files;
        this.plugin = plugin;
    }

    boolean exists(String image) {
        return engine.images().exists(image);
    }

    /**
     * @param contextMeta the context's Meta ({@code Imagepull}, {@code Checksum} for a v4.8+ plugin)
     * @throws RunnerException when the image is neither on the engine nor to be had from the files API
     */
    void ensure(String image, JsonNode contextMeta) {
        if (exists(image)) {
            return;
        }
        Optional<String> tar = tarFor(image);
        String imagePull = SandboxJson.string(contextMeta, "Imagepull");
        if (tar.isEmpty() && plugin == ContextsFeature.PLUGIN_V4_8 && !imagePull.isEmpty()) {
            tar = Optional.of(pull(image, imagePull));
        }
        String relative = tar.orElseThrow(() -> new RunnerException("Image " + image + " is not on the container "
                + "engine and no files/" + plugin.imageDirectories().get(0) + image + " was uploaded to load it "
                + "from"));
        String checksum = SandboxJson.string(contextMeta, "Checksum");
        if (plugin == ContextsFeature.PLUGIN_V4_8 && !checksum.isEmpty()
                && !checksum.equalsIgnoreCase(files.sha256(relative))) {
            files.delete(relative);
            throw new RunnerException("files/" + relative + " does not match Meta.Checksum " + checksum
                    + ": the plugin removed it");
        }
        load(image, files.file(relative).orElseThrow());
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

    private Optional<String> tarFor(String image) {
        return plugin.imageDirectories().stream().map(directory -> directory + image).filter(files::isFile)
                .findFirst();
    }

    /** Downloads Meta.Imagepull into the plugin's directory; no registry or internet is needed for a local URL. */
    private String pull(String image, String url) {
        String relative = plugin.imageDirectories().get(0) + image;
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(PULL_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
            HttpResponse<InputStream> reply = client.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(PULL_TIMEOUT).build(), HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = reply.body()) {
                if (reply.statusCode() != 200) {
                    throw new RunnerException("Meta.Imagepull " + url + " answered HTTP " + reply.statusCode());
                }
                files.store(relative, body);
            }
            return relative;
        } catch (IOException | IllegalArgumentException e) {
            throw new RunnerException("Could not download Meta.Imagepull " + url + " for " + image + ": "
                    + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("Interrupted while downloading Meta.Imagepull " + url);
        }
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
