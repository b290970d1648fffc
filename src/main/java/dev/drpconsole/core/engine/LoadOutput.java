package dev.drpconsole.core.engine;

import com.github.dockerjava.api.model.LoadResponseItem;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the engine's answer to an image load: "Loaded image: name:tag" for images saved by name, "Loaded image ID:
 * sha256:..." for images saved by id. (docker-java's own callback only knows the first form.) Names are reported
 * {@link ImageReference#normalise normalised}: Podman says "Loaded image: docker.io/x:1" for Docker's "x:1".
 */
final class LoadOutput extends StreamCallback<LoadResponseItem> {

    private static final Pattern LOADED = Pattern.compile("^Loaded image(?: ID)?: (\\S+)\\s*$", Pattern.MULTILINE);

    private final List<String> loaded = new CopyOnWriteArrayList<>();
    private volatile String error;

    @Override
    public void onNext(LoadResponseItem item) {
        if (item.isErrorIndicated()) {
            error = EngineErrorTranslator.engineMessage(item);
            return;
        }
        if (item.getStream() != null) {
            Matcher matcher = LOADED.matcher(item.getStream());
            while (matcher.find()) {
                loaded.add(ImageReference.normalise(matcher.group(1)));
            }
        }
    }

    List<String> loaded() {
        return List.copyOf(loaded);
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }
}
