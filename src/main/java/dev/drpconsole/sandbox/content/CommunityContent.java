package dev.drpconsole.sandbox.content;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The community content layer every real install has ({@code drp-community-content}, installed with the server by
 * DRP's install script): the stage {@code complete} comes from it, not from the server [v3 run]. The sandbox
 * installs its small model of that pack at start when missing, as an ordinary read-only content layer a client
 * sees in /contents and could replace or remove.
 */
public final class CommunityContent {

    public static final String NAME = "drp-community-content";

    private CommunityContent() {
    }

    public static void ensure(ContentPacks packs) {
        if (packs.get(NAME).isEmpty()) {
            packs.install(pack(), false, false, "");
        }
    }

    private static ObjectNode pack() {
        try (InputStream in = CommunityContent.class.getResourceAsStream(NAME + ".json")) {
            if (in == null) {
                throw new IllegalStateException(NAME + ".json is missing from the sandbox resources");
            }
            return (ObjectNode) SandboxJson.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the community content pack", e);
        }
    }
}
