package dev.drpconsole.sandbox.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where stored objects live on disk: one JSON file per object, {@code <dir>/<prefix>/<url-encoded key>.json}, each
 * written atomically, so a restart finds every object that was acknowledged to a client.
 */
final class ObjectFiles {

    private static final Logger LOG = LoggerFactory.getLogger(ObjectFiles.class);
    private static final String SUFFIX = ".json";

    private final Path directory;

    ObjectFiles(Path directory) {
        this.directory = directory;
    }

    void write(String prefix, String key, ObjectNode object) {
        try {
            AtomicFiles.write(fileOf(prefix, key), SandboxJson.bytes(object));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save " + prefix + "/" + key + " in " + directory, e);
        }
    }

    void delete(String prefix, String key) {
        try {
            Files.deleteIfExists(fileOf(prefix, key));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + prefix + "/" + key + " from " + directory, e);
        }
    }

    /** Every object saved for a prefix; unreadable files are set aside (renamed *.unreadable) and reported. */
    List<ObjectNode> readAll(String prefix) {
        Path folder = directory.resolve(prefix);
        List<ObjectNode> objects = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return objects;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                if (AtomicFiles.isTemporary(file)) {
                    Files.deleteIfExists(file);
                } else if (file.getFileName().toString().endsWith(SUFFIX)) {
                    read(file, objects);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read saved " + prefix + " from " + folder, e);
        }
        return objects;
    }

    private static void read(Path file, List<ObjectNode> into) throws IOException {
        try {
            JsonNode node = SandboxJson.parse(Files.readAllBytes(file));
            if (node instanceof ObjectNode object) {
                into.add(object);
                return;
            }
        } catch (IOException e) {
            LOG.warn("Unreadable saved object {}: {}", file, e.getMessage());
        }
        Files.move(file, file.resolveSibling(file.getFileName() + ".unreadable"));
    }

    private Path fileOf(String prefix, String key) {
        return directory.resolve(prefix).resolve(encode(key) + SUFFIX);
    }

    static String encode(String key) {
        // Keys may hold '/', ':' and other characters file names cannot; '*' is encoded too to keep names portable.
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("*", "%2A");
    }

    static String decode(String fileName) {
        return URLDecoder.decode(fileName, StandardCharsets.UTF_8);
    }
}
