package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.model.IndexDefinition;
import dev.drpconsole.sandbox.model.ObjectKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The query of a list request ({@code GET/HEAD /api/v3/<prefix>?...}): filters on indexes (repeated keys OR
 * together, different keys AND), param filters for machines and profiles, and the modifiers offset, limit, sort,
 * reverse, slim and params. Bad input is a 406, as on a real endpoint.
 */
public final class ListQuery {

    /** Query parameters that modify a list rather than filter it; unknown ones from newer clients are ignored. */
    private static final Set<String> MODIFIERS = Set.of("offset", "limit", "sort", "reverse", "slim", "params",
            "decode", "aggregate", "expand", "commented", "reduced", "filter", "raw", "group-by", "range-only",
            "exclude-self", "force", "token", "compose");

    private static final Map<String, String> SLIMMABLE = Map.of("params", "Params", "meta", "Meta");

    private final ObjectKind kind;
    private final List<Predicate<JsonNode>> filters;
    private final List<IndexDefinition> sortBy;
    private final boolean reverse;
    private final int offset;
    private final int limit;
    private final Set<String> slim;
    private final Optional<Set<String>> onlyParams;

    private ListQuery(ObjectKind kind, List<Predicate<JsonNode>> filters, List<IndexDefinition> sortBy,
                      boolean reverse, int offset, int limit, Set<String> slim, Optional<Set<String>> onlyParams) {
        this.kind = kind;
        this.filters = filters;
        this.sortBy = sortBy;
        this.reverse = reverse;
        this.offset = offset;
        this.limit = limit;
        this.slim = slim;
        this.onlyParams = onlyParams;
    }

    /**
     * @throws ApiException 406 for unknown filters, bad values, unsortable fields and negative paging
     */
    public static ListQuery parse(ObjectKind kind, Map<String, List<String>> query) {
        List<Predicate<JsonNode>> filters = new ArrayList<>();
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            if (!MODIFIERS.contains(parameter.getKey())) {
                filters.add(anyOf(kind, parameter.getKey(), parameter.getValue()));
            }
        }
        return new ListQuery(kind, filters, sortFields(kind, query.getOrDefault("sort", List.of())),
                "true".equals(first(query, "reverse")), nonNegative(kind, query, "offset", 0),
                nonNegative(kind, query, "limit", -1), commaSet(first(query, "slim")),
                Optional.ofNullable(first(query, "params")).map(ListQuery::commaSet));
    }

    /** Only the shaping modifiers (slim, params) of a query, for single-object reads. */
    public static ListQuery shapingOnly(ObjectKind kind, Map<String, List<String>> query) {
        return new ListQuery(kind, List.of(), List.of(), false, 0, -1, commaSet(first(query, "slim")),
                Optional.ofNullable(first(query, "params")).map(ListQuery::commaSet));
    }

    private static Predicate<JsonNode> anyOf(ObjectKind kind, String field, List<String> expressions) {
        List<Predicate<JsonNode>> alternatives = new ArrayList<>();
        Optional<IndexDefinition> index = kind.index(field);
        for (String expression : expressions) {
            try {
                if (index.isPresent()) {
                    alternatives.add(FilterCondition.onIndex(index.get(), expression));
                } else if (kind.hasParams() && ("machines".equals(kind.prefix()) || "profiles".equals(kind.prefix()))) {
                    alternatives.add(FilterCondition.onParam(field, expression));
                } else {
                    throw notAcceptable(kind, "Filter not found: " + field);
                }
            } catch (IllegalArgumentException e) {
                throw notAcceptable(kind, e.getMessage());
            }
        }
        return object -> alternatives.stream().anyMatch(alternative -> alternative.test(object));
    }

    private static List<IndexDefinition> sortFields(ObjectKind kind, List<String> names) {
        List<IndexDefinition> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(kind.index(name).orElseThrow(() -> notAcceptable(kind, "Not sortable: " + name)));
        }
        return fields;
    }

    private static int nonNegative(ObjectKind kind, Map<String, List<String>> query, String name, int absent) {
        String text = first(query, name);
        if (text == null) {
            return absent;
        }
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw notAcceptable(kind, "Invalid " + name + ": " + text);
        }
        if (value < 0) {
            throw notAcceptable(kind, Character.toUpperCase(name.charAt(0)) + name.substring(1)
                    + " cannot be negative");
        }
        return value;
    }

    private static String first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static Set<String> commaSet(String text) {
        Set<String> values = new LinkedHashSet<>();
        if (text != null) {
            for (String item : text.split(",")) {
                if (!item.isBlank()) {
                    values.add(item.trim());
                }
            }
        }
        return values;
    }

    private static ApiException notAcceptable(ObjectKind kind, String message) {
        return new ApiException(406, "GET", kind.prefix(), "", message);
    }

    /** The objects passing the filters, before paging. */
    public List<ObjectNode> filter(List<ObjectNode> objects) {
        List<ObjectNode> passing = new ArrayList<>();
        for (ObjectNode object : objects) {
            if (filters.stream().allMatch(filter -> filter.test(object))) {
                passing.add(object);
            }
        }
        return passing;
    }

    /**
     * Sorts, reverses and pages filtered objects; {@link #shape} then slims each as asked (one at a time, as a
     * reply is written: a list of 10,000 machines is never copied whole).
     */
    public List<ObjectNode> page(List<ObjectNode> filtered) {
        List<ObjectNode> ordered = sortBy.isEmpty() ? new ArrayList<>(filtered) : sorted(filtered);
        if (reverse) {
            java.util.Collections.reverse(ordered);
        }
        int from = Math.min(offset, ordered.size());
        int to = limit < 0 ? ordered.size() : Math.min(ordered.size(), from + limit);
        return ordered.subList(from, to);
    }

    /** Applies slim and params to one object, for lists and single gets alike. */
    public ObjectNode shape(ObjectNode object) {
        if (slim.isEmpty() && onlyParams.isEmpty()) {
            return object;
        }
        Set<String> emptied = new LinkedHashSet<>();
        for (String name : slim) {
            // DRP v3.13.6 frontend/frontend.go processItem: "params" and "meta" in any case; other names are ignored.
            String field = SLIMMABLE.get(name.toLowerCase(java.util.Locale.ROOT));
            if (field != null && object.has(field)) {
                emptied.add(field);
            }
        }
        // Copies all but what is emptied: slimming is there to spare the big Params, so they are not copied either.
        ObjectNode shaped = object.objectNode();
        object.fields().forEachRemaining(field -> shaped.set(field.getKey(), emptied.contains(field.getKey())
                ? object.objectNode() : field.getValue().deepCopy()));
        if (!emptied.isEmpty() && kind.partial()) {
            shaped.put("Partial", true);
        }
        if (onlyParams.isPresent() && shaped.path("Params").isObject()) {
            ((ObjectNode) shaped.get("Params")).retain(onlyParams.get());
        }
        return shaped;
    }

    /** Sorted by the sort indexes, each object's values worked out once (not twice per comparison: 10,000 machines). */
    private List<ObjectNode> sorted(List<ObjectNode> objects) {
        List<Keyed> keyed = new ArrayList<>(objects.size());
        for (ObjectNode object : objects) {
            Comparable<?>[] values = new Comparable<?>[sortBy.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = sortBy.get(i).valueOn(object);
            }
            keyed.add(new Keyed(object, values));
        }
        keyed.sort((a, b) -> {
            for (int i = 0; i < sortBy.size(); i++) {
                int order = sortBy.get(i).type().order().compare(a.values()[i], b.values()[i]);
                if (order != 0) {
                    return order;
                }
            }
            return 0;
        });
        List<ObjectNode> ordered = new ArrayList<>(keyed.size());
        keyed.forEach(one -> ordered.add(one.object()));
        return ordered;
    }

    private record Keyed(ObjectNode object, Comparable<?>[] values) {
    }
}
