package dev.drpconsole.core.engine;

import java.util.HashMap;
import java.util.Map;

/**
 * Which containers to list.
 *
 * @param includeStopped also list created, exited and dead containers (like {@code docker ps -a})
 * @param labels         only containers carrying all these labels with these values
 */
public record ContainerQuery(boolean includeStopped, Map<String, String> labels) {

    public ContainerQuery {
        labels = Map.copyOf(labels);
    }

    public static ContainerQuery all() {
        return new ContainerQuery(true, Map.of());
    }

    public static ContainerQuery runningOnly() {
        return new ContainerQuery(false, Map.of());
    }

    public ContainerQuery withLabel(String key, String value) {
        Map<String, String> more = new HashMap<>(labels);
        more.put(key, value);
        return new ContainerQuery(includeStopped, more);
    }
}
