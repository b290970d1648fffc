package dev.drpconsole.core.setup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The demo content pack's {@code drpcli contents bundle} source tree as text, its stage switched to the context the
 * wizard made: what the commands by hand write out with here-documents before bundling it themselves.
 */
public final class DemoPackSource {
    static final String STAGE_FILE = "stages/context-demo-stage.yaml";

    private DemoPackSource() {
    }

    /** Each file of the tree (relative path to text, in the pack's order), the stage running in {@code context}. */
    public static Map<String, String> files(String contextName) {
        Map<String, String> files = new LinkedHashMap<>(Pristine.FILES);
        files.computeIfPresent(STAGE_FILE, (name, text) -> forContext(text, contextName));
        return files;
    }

    /** The stage's {@code context:runner} task switched to {@code context:<contextName>}. */
    static String forContext(String stage, String contextName) {
        return stage.replaceAll("(?m)^(\\s*- )context:" + DemoContentPack.CONTEXT + "\\s*$",
                "$1context:" + Matcher.quoteReplacement(contextName));
    }

    /** The pack as shipped, read once. */
    private static final class Pristine {
        static final Map<String, String> FILES = read();

        private static Map<String, String> read() {
            try {
                Map<String, String> files = new LinkedHashMap<>();
                for (String file : DemoContentPack.files()) {
                    files.put(file, DemoContentPack.text(file));
                }
                return Collections.unmodifiableMap(files);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo content pack", e);
            }
        }
    }
}
