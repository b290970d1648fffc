package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * List filters and modifiers as query parameters ({@code Engine=docker-context}, {@code State=Ne(finished)},
 * {@code sort=StartTime}, {@code limit=50}, {@code slim=Params}). Immutable; an empty filter lists everything.
 */
public final class Filter {
    public static final Filter ALL = new Filter(List.of());

    private final List<Map.Entry<String, String>> params;

    private Filter(List<Map.Entry<String, String>> params) {
        this.params = params;
    }

    /** {@code field=value}; a bare value means Eq, function forms like {@code Ne(x)} pass through. */
    public static Filter where(String field, String value) {
        return ALL.and(field, value);
    }

    public Filter and(String field, String value) {
        List<Map.Entry<String, String>> more = new ArrayList<>(params);
        more.add(Map.entry(field, value));
        return new Filter(Collections.unmodifiableList(more));
    }

    public Filter sort(String index) {
        return and("sort", index);
    }

    /** The same filter without its {@code sort} modifiers (the endpoint's own order). */
    public Filter withoutSort() {
        return new Filter(params.stream().filter(param -> !"sort".equals(param.getKey())).toList());
    }

    /** Whether this filter asks for an order ({@code sort}). */
    public boolean isSorted() {
        return params.stream().anyMatch(param -> "sort".equals(param.getKey()));
    }

    public Filter reverse() {
        return and("reverse", "true");
    }

    public Filter limit(int limit) {
        return and("limit", Integer.toString(limit));
    }

    public Filter offset(int offset) {
        return and("offset", Integer.toString(offset));
    }

    /**
     * Objects without their Params ({@code slim=Params}): a real machine's Params hold its inventory, often 10-100s of
     * KB, so a list for a view that shows no params asks for none. DRP sends {@code "Params": {}} instead (v3.13.6
     * frontend/frontend.go processItem; doc/api.rst "Payload Reduction", endpoints since v3.9); Meta stays (a
     * runner's BaseContext is there). Changes to such an object are sent as patches of what changed, so its Params
     * on the endpoint are kept.
     */
    public Filter withoutParams() {
        return and("slim", "Params");
    }

    /**
     * {@code json} as a list with this filter returns it: with {@code slim=Params}, its Params emptied (a shallow
     * copy; the original is not touched). Events carry whole objects; a live copy keeps them as it lists them.
     */
    public ObjectNode asListed(ObjectNode json) {
        boolean slimParams = params.stream().anyMatch(p -> "slim".equals(p.getKey())
                && Arrays.stream(p.getValue().split(",")).anyMatch(field -> "Params".equalsIgnoreCase(field.strip())));
        if (!slimParams || json.path("Params").isEmpty()) {
            return json;
        }
        ObjectNode listed = JsonNodeFactory.instance.objectNode();
        listed.setAll(json);
        listed.putObject("Params");
        return listed;
    }

    /** The query parameters in order (a field may repeat: repeated values OR together). */
    public List<Map.Entry<String, String>> params() {
        return params;
    }

    @Override
    public String toString() {
        StringBuilder query = new StringBuilder();
        params.forEach(p -> query.append(query.length() == 0 ? "" : "&").append(p.getKey()).append('=')
                .append(p.getValue()));
        return query.toString();
    }
}
