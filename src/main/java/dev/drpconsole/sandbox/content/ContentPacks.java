package dev.drpconsole.sandbox.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.store.AtomicFiles;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Content packs (§3.11): a {@code Content} ({@code {"meta": {...}, "sections": {"<prefix>": {"<key>": object}}}},
 * what {@code drpcli contents bundle} makes) installed as a read-only layer. Its objects join the store marked
 * {@code ReadOnly} with {@code Bundle} = the pack's name; clients cannot change them, and replacing or removing
 * the pack replaces or removes them. The pack itself is kept as uploaded in the data dir.
 */
public final class ContentPacks {

    /** The server's own read-only layer [v3 code: backend/stack.go BasicContent]. */
    public static final String BASIC_STORE = "BasicStore";
    /** The writable layer clients' objects live in [v3 code: backend/stack.go]. */
    public static final String BACKING_STORE = "BackingStore";

    private final ObjectStore store;
    private final Path directory;

    public ContentPacks(ObjectStore store, Path directory) {
        this.store = store;
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    /**
     * Every layer of the store as {@code ContentSummary}, top first as the server stacks them: the writable
     * {@code BackingStore}, the installed packs, the server's {@code BasicStore} [v3 run; v3 code: backend/stack.go].
     */
    public ArrayNode summaries() {
        ArrayNode list = SandboxJson.array();
        list.add(storeLayer(BACKING_STORE, "Writable backing store", "writable",
                object -> !object.path("ReadOnly").asBoolean()));
        names().forEach(name -> read(name).ifPresent(content -> list.add(summary(content))));
        list.add(storeLayer(BASIC_STORE, "Default objects that must be present", "default",
                object -> BASIC_STORE.equals(SandboxJson.string(object, "Bundle"))));
        return list;
    }

    private ObjectNode storeLayer(String name, String description, String type, Predicate<ObjectNode> inLayer) {
        ObjectNode summary = SandboxJson.object();
        summary.putObject("meta").put("Name", name).put("Description", description).put("Type", type)
                .put("Version", "0.0.0").put("Writable", "writable".equals(type));
        ObjectNode counts = summary.putObject("Counts");
        for (ObjectKind kind : store.kinds().all()) {
            long count = store.list(kind.prefix()).stream().filter(inLayer).count();
            if (count > 0) {
                counts.put(kind.prefix(), count);
            }
        }
        summary.putArray("Warnings");
        return summary;
    }

    public Optional<ObjectNode> get(String name) {
        return read(name);
    }

    /**
     * Installs a new pack (POST) or replaces an installed one (PUT).
     *
     * @param replacing        PUT: the pack must exist; POST: it must not
     * @param replaceWritable  let the pack take over same-named objects that clients created
     */
    public ObjectNode install(JsonNode body, boolean replacing, boolean replaceWritable, String principal) {
        if (!(body instanceof ObjectNode content) || !content.path("meta").isObject()) {
            throw ApiException.validation("contents", "", "Store at content- has no Name metadata");
        }
        String name = SandboxJson.string(content.get("meta"), "Name");
        if (name.isEmpty()) {
            throw ApiException.validation("contents", "", "Store at content- has no Name metadata");
        }
        return store.write(() -> {
            Optional<ObjectNode> existing = read(name);
            if (replacing && existing.isEmpty()) {
                throw new ApiException(404, "PUT", "contents", name, "No such content store");
            }
            if (!replacing && existing.isPresent()) {
                throw new ApiException(409, "POST", "contents", name, "Content " + name + " already exists");
            }
            ObjectNode normalized = normalized(content, name);
            Map<String, ObjectNode> layers = installed();
            layers.put(name, normalized);
            refuseMissingPrerequisites(layers);
            Map<String, Map<String, ObjectNode>> incoming = objectsOf(normalized, name);
            checkConflicts(incoming, name, replaceWritable);
            removeObjectsNoLongerIn(name, incoming, principal);
            incoming.forEach((prefix, objects) -> objects.values().forEach(object ->
                    store.put(prefix, object, store.get(prefix, store.kinds().get(prefix).keyOf(object)).isPresent()
                            ? "update" : "create", principal)));
            write(name, normalized);
            return summary(normalized);
        });
    }

    public void remove(String name, String principal) {
        store.write(() -> {
            if (read(name).isEmpty()) {
                throw new ApiException(404, "DELETE", "contents", name, "No such content store");
            }
            Map<String, ObjectNode> layers = installed();
            layers.remove(name);
            refuseMissingPrerequisites(layers);
            removeObjectsNoLongerIn(name, Map.of(), principal);
            try {
                Files.deleteIfExists(fileOf(name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private Map<String, ObjectNode> installed() {
        Map<String, ObjectNode> layers = new TreeMap<>();
        names().forEach(name -> read(name).ifPresent(content -> layers.put(name, content)));
        return layers;
    }

    /**
     * Every layer's {@code meta.Prerequisites} ("name[: version range], …", DRP v4.7.0 models/content.go
     * ParseContentPrerequisites) must name a layer of the stack as it would be [v3 code: backend/stack.go
     * buildStack]. Version ranges are not checked.
     */
    private static void refuseMissingPrerequisites(Map<String, ObjectNode> layers) {
        List<String> problems = new ArrayList<>();
        layers.forEach((layer, content) -> {
            for (String entry : SandboxJson.string(content.path("meta"), "Prerequisites").split(",")) {
                String needed = entry.split(":", 2)[0].trim();
                if (!needed.isEmpty() && !layers.containsKey(needed) && !BASIC_STORE.equals(needed)) {
                    problems.add("Layer " + layer + " has " + needed + " as a prerequisite, but " + needed
                            + " does not exist!");
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new ApiException(422, "STORE_ERROR", "contents", "", problems);
        }
    }

    private static ObjectNode normalized(ObjectNode content, String name) {
        ObjectNode copy = content.deepCopy();
        ObjectNode meta = (ObjectNode) copy.get("meta");
        meta.put("Type", "dynamic");
        meta.put("Writable", false);
        meta.put("Overwritable", false);
        for (String field : new String[] {"Version", "Description", "Source", "Documentation", "RequiredFeatures",
                "Prerequisites", "Color", "Icon", "Author", "DisplayName", "License", "Copyright", "CodeSource",
                "Order", "Tags", "DocUrl"}) {
            if (!meta.has(field)) {
                meta.put(field, "");
            }
        }
        if (!copy.path("sections").isObject()) {
            copy.putObject("sections");
        }
        return copy;
    }

    private Map<String, Map<String, ObjectNode>> objectsOf(ObjectNode content, String name) {
        Map<String, Map<String, ObjectNode>> objects = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> sections = content.get("sections").fields();
        while (sections.hasNext()) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectKind kind = store.kinds().find(section.getKey()).orElseThrow(() -> ApiException.validation(
                    "contents", name, "Content " + name + " has objects of an unknown type: " + section.getKey()));
            Map<String, ObjectNode> byKey = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> entries = section.getValue().fields();
            while (entries.hasNext()) {
                Map.Entry<String, JsonNode> entry = entries.next();
                if (!(entry.getValue() instanceof ObjectNode given)) {
                    throw ApiException.validation("contents", name, section.getKey() + ":" + entry.getKey()
                            + " is not an object");
                }
                ObjectNode object = kind.decoded(given);
                if (kind.keyOf(object).isEmpty()) {
                    object.put(kind.keyField(), entry.getKey());
                }
                kind.fill(object);
                object.put("ReadOnly", true);
                object.put("Bundle", name);
                object.put("Validated", true);
                object.put("Available", true);
                byKey.put(kind.keyOf(object), object);
            }
            objects.put(kind.prefix(), byKey);
        }
        return objects;
    }

    private void checkConflicts(Map<String, Map<String, ObjectNode>> incoming, String name, boolean replaceWritable) {
        List<String> conflicts = new ArrayList<>();
        incoming.forEach((prefix, objects) -> objects.keySet().forEach(key -> store.get(prefix, key)
                .ifPresent(existing -> {
                    String owner = SandboxJson.string(existing, "Bundle");
                    boolean writable = !existing.path("ReadOnly").asBoolean();
                    if (writable && !replaceWritable) {
                        conflicts.add(prefix + ":" + key + " in layer dynamic-" + name
                                + " would override layer writable-BackingStore");
                    } else if (!writable && !owner.equals(name)) {
                        conflicts.add(prefix + ":" + key + " in layer dynamic-" + name + " would override layer "
                                + owner);
                    }
                })));
        if (!conflicts.isEmpty()) {
            throw ApiException.validation("contents", name, conflicts);
        }
    }

    private void removeObjectsNoLongerIn(String name, Map<String, Map<String, ObjectNode>> incoming,
                                         String principal) {
        for (ObjectKind kind : store.kinds().all()) {
            for (ObjectNode object : store.list(kind.prefix())) {
                String key = kind.keyOf(object);
                boolean ours = object.path("ReadOnly").asBoolean() && name.equals(SandboxJson.string(object, "Bundle"));
                if (ours && !incoming.getOrDefault(kind.prefix(), Map.of()).containsKey(key)) {
                    store.remove(kind.prefix(), key, principal);
                }
            }
        }
    }

    private static ObjectNode summary(ObjectNode content) {
        ObjectNode summary = SandboxJson.object();
        summary.set("meta", content.get("meta"));
        ObjectNode counts = summary.putObject("Counts");
        content.path("sections").fields().forEachRemaining(section ->
                counts.put(section.getKey(), section.getValue().size()));
        summary.putArray("Warnings");
        return summary;
    }

    private List<String> names() {
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(fileName -> fileName.endsWith(".json") && !fileName.startsWith("."))
                    .map(fileName -> java.net.URLDecoder.decode(fileName.substring(0, fileName.length() - 5),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<ObjectNode> read(String name) {
        Path file = fileOf(name);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of((ObjectNode) SandboxJson.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read content pack " + name, e);
        }
    }

    private void write(String name, ObjectNode content) {
        try {
            AtomicFiles.write(fileOf(name), SandboxJson.bytes(content));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot save content pack " + name, e);
        }
    }

    private Path fileOf(String name) {
        return directory.resolve(java.net.URLEncoder.encode(name, java.nio.charset.StandardCharsets.UTF_8)
                + ".json");
    }
}
