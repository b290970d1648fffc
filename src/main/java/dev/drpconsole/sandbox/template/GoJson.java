package dev.drpconsole.sandbox.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JSON the way Go's {@code encoding/json} writes it (what sprig's {@code toJson}/{@code toPrettyJson} produce):
 * map keys sorted, {@code <}, {@code >} and {@code &} escaped as {@code \u003c}..., whole floats without a
 * decimal point. Written by hand because Jackson's defaults differ on all three.
 */
final class GoJson {

    private GoJson() {
    }

    static String write(Object value, boolean pretty) {
        StringBuilder out = new StringBuilder();
        write(value, pretty ? "" : null, out);
        return out.toString();
    }

    /** {@code indent} is null for compact output, else the current indentation. */
    private static void write(Object value, String indent, StringBuilder out) {
        if (value instanceof RenderRoot.Model model) {
            write(GoValues.fromJson(model.fields()), indent, out);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Double d) {
            out.append(number(d));
        } else if (value instanceof Long || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof List<?> list) {
            container('[', ']', list.isEmpty(), indent, out, inner -> {
                for (int i = 0; i < list.size(); i++) {
                    separator(i, inner, out);
                    write(list.get(i), inner, out);
                }
            });
        } else if (value instanceof Map<?, ?> map) {
            container('{', '}', map.isEmpty(), indent, out, inner -> {
                int i = 0;
                for (Map.Entry<?, ?> entry : new TreeMap<>(map).entrySet()) {
                    separator(i++, inner, out);
                    string(String.valueOf(entry.getKey()), out);
                    out.append(inner == null ? ":" : ": ");
                    write(entry.getValue(), inner, out);
                }
            });
        } else {
            throw new ExecError("toJson can't encode a " + GoValues.typeName(value));
        }
    }

    private interface Body {
        void write(String innerIndent);
    }

    private static void container(char open, char close, boolean empty, String indent, StringBuilder out, Body body) {
        out.append(open);
        if (!empty) {
            String inner = indent == null ? null : indent + "  ";
            body.write(inner);
            if (indent != null) {
                out.append('\n').append(indent);
            }
        }
        out.append(close);
    }

    private static void separator(int index, String indent, StringBuilder out) {
        if (index > 0) {
            out.append(',');
        }
        if (indent != null) {
            out.append('\n').append(indent);
        }
    }

    /** encoding/json: plain digits, exponent form only below 1e-6 or from 1e21 on, as {@code 1e-07}. */
    private static String number(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new ExecError("json: unsupported value: " + GoValues.formatFloat(d));
        }
        double abs = Math.abs(d);
        if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
            String go = GoValues.formatFloat(d);
            // Go writes e-07 as e-7 in JSON.
            return go.replaceAll("e([+-])0(\\d)$", "e$1$2");
        }
        if (d == 0) {
            return "0";
        }
        return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
