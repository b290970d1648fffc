package dev.drpconsole.core.setup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The project's demo content pack {@value #NAME}, kept as a {@code drpcli contents bundle} source tree (object
 * directories plus {@code ._<Field>.meta} files) under {@code dev/drpconsole/core/setup/demo/context-demo}: a
 * workflow whose stage runs {@code context:runner}, a bash task that prints a few lines (one in colour) and
 * sleeps 6 s, then {@code context:}. Like the seed's colordemo context-demo, it expects a context named
 * {@code runner} whose Engine is docker-context.
 */
public final class DemoContentPack {

    public static final String NAME = "context-demo";
    public static final String WORKFLOW = "context-demo";
    public static final String TASK = "context-demo-example";
    public static final String CONTEXT = "runner";
    private static final String ROOT = "/dev/drpconsole/core/setup/demo/context-demo/";

    private DemoContentPack() {
    }

    /** The files of the bundle source tree, relative to its root. */
    public static List<String> files() {
        try {
            return index();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> index() throws IOException {
        try (InputStream index = resource("INDEX")) {
            return new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.isBlank())
                    .toList();
        }
    }

    /**
     * Writes the bundle source tree into a directory, ready for {@code drpcli contents bundle}.
     *
     * @throws IncompleteException a file of the pack is not in the console's package (a broken build)
     */
    public static void extractTo(Path directory) throws IOException {
        for (String file : index()) {
            Path target = directory.resolve(file);
            Files.createDirectories(target.getParent());
            try (InputStream in = resource(file)) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** One file of the pack as text (e.g. {@code stages/context-demo-stage.yaml}). */
    public static String text(String file) throws IOException {
        try (InputStream in = resource(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static InputStream resource(String relative) throws IncompleteException {
        InputStream in = DemoContentPack.class.getResourceAsStream(ROOT + relative);
        if (in == null) {
            throw new IncompleteException(ROOT + relative);
        }
        return in;
    }

    /** A file of the pack is not among the console's resources: the build or package is broken, not the user's. */
    public static final class IncompleteException extends IOException {
        IncompleteException(String resource) {
            super("the resource " + resource + " is not in the package");
        }
    }
}
