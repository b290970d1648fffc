package dev.drpconsole.sandbox.template;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The functions a template can call: Go's built-ins (except {@code html}, {@code js}, {@code urlquery},
 * {@code call}, {@code slice}) and the sprig functions DRP content uses most. {@code and}/{@code or} live in the
 * evaluator because they must not evaluate every argument. Anything else fails the render, naming the function.
 */
final class Functions {

    private interface Body {
        Object apply(List<Object> args);
    }

    /** Arity bounds ({@code max} -1 = variadic) and the body, so argument-count errors read like Go's. */
    private record Function(int min, int max, Body body) {
    }

    private static final Map<String, Function> FUNCTIONS = new TreeMap<>();

    static {
        // Go built-ins
        define("not", 1, 1, a -> !GoValues.truth(a.get(0)));
        define("len", 1, 1, a -> length(a.get(0)));
        define("index", 1, -1, a -> index(a.get(0), a.subList(1, a.size())));
        define("print", 0, -1, Functions::sprint);
        define("println", 0, -1, a -> joinFormatted(a, " ") + "\n");
        define("printf", 1, -1, a -> GoFormat.sprintf(string("printf", a.get(0)), a.subList(1, a.size())));
        define("eq", 2, -1, a -> a.subList(1, a.size()).stream().anyMatch(b -> GoCompare.equal(a.get(0), b)));
        define("ne", 2, 2, a -> !GoCompare.equal(a.get(0), a.get(1)));
        define("lt", 2, 2, a -> GoCompare.order(a.get(0), a.get(1)) < 0);
        define("le", 2, 2, a -> GoCompare.order(a.get(0), a.get(1)) <= 0);
        define("gt", 2, 2, a -> GoCompare.order(a.get(0), a.get(1)) > 0);
        define("ge", 2, 2, a -> GoCompare.order(a.get(0), a.get(1)) >= 0);
        // sprig: defaults and flow
        define("default", 1, -1, a -> a.size() < 2 || isEmpty(a.get(1)) ? a.get(0) : a.get(1));
        define("empty", 1, 1, a -> isEmpty(a.get(0)));
        define("coalesce", 0, -1, a -> a.stream().filter(v -> !isEmpty(v)).findFirst().orElse(null));
        define("ternary", 3, 3, a -> bool("ternary", a.get(2)) ? a.get(0) : a.get(1));
        define("fail", 1, 1, a -> {
            throw new ExecError("fail: " + string("fail", a.get(0)));
        });
        // sprig: strings
        define("lower", 1, 1, a -> string("lower", a.get(0)).toLowerCase());
        define("upper", 1, 1, a -> string("upper", a.get(0)).toUpperCase());
        define("trim", 1, 1, a -> string("trim", a.get(0)).strip());
        define("trimPrefix", 2, 2, a -> trimPrefix(string("trimPrefix", a.get(0)), string("trimPrefix", a.get(1))));
        define("trimSuffix", 2, 2, a -> trimSuffix(string("trimSuffix", a.get(0)), string("trimSuffix", a.get(1))));
        define("replace", 3, 3, a -> string("replace", a.get(2))
                .replace(string("replace", a.get(0)), string("replace", a.get(1))));
        define("contains", 2, 2, a -> string("contains", a.get(1)).contains(string("contains", a.get(0))));
        define("hasPrefix", 2, 2, a -> string("hasPrefix", a.get(1)).startsWith(string("hasPrefix", a.get(0))));
        define("hasSuffix", 2, 2, a -> string("hasSuffix", a.get(1)).endsWith(string("hasSuffix", a.get(0))));
        define("quote", 0, -1, a -> quoteEach(a, true));
        define("squote", 0, -1, a -> quoteEach(a, false));
        define("toString", 1, 1, a -> strval(a.get(0)));
        define("b64enc", 1, 1, a -> Base64.getEncoder()
                .encodeToString(string("b64enc", a.get(0)).getBytes(StandardCharsets.UTF_8)));
        define("b64dec", 1, 1, a -> b64dec(string("b64dec", a.get(0))));
        // sprig: lists and dicts
        define("join", 2, 2, a -> String.join(string("join", a.get(0)), strslice(a.get(1))));
        define("splitList", 2, 2, a -> new ArrayList<Object>(List.of(
                string("splitList", a.get(1)).split(Pattern.quote(string("splitList", a.get(0))), -1))));
        define("list", 0, -1, ArrayList::new);
        define("dict", 0, -1, Functions::dict);
        define("hasKey", 2, 2, a -> map("hasKey", a.get(0)).containsKey(string("hasKey", a.get(1))));
        // sprig: JSON
        define("toJson", 1, 1, a -> GoJson.write(a.get(0), false));
        define("toPrettyJson", 1, 1, a -> GoJson.write(a.get(0), true));
        // sprig: integer math (sprig converts its arguments to int64)
        define("add", 0, -1, a -> a.stream().mapToLong(Functions::toInt64).sum());
        define("add1", 1, 1, a -> toInt64(a.get(0)) + 1);
        define("sub", 2, 2, a -> toInt64(a.get(0)) - toInt64(a.get(1)));
    }

    private Functions() {
    }

    private static void define(String name, int min, int max, Body body) {
        FUNCTIONS.put(name, new Function(min, max, body));
    }

    static Object call(String name, List<Object> args) {
        Function function = FUNCTIONS.get(name);
        if (function == null) {
            throw new ExecError("function \"" + name + "\" is not supported by the sandbox renderer (it knows "
                    + "and, or, " + String.join(", ", FUNCTIONS.keySet()) + ")");
        }
        if (args.size() < function.min() || (function.max() >= 0 && args.size() > function.max())) {
            String want = function.max() < 0 ? "at least " + function.min()
                    : function.min() == function.max() ? String.valueOf(function.min())
                    : function.min() + " to " + function.max();
            throw new ExecError("wrong number of args for " + name + ": want " + want + " got " + args.size());
        }
        return function.body().apply(args);
    }

    private static long length(Object value) {
        if (value instanceof String s) {
            return s.getBytes(StandardCharsets.UTF_8).length; // Go counts bytes
        }
        if (value instanceof Collection<?> c) {
            return c.size();
        }
        if (value instanceof Map<?, ?> m) {
            return m.size();
        }
        throw new ExecError("len of type " + GoValues.typeName(value));
    }

    private static Object index(Object item, List<Object> indexes) {
        Object value = item;
        for (Object key : indexes) {
            if (value instanceof List<?> list) {
                if (!(key instanceof Long i)) {
                    throw new ExecError("cannot index slice/array with type " + GoValues.typeName(key));
                }
                if (i < 0 || i >= list.size()) {
                    throw new ExecError("index out of range: " + i);
                }
                value = list.get(i.intValue());
            } else if (value instanceof Map<?, ?> map) {
                if (!(key instanceof String)) {
                    throw new ExecError("value has type " + GoValues.typeName(key) + "; should be string");
                }
                value = map.get(key); // a missing key gives nil, as in Go
            } else if (value == null) {
                throw new ExecError("index of untyped nil");
            } else {
                throw new ExecError("can't index item of type " + GoValues.typeName(value));
            }
        }
        return value;
    }

    /** fmt.Sprint: a space between operands when neither side is a string. */
    private static String sprint(List<Object> args) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < args.size(); i++) {
            if (i > 0 && !(args.get(i) instanceof String) && !(args.get(i - 1) instanceof String)) {
                out.append(' ');
            }
            out.append(GoValues.formatV(args.get(i)));
        }
        return out.toString();
    }

    private static String joinFormatted(List<Object> args, String separator) {
        List<String> parts = new ArrayList<>();
        args.forEach(a -> parts.add(GoValues.formatV(a)));
        return String.join(separator, parts);
    }

    /** sprig's notion of empty: nil, false, 0, and empty strings, lists and maps. */
    private static boolean isEmpty(Object value) {
        return !GoValues.truth(value);
    }

    /** sprig's strval: strings as they are, anything else as {@code %v}. */
    private static String strval(Object value) {
        return value instanceof String s ? s : GoValues.formatV(value);
    }

    /** sprig's strslice: a list's non-nil elements as strings; a single value becomes a one-element list. */
    private static List<String> strslice(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            list.stream().filter(item -> item != null).forEach(item -> out.add(strval(item)));
        } else if (value != null) {
            out.add(strval(value));
        }
        return out;
    }

    private static String quoteEach(List<Object> args, boolean doubleQuotes) {
        List<String> parts = new ArrayList<>();
        for (Object arg : args) {
            if (arg != null) {
                parts.add(doubleQuotes ? GoStrings.quote(strval(arg)) : "'" + strval(arg) + "'");
            }
        }
        return String.join(" ", parts);
    }

    private static String b64dec(String encoded) {
        try {
            return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ExecError("b64dec: " + e.getMessage());
        }
    }

    private static Map<String, Object> dict(List<Object> args) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i += 2) {
            map.put(strval(args.get(i)), i + 1 < args.size() ? args.get(i + 1) : "");
        }
        return map;
    }

    private static String trimPrefix(String prefix, String s) {
        return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
    }

    private static String trimSuffix(String suffix, String s) {
        return s.endsWith(suffix) ? s.substring(0, s.length() - suffix.length()) : s;
    }

    /** sprig's toInt64 (via cast): floats truncate, numeric strings parse, anything else is 0. */
    private static long toInt64(Object value) {
        if (value instanceof Long l) {
            return l;
        }
        if (value instanceof Double d) {
            return d.longValue();
        }
        if (value instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (value instanceof String s) {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /** Go refuses to pass a non-string where a function takes a string; so does the sandbox. */
    private static String string(String function, Object value) {
        if (value instanceof String s) {
            return s;
        }
        throw new ExecError("wrong type for value in " + function + "; expected string; got "
                + GoValues.typeName(value));
    }

    private static boolean bool(String function, Object value) {
        if (value instanceof Boolean b) {
            return b;
        }
        throw new ExecError("wrong type for value in " + function + "; expected bool; got " + GoValues.typeName(value));
    }

    private static Map<?, ?> map(String function, Object value) {
        if (value instanceof Map<?, ?> m) {
            return m;
        }
        throw new ExecError("wrong type for value in " + function + "; expected map; got " + GoValues.typeName(value));
    }
}
