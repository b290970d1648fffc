package dev.drpconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The object types the sandbox serves, read from {@code kinds.json} beside this class. */
public final class ObjectKinds {

    private final Map<String, ObjectKind> byPrefix;

    private ObjectKinds(Map<String, ObjectKind> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    public static ObjectKinds standard() {
        try (InputStream in = ObjectKinds.class.getResourceAsStream("kinds.json")) {
            if (in == null) {
                throw new IllegalStateException("kinds.json is missing from the sandbox resources");
            }
            return fromDeclarations((ObjectNode) SandboxJson.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the sandbox's object kinds", e);
        }
    }

    private static ObjectKinds fromDeclarations(ObjectNode declarations) {
        Map<String, Set<String>> structs = new LinkedHashMap<>();
        declarations.path("_structs").fields().forEachRemaining(struct -> structs.put(struct.getKey(),
                texts(struct.getValue())));
        Map<String, ObjectKind> kinds = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> entries = declarations.fields();
        while (entries.hasNext()) {
            Map.Entry<String, JsonNode> entry = entries.next();
            if (entry.getKey().startsWith("_")) {
                continue;
            }
            kinds.put(entry.getKey(), kind(entry.getKey(), entry.getValue(), structs));
        }
        return new ObjectKinds(kinds);
    }

    private static ObjectKind kind(String prefix, JsonNode declaration, Map<String, Set<String>> structs) {
        Map<String, IndexDefinition> indexes = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> declared = declaration.path("Indexes").fields();
        while (declared.hasNext()) {
            Map.Entry<String, JsonNode> index = declared.next();
            String[] words = index.getValue().asText().split(" ");
            boolean unique = words.length > 1 && "unique".equals(words[1]);
            indexes.put(index.getKey(), new IndexDefinition(index.getKey(), IndexType.fromDeclaration(words[0]), unique));
        }
        Map<String, Set<String>> structFields = new LinkedHashMap<>();
        declaration.path("Structs").fields().forEachRemaining(field -> structFields.put(field.getKey(),
                Optional.ofNullable(structs.get(field.getValue().asText())).orElseThrow(() ->
                        new IllegalStateException("kinds.json: no struct " + field.getValue().asText()))));
        return new ObjectKind(prefix, declaration.path("Key").asText(), declaration.path("Common").asBoolean(),
                declaration.path("Partial").asBoolean(), declaration.path("Params").asBoolean(), indexes,
                (ObjectNode) declaration.path("Defaults"), texts(declaration.path("Optional")), structFields);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new LinkedHashSet<>();
        array.forEach(text -> texts.add(text.asText()));
        return texts;
    }

    public Optional<ObjectKind> find(String prefix) {
        return Optional.ofNullable(byPrefix.get(prefix));
    }

    /** The kind of a prefix the sandbox is known to serve; a programming error otherwise. */
    public ObjectKind get(String prefix) {
        return find(prefix).orElseThrow(() -> new IllegalArgumentException("No object kind " + prefix));
    }

    public Collection<ObjectKind> all() {
        return byPrefix.values();
    }
}
