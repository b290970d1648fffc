package dev.drpconsole.sandbox.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.UUID;

/**
 * How an index reads and orders its values. Filter arguments arrive as strings and are parsed per type, so a bad
 * value can be refused with the message DRP gives (e.g. {@code Invalid UUID: false}).
 */
public enum IndexType {
    STRING("string"),
    BOOL("boolean"),
    INT("number"),
    UUID("uuid"),
    TIME("time");

    private final String drpName;

    IndexType(String drpName) {
        this.drpName = drpName;
    }

    /** The {@code Type} the indexes API reports. */
    public String drpName() {
        return drpName;
    }

    static IndexType fromDeclaration(String word) {
        return switch (word) {
            case "string" -> STRING;
            case "bool" -> BOOL;
            case "int" -> INT;
            case "uuid" -> UUID;
            case "time" -> TIME;
            default -> throw new IllegalArgumentException("Unknown index type " + word);
        };
    }

    /**
     * Turns a filter argument into a comparable value.
     *
     * @throws IllegalArgumentException with DRP's wording when the text does not fit the type
     */
    public Comparable<?> parse(String text) {
        return switch (this) {
            case STRING -> text;
            case BOOL -> switch (text) {
                case "true" -> Boolean.TRUE;
                case "false" -> Boolean.FALSE;
                default -> throw new IllegalArgumentException("Invalid boolean: " + text);
            };
            case INT -> parseLong(text);
            case UUID -> parseUuid(text);
            case TIME -> parseTime(text);
        };
    }

    /** The value of a field of a stored object, in the same form {@link #parse} gives. */
    public Comparable<?> valueOf(JsonNode field) {
        if (field == null || field.isNull()) {
            return zero();
        }
        return switch (this) {
            case STRING -> field.isTextual() ? field.asText() : field.toString();
            case BOOL -> field.asBoolean();
            case INT -> field.asLong();
            case UUID -> field.asText().isEmpty() ? "" : field.asText().toLowerCase();
            case TIME -> field.asText().isEmpty() ? OffsetDateTime.MIN : parseTime(field.asText());
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Comparator<Comparable<?>> order() {
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    private Comparable<?> zero() {
        return switch (this) {
            case STRING, UUID -> "";
            case BOOL -> Boolean.FALSE;
            case INT -> 0L;
            case TIME -> OffsetDateTime.MIN;
        };
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid number: " + text);
        }
    }

    private static String parseUuid(String text) {
        try {
            return java.util.UUID.fromString(text).toString();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Invalid UUID: " + text);
        }
    }

    private static OffsetDateTime parseTime(String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parsing time \"" + text + "\" as \"2006-01-02T15:04:05Z07:00\": "
                    + "cannot parse \"" + text + "\" as \"2006\"");
        }
    }
}
