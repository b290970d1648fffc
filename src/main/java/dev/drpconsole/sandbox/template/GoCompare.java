package dev.drpconsole.sandbox.template;

/**
 * Go's {@code eq}/{@code ne}/{@code lt}/... rules: values compare only within one basic kind (bool, int, float,
 * string), so an int literal against a float64 param is an error, as it is on a real DRP server; nil equals only
 * nil; lists and maps are not comparable.
 */
final class GoCompare {

    private enum Kind { BOOL, INT, FLOAT, STRING, NIL, OTHER }

    private GoCompare() {
    }

    static boolean equal(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka == Kind.NIL || kb == Kind.NIL) {
            return ka == kb;
        }
        if (ka != kb) {
            throw incompatible(a, b);
        }
        if (ka == Kind.OTHER) {
            throw new ExecError("non-comparable types " + GoValues.typeName(a) + " and " + GoValues.typeName(b));
        }
        return a.equals(b);
    }

    /** Negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    static int order(Object a, Object b) {
        Kind ka = kind(a);
        Kind kb = kind(b);
        if (ka == Kind.BOOL || ka == Kind.NIL || ka == Kind.OTHER || kb == Kind.BOOL || kb == Kind.NIL
                || kb == Kind.OTHER) {
            throw new ExecError("invalid type for comparison: " + GoValues.typeName(a) + " and "
                    + GoValues.typeName(b));
        }
        if (ka != kb) {
            throw incompatible(a, b);
        }
        return switch (ka) {
            case INT -> Long.compare((Long) a, (Long) b);
            case FLOAT -> Double.compare((Double) a, (Double) b);
            default -> compareBytes((String) a, (String) b);
        };
    }

    /** Go compares strings byte by byte (UTF-8), which for Java strings is code point order. */
    private static int compareBytes(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    private static ExecError incompatible(Object a, Object b) {
        String hint = (a instanceof Double || b instanceof Double) && (a instanceof Long || b instanceof Long)
                ? " (numbers from params are float64 in DRP: compare with a float such as 3.0)" : "";
        return new ExecError("incompatible types for comparison: " + GoValues.typeName(a) + " "
                + GoValues.formatV(a) + " and " + GoValues.typeName(b) + " " + GoValues.formatV(b) + hint);
    }

    private static Kind kind(Object value) {
        if (value == null) {
            return Kind.NIL;
        }
        if (value instanceof Boolean) {
            return Kind.BOOL;
        }
        if (value instanceof Long) {
            return Kind.INT;
        }
        if (value instanceof Double) {
            return Kind.FLOAT;
        }
        if (value instanceof String) {
            return Kind.STRING;
        }
        return Kind.OTHER;
    }
}
