package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.DrpException;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.core.engine.EngineHandle;
import dev.drpconsole.core.engine.ImageReference;
import dev.drpconsole.core.setup.ContextImageLayout;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Looks up, for each docker-context context's image, whether the engine has it and whether the endpoint publishes
 * its tar where the plugin looks ({@link ContextImageLayout}), with the v4.8+ plugin's Meta.Imagepull and
 * Meta.Checksum.
 */
final class ImageCheck {
    private ImageCheck() {
    }

    /** Blocking: call on the I/O executor. Image status by image reference. */
    static Map<String, ImageStatus> check(EngineHandle engine, DrpClient client, Collection<DrpContext> contexts) {
        Set<String> local = localImages(engine);
        ContextImageLayout layout = ContextImageLayout.of(client);
        Map<String, ImageStatus> found = new HashMap<>();
        for (DrpContext context : contexts) {
            Boolean onEngine = local == null ? null : local.contains(canonical(context.image()));
            found.put(context.image(), status(client, layout, context, onEngine));
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

    /** What the endpoint has of the image, under the plugin's layout. */
    private static ImageStatus status(DrpClient client, ContextImageLayout layout, DrpContext context,
            Boolean onEngine) {
        // Meta.Imagepull and Meta.Checksum are the v4.8+ plugin's; an older one ignores them.
        String pullUrl = layout.newer() ? context.meta("Imagepull").strip() : "";
        String checksum = layout.newer() ? context.meta("Checksum").strip() : "";
        try {
            Optional<String> sha256 = client.fileSha256(layout.pathOf(context.image()));
            Boolean matches = sha256.isEmpty() || checksum.isEmpty() ? null : checksum.equalsIgnoreCase(sha256.get());
            return new ImageStatus(onEngine, sha256.isPresent(), layout, pullUrl, matches);
        } catch (DrpException e) {
            return new ImageStatus(onEngine, null, layout, pullUrl, null);
        }
    }
}
