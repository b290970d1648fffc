package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /api/v3/info}: who the endpoint is. Its keys are snake_case, unlike objects. */
public final class Info {
    private final ObjectNode json;

    public Info(ObjectNode json) {
        this.json = json;
    }

    /** e.g. {@code v4.8.0} (the sandbox says what it emulates). */
    public String version() {
        return json.path("version").asText("");
    }

    /** The endpoint's id. */
    /** The endpoint's processor architecture as Go names it (amd64, arm64); "" when it does not say. */
    public String arch() {
        return json.path("arch").asText("");
    }

    public String id() {
        return json.path("id").asText("");
    }

    public int apiPort() {
        return json.path("api_port").asInt(0);
    }

    public List<String> features() {
        List<String> features = new ArrayList<>();
        json.path("features").forEach(feature -> features.add(feature.asText()));
        return features;
    }

    public boolean hasFeature(String feature) {
        return features().contains(feature);
    }

    public JsonNode json() {
        return json.deepCopy();
    }
}
