package dev.drpconsole.core.setup;

import dev.drpconsole.sandbox.content.DemoContentPack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

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

    /** The pack as shipped, read once (through a scratch copy: the pack only extracts itself). */
    private static final class Pristine {
        static final Map<String, String> FILES = read();

        private static Map<String, String> read() {
            Path scratch = null;
            try {
                scratch = Files.createTempDirectory("context-demo-src");
                DemoContentPack.extractTo(scratch);
                Map<String, String> files = new LinkedHashMap<>();
                for (String file : DemoContentPack.files()) {
                    files.put(file, Files.readString(scratch.resolve(file)));
                }
                return java.util.Collections.unmodifiableMap(files);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the demo content pack", e);
            } finally {
                delete(scratch);
            }
        }

        private static void delete(Path scratch) {
            if (scratch == null) {
                return;
            }
            try (Stream<Path> paths = Files.walk(scratch)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // A few bytes left in the temp directory.
            }
        }
    }
}
