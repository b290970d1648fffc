package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.ImageReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Looks up, for each context image, whether the engine has it and whether the endpoint publishes its tar. */
final class ImageCheck {
    /** Where the docker-context plugin looks for image tars on the endpoint (drp-api-facts §3.12). */
    static final String PUBLISHED_DIR = "contexts/docker-context/";

    private ImageCheck() {
    }

    /** Blocking: call on the I/O executor. */
    static Map<String, ImageStatus> check(EngineHandle engine, DrpClient client, Set<String> images) {
        Set<String> local = localImages(engine);
        Map<String, ImageStatus> found = new HashMap<>();
        for (String image : images) {
            Boolean onEngine = local == null ? null : local.contains(canonical(image));
            found.put(image, new ImageStatus(onEngine, published(client, image)));
        }
        return found;
    }

    /**
     * The form engines compare names in: no implicit registry (see {@link ImageReference}) and an explicit tag, as
     * the engine reads "digitalrebar/runner" as "digitalrebar/runner:latest".
     */
    static String canonical(String reference) {
        String name = ImageReference.normalise(reference.strip());
        if (name.contains("@")) {
            return name;
        }
        String lastPart = name.substring(name.lastIndexOf('/') + 1);
        return lastPart.contains(":") ? name : name + ":latest";
    }

    /** The engine's image names, or null when it cannot be asked. */
    private static Set<String> localImages(EngineHandle engine) {
        try {
            return engine.get().images().list(Map.of(), false).stream()
                    .flatMap(image -> image.tags().stream())
                    .map(ImageCheck::canonical)
                    .collect(Collectors.toSet());
        } catch (EngineException e) {
            return null;
        }
    }

    private static Boolean published(DrpClient client, String image) {
        try {
            return client.fileSha256(PUBLISHED_DIR + image).isPresent();
        } catch (DrpException e) {
            return null;
        }
    }
}
