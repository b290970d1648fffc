package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;

/** The one Jackson mapper the client uses (thread-safe once configured). */
final class DrpJson {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private DrpJson() {
    }

    static JsonNode read(InputStream in) throws IOException {
        return MAPPER.readTree(in);
    }

    static JsonNode read(String text) throws IOException {
        return MAPPER.readTree(text);
    }

    static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new IllegalStateException("A JSON tree always serializes", e);
        }
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }
}
