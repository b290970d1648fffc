package dev.drpconsole.sandbox.template;

import java.util.function.Function;

/** Go string literal syntax: reading {@code "..."}/{@code '.'} constants and writing {@code %q} output. */
final class GoStrings {

    private GoStrings() {
    }

    /**
     * Decodes a quoted Go literal (quotes included) with Go's escapes: {@code \a \b \f \n \r \t \v \\},
     * the quote itself, octal {@code \101}, {@code \x41}, {@code \u00e9}, {@code \U0001F600}.
     */
    static String unquote(String literal, Function<String, TemplateException> error) {
        char quote = literal.charAt(0);
        StringBuilder out = new StringBuilder();
        int i = 1;
        int end = literal.length() - 1;
        while (i < end) {
            char c = literal.charAt(i++);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(i++);
            switch (e) {
                case 'a' -> out.append('\u0007');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'v' -> out.append('\u000b');
                case '\\' -> out.append('\\');
                case 'x', 'u', 'U' -> {
                    int digits = e == 'x' ? 2 : e == 'u' ? 4 : 8;
                    out.appendCodePoint(code(literal, i, digits, 16, error));
                    i += digits;
                }
                case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                    out.appendCodePoint(code(literal, i - 1, 3, 8, error));
                    i += 2;
                }
                default -> {
                    if (e != quote) {
                        throw error.apply("invalid syntax in " + literal + ": unknown escape \\" + e);
                    }
                    out.append(e);
                }
            }
        }
        return out.toString();
    }

    private static int code(String literal, int from, int digits, int radix,
                            Function<String, TemplateException> error) {
        if (from + digits > literal.length() - 1) {
            throw error.apply("invalid syntax in " + literal + ": short escape");
        }
        try {
            int code = Integer.parseInt(literal.substring(from, from + digits), radix);
            if (Character.isValidCodePoint(code)) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw error.apply("invalid syntax in " + literal + ": bad escape");
    }

    /** Go's {@code strconv.Quote}: printable characters stay, everything else is escaped. */
    static String quote(String s) {
        StringBuilder out = new StringBuilder("\"");
        s.codePoints().forEach(cp -> {
            switch (cp) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case 0x07 -> out.append("\\a");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0x0b -> out.append("\\v");
                default -> {
                    if (isPrint(cp)) {
                        out.appendCodePoint(cp);
                    } else if (cp < 0x80) {
                        out.append(String.format("\\x%02x", cp));
                    } else if (cp <= 0xFFFF) {
                        out.append(String.format("\\u%04x", cp));
                    } else {
                        out.append(String.format("\\U%08x", cp));
                    }
                }
            }
        });
        return out.append('"').toString();
    }

    /** Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean isPrint(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.UNASSIGNED, Character.PRIVATE_USE,
                 Character.SURROGATE, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                 Character.PARAGRAPH_SEPARATOR -> false;
            default -> true;
        };
    }
}
