package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One content pack as {@code GET /api/v3/contents} lists it ({@code meta} is lower case there). */
public record ContentSummary(String name, String version, String type, ObjectNode json) {

    public static ContentSummary of(ObjectNode json) {
        return new ContentSummary(json.path("meta").path("Name").asText(""),
                json.path("meta").path("Version").asText(""), json.path("meta").path("Type").asText(""), json);
    }
}
