package dev.drpconsole.sandbox.template;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf} for the verbs template content uses: {@code %v %s %q %d %x %X %o %b %c %t %f %e %g %%}
 * with flags {@code -+ #0}, width and precision. Where Go would print a {@code %!d(float64=3)} marker into the
 * output, the sandbox fails the render with an explanation instead, since a script with such a marker in it is
 * broken anyway.
 */
final class GoFormat {

    private GoFormat() {
    }

    private record Spec(boolean minus, boolean plus, boolean sharp, boolean space, boolean zero, int width,
                        int precision, char verb) {
    }

    static String sprintf(String format, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int argIndex = 0;
        int i = 0;
        while (i < format.length()) {
            char c = format.charAt(i++);
            if (c != '%') {
                out.append(c);
                continue;
            }
            boolean minus = false, plus = false, sharp = false, space = false, zero = false;
            for (; i < format.length() && "-+# 0".indexOf(format.charAt(i)) >= 0; i++) {
                switch (format.charAt(i)) {
                    case '-' -> minus = true;
                    case '+' -> plus = true;
                    case '#' -> sharp = true;
                    case ' ' -> space = true;
                    default -> zero = true;
                }
            }
            int width = -1;
            int start = i;
            while (i < format.length() && Character.isDigit(format.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(format.substring(start, i));
            }
            int precision = -1;
            if (i < format.length() && format.charAt(i) == '.') {
                start = ++i;
                while (i < format.length() && Character.isDigit(format.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(format.substring(start, i)) : 0;
            }
            if (i >= format.length()) {
                throw new ExecError("printf: format " + GoStrings.quote(format) + " ends in the middle of a verb");
            }
            char verb = format.charAt(i++);
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (verb == '*') {
                throw new ExecError("printf: '*' widths are not supported by the sandbox renderer");
            }
            if (argIndex >= args.size()) {
                throw new ExecError("printf: format " + GoStrings.quote(format) + " has no argument left for %" + verb);
            }
            Spec spec = new Spec(minus, plus, sharp, space, zero, width, precision, verb);
            out.append(pad(spec, formatOne(spec, args.get(argIndex++))));
        }
        if (argIndex < args.size()) {
            throw new ExecError("printf: format " + GoStrings.quote(format) + " uses " + argIndex + " of "
                    + args.size() + " arguments; extra: " + GoValues.formatV(args.subList(argIndex, args.size())));
        }
        return out.toString();
    }

    private static String formatOne(Spec spec, Object arg) {
        char verb = spec.verb();
        switch (verb) {
            case 'v':
                return arg instanceof Double d && spec.precision() >= 0 ? general(d, spec) : sign(spec, GoValues.formatV(arg));
            case 's':
                if (arg instanceof String s) {
                    return spec.precision() >= 0 ? truncate(s, spec.precision()) : s;
                }
                if (arg instanceof List<?> || arg instanceof Map) {
                    return GoValues.formatV(arg);
                }
                throw mismatch(spec, "a string", arg);
            case 'q':
                if (arg instanceof String s) {
                    return GoStrings.quote(s);
                }
                throw mismatch(spec, "a string", arg);
            case 't':
                if (arg instanceof Boolean b) {
                    return b.toString();
                }
                throw mismatch(spec, "a bool", arg);
            case 'd', 'o', 'b', 'c', 'x', 'X':
                return integerVerb(spec, arg);
            case 'f', 'F', 'e', 'E', 'g', 'G':
                if (arg instanceof Double d) {
                    return floatVerb(spec, d);
                }
                throw mismatch(spec, "a float", arg);
            default:
                throw new ExecError("printf: verb %" + verb + " is not supported by the sandbox renderer");
        }
    }

    private static String integerVerb(Spec spec, Object arg) {
        char verb = spec.verb();
        if ((verb == 'x' || verb == 'X') && arg instanceof String s) {
            StringBuilder hex = new StringBuilder(spec.sharp() ? "0x" : "");
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                hex.append(String.format("%02x", b));
            }
            return verb == 'X' ? hex.toString().toUpperCase() : hex.toString();
        }
        if (!(arg instanceof Long n)) {
            throw mismatch(spec, "an integer", arg);
        }
        if (verb == 'c') {
            return new String(Character.toChars(n.intValue()));
        }
        int radix = switch (verb) {
            case 'o' -> 8;
            case 'b' -> 2;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = Long.toString(Math.abs(n), radix);
        if (n == Long.MIN_VALUE) {
            digits = Long.toString(n, radix).substring(1);
        }
        if (spec.precision() >= 0 && digits.length() < spec.precision()) {
            digits = "0".repeat(spec.precision() - digits.length()) + digits;
        }
        if (spec.sharp()) {
            digits = (verb == 'x' ? "0x" : verb == 'X' ? "0X" : verb == 'o' ? "0" : verb == 'b' ? "0b" : "") + digits;
        }
        if (verb == 'X') {
            digits = digits.toUpperCase();
        }
        return (n < 0 ? "-" : spec.plus() ? "+" : spec.space() ? " " : "") + digits;
    }

    private static String floatVerb(Spec spec, double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            return sign(spec, GoValues.formatFloat(d));
        }
        int precision = spec.precision() < 0 ? 6 : spec.precision();
        String text = switch (spec.verb()) {
            case 'f', 'F' -> new BigDecimal(d).setScale(precision, RoundingMode.HALF_EVEN).abs().toPlainString();
            case 'e', 'E' -> scientific(Math.abs(d), precision);
            default -> general(Math.abs(d), spec);
        };
        if (Character.isUpperCase(spec.verb())) {
            text = text.toUpperCase();
        }
        boolean negative = d < 0 || (d == 0 && 1 / d < 0);
        return (negative ? "-" : spec.plus() ? "+" : spec.space() ? " " : "") + text;
    }

    /** {@code %e}: one digit, a point, {@code precision} digits, and a two-digit-minimum exponent. */
    private static String scientific(double abs, int precision) {
        if (abs == 0) {
            return "0" + (precision > 0 ? "." + "0".repeat(precision) : "") + "e+00";
        }
        BigDecimal rounded = new BigDecimal(abs).round(new MathContext(precision + 1, RoundingMode.HALF_EVEN));
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        digits = (digits + "0".repeat(precision + 1)).substring(0, precision + 1);
        String mantissa = precision == 0 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + String.format("%02d", Math.abs(exponent));
    }

    /** {@code %g}: shortest digits without a precision (like {@code %v}), else that many significant digits. */
    private static String general(double d, Spec spec) {
        if (spec.precision() < 0) {
            return GoValues.formatFloat(d);
        }
        int precision = Math.max(spec.precision(), 1);
        if (d == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(Math.abs(d)).round(new MathContext(precision, RoundingMode.HALF_EVEN))
                .stripTrailingZeros();
        String digits = rounded.unscaledValue().toString();
        int exponent = digits.length() - 1 - rounded.scale();
        String sign = d < 0 ? "-" : "";
        if (exponent < -4 || exponent >= precision) {
            return sign + scientific(Math.abs(d), digits.length() - 1);
        }
        return sign + rounded.toPlainString();
    }

    private static String sign(Spec spec, String text) {
        return spec.plus() && !text.startsWith("-") && spec.verb() != 'v' ? "+" + text : text;
    }

    private static String truncate(String s, int codePoints) {
        return s.codePointCount(0, s.length()) <= codePoints ? s : s.substring(0, s.offsetByCodePoints(0, codePoints));
    }

    private static String pad(Spec spec, String text) {
        int length = text.codePointCount(0, text.length());
        if (spec.width() <= length) {
            return text;
        }
        String fill = " ".repeat(spec.width() - length);
        if (spec.minus()) {
            return text + fill;
        }
        boolean numeric = "dobxXfFeEgG".indexOf(spec.verb()) >= 0;
        if (spec.zero() && numeric) {
            int signLength = text.startsWith("-") || text.startsWith("+") || text.startsWith(" ") ? 1 : 0;
            return text.substring(0, signLength) + "0".repeat(spec.width() - length) + text.substring(signLength);
        }
        return fill + text;
    }

    private static ExecError mismatch(Spec spec, String wanted, Object arg) {
        String hint = arg instanceof Double
                ? " (numbers from params are float64 in DRP: use %v, or %.0f for a whole number)" : "";
        return new ExecError("printf: %" + spec.verb() + " needs " + wanted + " but got " + GoValues.typeName(arg)
                + " " + GoValues.formatV(arg) + hint);
    }
}
