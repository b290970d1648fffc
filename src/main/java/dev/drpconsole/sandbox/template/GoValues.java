package dev.drpconsole.sandbox.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Go's view of template values. Values are modelled as Go would hold them after DRP decoded JSON:
 * {@code String}, {@code Boolean}, {@code Long} (Go int), {@code Double} (Go float64), {@code List}
 * ([]interface{}), {@code Map<String, Object>} (map[string]interface{}) and {@code null} (nil), plus the
 * DRP objects ({@link RenderRoot}, {@link RenderRoot.Model}).
 *
 * <p>Numbers inside params are float64 in DRP, whatever they look like in JSON, so {@code 1000000} prints as
 * {@code 1e+06} and {@code eq (.Param "n") 3} is an error there. The sandbox reproduces both, so content that
 * works here works on a real server.
 */
final class GoValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoValues() {
    }

    /** Go's template truth: false, 0, nil, and empty strings, lists and maps are false. */
    static boolean truth(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        if (value instanceof Long l) {
            return l != 0;
        }
        if (value instanceof Double d) {
            return d != 0;
        }
        if (value instanceof String s) {
            return !s.isEmpty();
        }
        if (value instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (value instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return true;
    }

    /** The Go type name, for error messages that read like Go's. */
    static String typeName(Object value) {
        if (value == null) {
            return "nil";
        }
        if (value instanceof String) {
            return "string";
        }
        if (value instanceof Long) {
            return "int";
        }
        if (value instanceof Double) {
            return "float64";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof List<?>) {
            return "[]interface {}";
        }
        if (value instanceof Map<?, ?>) {
            return "map[string]interface {}";
        }
        if (value instanceof RenderRoot) {
            return "*RenderData";
        }
        if (value instanceof RenderRoot.Model model) {
            return "*" + model.kind();
        }
        return value.getClass().getSimpleName();
    }

    /** What {@code {{pipeline}}} writes: like {@code %v}, but nil is {@code <no value>} as in Go templates. */
    static String printAction(Object value) {
        return value == null ? "<no value>" : formatV(value);
    }

    /** Go's {@code %v}: maps as {@code map[k:v ...]} with sorted keys, lists as {@code [a b]}, nil as {@code <nil>}. */
    static String formatV(Object value) {
        if (value == null) {
            return "<nil>";
        }
        if (value instanceof Double d) {
            return formatFloat(d);
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(item -> parts.add(formatV(item)));
            return "[" + String.join(" ", parts) + "]";
        }
        if (value instanceof Map<?, ?> map) {
            List<String> parts = new ArrayList<>();
            new TreeMap<>(map).forEach((k, v) -> parts.add(k + ":" + formatV(v)));
            return "map[" + String.join(" ", parts) + "]";
        }
        if (value instanceof RenderRoot || value instanceof RenderRoot.Model) {
            throw new ExecError("printing a whole " + typeName(value).substring(1)
                    + " is not supported by the sandbox renderer; print one of its fields, or use toJson");
        }
        return value.toString();
    }

    /**
     * Go's {@code %v} for a float64: the shortest digits that round-trip, in exponent form when the exponent is
     * below -4 or at least 6 (hence {@code 1e+06}, {@code 1.5e-05}).
     */
    static String formatFloat(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "+Inf" : "-Inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0" : "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = shortest.unscaledValue().toString();
        int exponent = digits.length() - 1 - shortest.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= 6) {
            String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
            String exp = String.format("%02d", Math.abs(exponent));
            return sign + mantissa + "e" + (exponent < 0 ? "-" : "+") + exp;
        }
        return sign + shortest.toPlainString();
    }

    /**
     * A param value as DRP's templates see it: decoded from JSON into interface{}, so every number is a float64
     * and maps are map[string]interface{}.
     */
    static Object fromJson(Object value) {
        if (value instanceof JsonNode node) {
            return fromJson(JSON.convertValue(node, Object.class));
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof Collection<?> c) {
            List<Object> list = new ArrayList<>();
            c.forEach(item -> list.add(fromJson(item)));
            return list;
        }
        if (value instanceof Object[] array) {
            return fromJson(List.of(array));
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> map = new LinkedHashMap<>();
            m.forEach((k, v) -> map.put(String.valueOf(k), fromJson(v)));
            return map;
        }
        return value.toString();
    }

    /**
     * A top-level field of a DRP object (Machine, Stage, BootEnv): those are Go struct fields, so whole numbers
     * are ints ({@code CurrentTask}); anything nested (Params, Meta) is decoded JSON.
     */
    static Object fromStructField(Object value) {
        if (value instanceof JsonNode node) {
            return fromStructField(JSON.convertValue(node, Object.class));
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        return fromJson(value);
    }
}
