package dev.drpconsole.core.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What Inspect shows about one container: key facts, its environment with secret values hidden, its labels, and
 * all of it as pretty JSON for copying. Nothing here carries a secret value, so any part may be shown or copied.
 *
 * @param facts       label → value, in display order
 * @param environment {@code NAME=value} entries, secrets masked
 * @param labels      container labels, sorted by key
 * @param json        the same as pretty-printed JSON
 */
public record ContainerInspection(Map<String, String> facts, List<String> environment, Map<String, String> labels,
                                  String json) {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Facts are read by people: local time to the second. The JSON keeps the engine's exact instants. */
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    public static ContainerInspection of(ContainerDetails details) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("Name", details.name());
        facts.put("Image", details.image());
        facts.put("State", details.state() + (details.running() ? "" : " (exit code " + details.exitCode() + ")"));
        details.runnerMachineUuid().ifPresent(uuid -> facts.put("Runner for machine", uuid.toString()));
        facts.put("Network", details.networkMode());
        facts.put("Created", LOCAL_TIME.format(details.created()));
        facts.put("Started", time(details.startedAt()));
        facts.put("Finished", time(details.finishedAt()));
        facts.put("Id", details.id());
        List<String> environment = details.environment().stream().map(EnvironmentMask::mask).toList();
        Map<String, String> labels = new TreeMap<>(details.labels());
        return new ContainerInspection(Collections.unmodifiableMap(facts), environment,
                Collections.unmodifiableMap(labels), json(details, environment, labels));
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(LOCAL_TIME::format).orElse("—");
    }

    private static String json(ContainerDetails details, List<String> environment, Map<String, String> labels) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("Id", details.id());
        tree.put("Name", details.name());
        tree.put("Image", details.image());
        tree.put("ImageId", details.imageId());
        tree.put("State", details.state());
        tree.put("Running", details.running());
        tree.put("ExitCode", details.exitCode());
        tree.put("Created", details.created().toString());
        tree.put("StartedAt", details.startedAt().map(Instant::toString).orElse(null));
        tree.put("FinishedAt", details.finishedAt().map(Instant::toString).orElse(null));
        tree.put("NetworkMode", details.networkMode());
        tree.put("Env", environment);
        tree.put("Labels", labels);
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Strings, numbers and maps always serialise", e);
        }
    }
}
