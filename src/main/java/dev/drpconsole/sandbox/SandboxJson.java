package dev.drpconsole.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * The one JSON mapper of the sandbox. DRP objects are kept as Jackson trees rather than Java classes, one generic
 * store for every type; each type's field set (its Go model's) is declared in {@code kinds.json}, and a client's
 * body is cut down to it as Go's encoding/json would ({@link dev.drpconsole.sandbox.model.ObjectKind#decoded}).
 */
public final class SandboxJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    /** How Go's {@code time.Time} zero value serializes; DRP sends it for unset times. */
    public static final String ZERO_TIME = "0001-01-01T00:00:00Z";

    private SandboxJson() {
    }

    public static ObjectNode object() {
        return JsonNodeFactory.instance.objectNode();
    }

    public static ArrayNode array() {
        return JsonNodeFactory.instance.arrayNode();
    }

    public static JsonNode parse(byte[] json) throws JsonProcessingException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    public static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    public static String pretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    /** An event's time: RFC 3339 with up to nanoseconds, UTC (object times go through {@link ServerClock}). */
    public static String time(Instant instant) {
        return instant.toString();
    }

    /** The string at a field, or "" when missing or not textual (Go's zero value). */
    public static String string(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isTextual() ? value.asText() : "";
    }
}
