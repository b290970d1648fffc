package dev.drpconsole.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * DRP's operational preferences ({@code drpcli prefs list|set}), kept in {@code prefs.json} in the data dir.
 * The defaults, the names and the checks are the real server's (v3 frontend/prefs.go, backend/dataTracker.go
 * {@code SetPrefs}; its {@code prefs list} test output): {@code defaultWorkflow} is listed only once set, a default
 * stage, boot environment or workflow must exist, timeouts must be integers, any other name is refused. The token
 * secrets are not among them: the sandbox signs its tokens with its own key, which a pref would not change.
 */
public final class Preferences {

    public static final String DEFAULT_WORKFLOW = "defaultWorkflow";
    public static final String DEFAULT_STAGE = "defaultStage";
    public static final String DEFAULT_BOOT_ENV = "defaultBootEnv";

    private static final Map<String, String> DEFAULTS = Map.of(
            DEFAULT_BOOT_ENV, "local", DEFAULT_STAGE, "none", "unknownBootEnv", "ignore",
            "knownTokenTimeout", "3600", "unknownTokenTimeout", "600", "logLevel", "warn",
            "debugBootEnv", "warn", "debugDhcp", "warn", "debugFrontend", "warn", "debugPlugins", "warn");
    private static final List<String> OTHER_NAMES = List.of(DEFAULT_WORKFLOW, "debugRenderer");

    private final ObjectStore store;
    private final Path file;
    private final Map<String, String> values = new TreeMap<>(DEFAULTS);

    private Preferences(ObjectStore store, Path file) {
        this.store = store;
        this.file = file;
    }

    /** The preferences kept in {@code dataDir}, or the defaults when none were ever set. */
    public static Preferences keptIn(ObjectStore store, Path dataDir) throws IOException {
        Preferences preferences = new Preferences(store, dataDir.resolve("prefs.json"));
        if (Files.isRegularFile(preferences.file)) {
            SandboxJson.parse(Files.readAllBytes(preferences.file)).fields()
                    .forEachRemaining(field -> preferences.values.put(field.getKey(), field.getValue().asText()));
        }
        return preferences;
    }

    /** All preferences as DRP lists them: a JSON object of strings. */
    public synchronized ObjectNode all() {
        ObjectNode all = SandboxJson.object();
        values.forEach(all::put);
        return all;
    }

    /** One preference, "" when unset. */
    public synchronized String get(String name) {
        return values.getOrDefault(name, "");
    }

    /**
     * Sets the given preferences, all or none: DRP answers a bad name or value with 400 and its messages, e.g.
     * {@code defaultWorkflow: Workflow foo does not exist}.
     */
    public synchronized void set(JsonNode changes) {
        if (!changes.isObject()) {
            throw ApiException.badRequest("POST", "prefs", "", "The body must be a JSON object of strings");
        }
        Map<String, String> accepted = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        changes.fields().forEachRemaining(field -> {
            String name = field.getKey();
            String value = field.getValue().asText();
            String problem = problem(name, value);
            if (problem.isEmpty()) {
                accepted.put(name, value);
            } else {
                problems.add(problem);
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(400, "POST", "prefs", "", problems);
        }
        values.putAll(accepted);
        try {
            AtomicFiles.write(file, SandboxJson.bytes(all()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the preferences in " + file, e);
        }
    }

    private String problem(String name, String value) {
        return switch (name) {
            case DEFAULT_BOOT_ENV, "unknownBootEnv" -> exists("bootenvs", value) ? ""
                    : name + ": Bootenv " + value + " does not exist";
            case DEFAULT_STAGE -> exists("stages", value) ? "" : name + ": Stage " + value + " does not exist";
            case DEFAULT_WORKFLOW -> value.isEmpty() || exists("workflows", value) ? ""
                    : name + ": Workflow " + value + " does not exist";
            case "knownTokenTimeout", "unknownTokenTimeout" -> value.matches("-?\\d+") ? ""
                    : name + ": strconv.Atoi: parsing \"" + value + "\": invalid syntax";
            default -> DEFAULTS.containsKey(name) || OTHER_NAMES.contains(name) ? ""
                    : "Unknown Preference " + name;
        };
    }

    private boolean exists(String prefix, String key) {
        return store.get(prefix, key).isPresent();
    }
}
