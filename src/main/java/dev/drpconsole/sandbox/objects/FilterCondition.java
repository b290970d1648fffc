package dev.drpconsole.sandbox.objects;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.model.IndexDefinition;
import dev.drpconsole.sandbox.model.IndexType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One list filter, {@code Field=value} or {@code Field=Op(args)} with DRP's operators Eq, Ne, Lt, Lte, Gt, Gte,
 * Between, Except, In, Nin and Re. Arguments are parsed with the index's type when the filter is built, so bad
 * input is refused before any object is looked at.
 */
final class FilterCondition implements Predicate<JsonNode> {

    private static final Pattern FUNCTION = Pattern.compile("^(Eq|Ne|Lt|Lte|Gt|Gte|Between|Except|In|Nin|Re)\\((.*)\\)$",
            Pattern.DOTALL);

    private final Predicate<Comparable<?>> test;
    private final java.util.function.Function<JsonNode, Comparable<?>> valueOf;

    private FilterCondition(java.util.function.Function<JsonNode, Comparable<?>> valueOf,
                            Predicate<Comparable<?>> test) {
        this.valueOf = valueOf;
        this.test = test;
    }

    @Override
    public boolean test(JsonNode object) {
        return test.test(valueOf.apply(object));
    }

    /**
     * @throws IllegalArgumentException with a message for DRP's 406 reply
     */
    static FilterCondition onIndex(IndexDefinition index, String expression) {
        return build(index::valueOn, index.type(), expression);
    }

    /** A filter on a machine's or profile's param value, compared as text. */
    static FilterCondition onParam(String param, String expression) {
        return build(object -> paramText(object.path("Params").get(param)), IndexType.STRING, expression);
    }

    private static String paramText(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        return value.isTextual() ? value.asText() : value.toString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FilterCondition build(java.util.function.Function<JsonNode, Comparable<?>> valueOf, IndexType type,
                                         String expression) {
        Matcher function = FUNCTION.matcher(expression);
        String op = function.matches() ? function.group(1) : "Eq";
        String argument = function.matches() ? function.group(2) : expression;
        Comparator<Comparable<?>> order = type.order();
        Predicate<Comparable<?>> test = switch (op) {
            case "Eq" -> equalTo(type.parse(argument), order);
            case "Ne" -> equalTo(type.parse(argument), order).negate();
            case "Lt" -> compared(type.parse(argument), order, c -> c < 0);
            case "Lte" -> compared(type.parse(argument), order, c -> c <= 0);
            case "Gt" -> compared(type.parse(argument), order, c -> c > 0);
            case "Gte" -> compared(type.parse(argument), order, c -> c >= 0);
            case "Between" -> between(type, argument, order, op);
            case "Except" -> between(type, argument, order, op).negate();
            case "In" -> anyOf(type, argument, order);
            case "Nin" -> anyOf(type, argument, order).negate();
            case "Re" -> matchesRegex(type, argument);
            default -> throw new IllegalArgumentException("Unknown filter op " + op);
        };
        return new FilterCondition(valueOf, test);
    }

    private static Predicate<Comparable<?>> equalTo(Comparable<?> wanted, Comparator<Comparable<?>> order) {
        return value -> order.compare(value, wanted) == 0;
    }

    private static Predicate<Comparable<?>> compared(Comparable<?> bound, Comparator<Comparable<?>> order,
                                                     java.util.function.IntPredicate accept) {
        return value -> accept.test(order.compare(value, bound));
    }

    private static Predicate<Comparable<?>> between(IndexType type, String argument, Comparator<Comparable<?>> order,
                                                    String op) {
        String[] bounds = argument.split(",", -1);
        if (bounds.length != 2) {
            throw new IllegalArgumentException(op + " needs two arguments, got: " + argument);
        }
        Comparable<?> low = type.parse(bounds[0]);
        Comparable<?> high = type.parse(bounds[1]);
        return value -> order.compare(value, low) >= 0 && order.compare(value, high) <= 0;
    }

    private static Predicate<Comparable<?>> anyOf(IndexType type, String argument, Comparator<Comparable<?>> order) {
        List<Comparable<?>> values = new ArrayList<>();
        for (String item : argument.split(",", -1)) {
            values.add(type.parse(item));
        }
        return value -> values.stream().anyMatch(candidate -> order.compare(value, candidate) == 0);
    }

    private static Predicate<Comparable<?>> matchesRegex(IndexType type, String argument) {
        if (type != IndexType.STRING) {
            throw new IllegalArgumentException("Re is only allowed on string indexes");
        }
        try {
            Pattern pattern = Pattern.compile(argument);
            return value -> pattern.matcher(String.valueOf(value)).find();
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("Invalid regular expression " + argument + ": " + e.getDescription());
        }
    }
}
