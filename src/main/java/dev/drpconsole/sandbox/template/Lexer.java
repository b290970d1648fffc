package dev.drpconsole.sandbox.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits template source into text and action tokens the way Go's {@code text/template/parse} lexer does:
 * {@code {{- } and { -}}} trim the whitespace next to them (only with a space between marker and content, so
 * {@code {{-3}}} is the number -3), {@code {{/* *}{@literal /}}} comments vanish, and actions may span lines.
 */
final class Lexer {

    enum Kind { TEXT, LEFT, RIGHT, IDENT, FIELD, VARIABLE, DOT, STRING, NUMBER, BOOL, NIL, PIPE, LPAREN, RPAREN,
        COMMA, DECLARE, ASSIGN, EOF }

    /**
     * One token. {@code spaceBefore} matters because Go tells {@code $x.Name} (a chain) from {@code $x .Name}
     * (two operands) by the space alone. {@code start}/{@code end} are offsets into the source, used to quote
     * the failing expression in error messages.
     */
    record Token(Kind kind, String text, Object value, int line, int column, int start, int end,
                 boolean spaceBefore) {
    }

    private final String name;
    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private final int[] lineStarts;
    private int pos;
    private boolean spaceBefore;

    private Lexer(String name, String src) {
        this.name = name;
        this.src = src;
        this.lineStarts = lineStarts(src);
    }

    private static int[] lineStarts(String src) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        for (int i = 0; i < src.length(); i++) {
            if (src.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    static List<Token> lex(String name, String source) {
        Lexer lexer = new Lexer(name, source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        boolean trimNextText = false;
        while (pos < src.length()) {
            int open = src.indexOf("{{", pos);
            int textEnd = open < 0 ? src.length() : open;
            String text = src.substring(pos, textEnd);
            boolean leftTrim = open >= 0 && src.startsWith("-", open + 2) && isSpace(charAt(open + 3));
            if (trimNextText) {
                text = stripLeading(text);
            }
            if (leftTrim) {
                text = stripTrailing(text);
            }
            if (!text.isEmpty()) {
                tokens.add(token(Kind.TEXT, text, text, pos, textEnd));
            }
            if (open < 0) {
                break;
            }
            trimNextText = lexAction(open, leftTrim);
        }
        tokens.add(token(Kind.EOF, "", null, src.length(), src.length()));
    }

    /** Lexes one action starting at {@code open}; returns whether it ended with a trim marker. */
    private boolean lexAction(int open, boolean leftTrim) {
        pos = open + 2 + (leftTrim ? 2 : 0);
        if (src.startsWith("/*", pos)) {
            return lexComment(open);
        }
        tokens.add(token(Kind.LEFT, "{{", null, open, open + 2));
        spaceBefore = false;
        while (true) {
            if (pos >= src.length()) {
                throw error(open, "unclosed action");
            }
            char c = src.charAt(pos);
            if (src.startsWith("}}", pos)) {
                tokens.add(token(Kind.RIGHT, "}}", null, pos, pos + 2));
                pos += 2;
                return false;
            }
            if (isSpace(c)) {
                if (src.startsWith("-}}", pos + 1)) {
                    tokens.add(token(Kind.RIGHT, "}}", null, pos + 2, pos + 4));
                    pos += 4;
                    return true;
                }
                pos++;
                spaceBefore = true;
                continue;
            }
            lexInsideAction(c);
            spaceBefore = false;
        }
    }

    private boolean lexComment(int open) {
        int close = src.indexOf("*/", pos + 2);
        if (close < 0) {
            throw error(open, "unclosed comment");
        }
        pos = close + 2;
        if (src.startsWith("}}", pos)) {
            pos += 2;
            return false;
        }
        if (isSpace(charAt(pos)) && src.startsWith("-}}", pos + 1)) {
            pos += 4;
            return true;
        }
        throw error(open, "comment ends before closing delimiter");
    }

    private void lexInsideAction(char c) {
        int start = pos;
        switch (c) {
            case '|' -> single(Kind.PIPE);
            case '(' -> single(Kind.LPAREN);
            case ')' -> single(Kind.RPAREN);
            case ',' -> single(Kind.COMMA);
            case '=' -> single(Kind.ASSIGN);
            case ':' -> {
                if (charAt(pos + 1) != '=') {
                    throw error(start, "expected :=");
                }
                pos += 2;
                tokens.add(token(Kind.DECLARE, ":=", null, start, pos));
            }
            case '"' -> lexQuoted('"', Kind.STRING);
            case '\'' -> lexQuoted('\'', Kind.NUMBER);
            case '`' -> lexRawString();
            case '$' -> {
                pos++;
                skipAlphanumeric();
                tokens.add(token(Kind.VARIABLE, src.substring(start, pos), null, start, pos));
            }
            case '.' -> lexDot();
            default -> {
                if (isDigit(c) || ((c == '+' || c == '-') && (isDigit(charAt(pos + 1))
                        || (charAt(pos + 1) == '.' && isDigit(charAt(pos + 2)))))) {
                    lexNumber();
                } else if (isAlphanumeric(c)) {
                    lexIdentifier();
                } else {
                    throw error(start, "unexpected " + quoteChar(c) + " in command");
                }
            }
        }
    }

    private void single(Kind kind) {
        tokens.add(token(kind, String.valueOf(src.charAt(pos)), null, pos, pos + 1));
        pos++;
    }

    private void lexDot() {
        int start = pos;
        char next = charAt(pos + 1);
        if (isDigit(next)) {
            lexNumber();
        } else if (isAlphanumeric(next)) {
            pos++;
            skipAlphanumeric();
            tokens.add(token(Kind.FIELD, src.substring(start + 1, pos), null, start, pos));
        } else {
            pos++;
            tokens.add(token(Kind.DOT, ".", null, start, pos));
        }
    }

    private void lexIdentifier() {
        int start = pos;
        skipAlphanumeric();
        String word = src.substring(start, pos);
        switch (word) {
            case "true", "false" -> tokens.add(token(Kind.BOOL, word, Boolean.valueOf(word), start, pos));
            case "nil" -> tokens.add(token(Kind.NIL, word, null, start, pos));
            default -> tokens.add(token(Kind.IDENT, word, null, start, pos));
        }
    }

    private void lexNumber() {
        int start = pos;
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            char prev = src.charAt(pos - 1);
            boolean exponentSign = (c == '+' || c == '-') && "eEpP".indexOf(prev) >= 0
                    && !src.substring(start, pos).toLowerCase().startsWith("0x");
            if (isAlphanumeric(c) || c == '.' || exponentSign) {
                pos++;
            } else {
                break;
            }
        }
        String text = src.substring(start, pos);
        tokens.add(token(Kind.NUMBER, text, parseNumber(text, start), start, pos));
    }

    /** Go's number syntax, typed the way text/template types constants: integers are int, the rest float64. */
    private Object parseNumber(String text, int start) {
        String digits = text.replace("_", "");
        boolean negative = digits.startsWith("-");
        String unsigned = digits.startsWith("-") || digits.startsWith("+") ? digits.substring(1) : digits;
        String lower = unsigned.toLowerCase();
        try {
            long value;
            if (lower.startsWith("0x")) {
                value = Long.parseLong(unsigned.substring(2), 16);
            } else if (lower.startsWith("0b")) {
                value = Long.parseLong(unsigned.substring(2), 2);
            } else if (lower.startsWith("0o")) {
                value = Long.parseLong(unsigned.substring(2), 8);
            } else if (lower.matches("0[0-7]+")) {
                value = Long.parseLong(unsigned.substring(1), 8);
            } else if (lower.matches("[0-9]+")) {
                value = Long.parseLong(unsigned);
            } else if (lower.matches("([0-9]+\\.?[0-9]*|\\.[0-9]+)(e[+-]?[0-9]+)?")) {
                double d = Double.parseDouble(unsigned);
                return negative ? -d : d;
            } else {
                throw error(start, "bad number syntax: \"" + text + "\"");
            }
            return negative ? -value : value;
        } catch (NumberFormatException e) {
            throw error(start, "bad number syntax: \"" + text + "\"");
        }
    }

    /** A "string" or a 'c' character constant (which Go types as an int, its code point). */
    private void lexQuoted(char quote, Kind kind) {
        int start = pos;
        pos++;
        while (true) {
            char c = charAt(pos);
            if (c == 0 || c == '\n') {
                throw error(start, quote == '"' ? "unterminated quoted string" : "unterminated character constant");
            }
            pos++;
            if (c == '\\') {
                pos++;
            } else if (c == quote) {
                break;
            }
        }
        String text = src.substring(start, pos);
        String value = GoStrings.unquote(text, detail -> error(start, detail));
        if (kind == Kind.STRING) {
            tokens.add(token(Kind.STRING, text, value, start, pos));
        } else {
            if (value.codePointCount(0, value.length()) != 1) {
                throw error(start, "malformed character constant: " + text);
            }
            tokens.add(token(Kind.NUMBER, text, (long) value.codePointAt(0), start, pos));
        }
    }

    private void lexRawString() {
        int start = pos;
        int close = src.indexOf('`', pos + 1);
        if (close < 0) {
            throw error(start, "unterminated raw quoted string");
        }
        pos = close + 1;
        // Go drops carriage returns from raw strings.
        String value = src.substring(start + 1, close).replace("\r", "");
        tokens.add(token(Kind.STRING, src.substring(start, pos), value, start, pos));
    }

    private Token token(Kind kind, String text, Object value, int start, int end) {
        int[] lineColumn = lineColumn(start);
        return new Token(kind, text, value, lineColumn[0], lineColumn[1], start, end, spaceBefore);
    }

    private int[] lineColumn(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        int line = index >= 0 ? index : -index - 2;
        return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    private TemplateException error(int offset, String detail) {
        int[] lineColumn = lineColumn(offset);
        return new TemplateException(name, lineColumn[0], lineColumn[1], detail);
    }

    private void skipAlphanumeric() {
        while (pos < src.length() && isAlphanumeric(src.charAt(pos))) {
            pos++;
        }
    }

    private char charAt(int index) {
        return index < src.length() ? src.charAt(index) : 0;
    }

    private static String quoteChar(char c) {
        return "\"" + c + "\"";
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlphanumeric(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static String stripLeading(String text) {
        int i = 0;
        while (i < text.length() && isSpace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static String stripTrailing(String text) {
        int i = text.length();
        while (i > 0 && isSpace(text.charAt(i - 1))) {
            i--;
        }
        return text.substring(0, i);
    }
}
