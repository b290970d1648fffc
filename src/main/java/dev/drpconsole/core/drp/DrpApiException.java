package dev.drpconsole.core.drp;

import java.util.List;

/**
 * The endpoint answered with an error: DRP's error body {@code {Model, Key, Type, Messages, Code}}. The message is
 * the server's own messages, joined.
 */
public class DrpApiException extends DrpException {
    private final int code;
    private final String model;
    private final String key;
    private final String type;
    private final List<String> messages;

    public DrpApiException(int code, String model, String key, String type, List<String> messages) {
        this(describe(code, model, key, type, messages), code, model, key, type, messages);
    }

    /** For a subclass that words its message itself (the server's messages stay in {@link #messages()}). */
    protected DrpApiException(String message, int code, String model, String key, String type,
                              List<String> messages) {
        super(message);
        this.code = code;
        this.model = model == null ? "" : model;
        this.key = key == null ? "" : key;
        this.type = type == null ? "" : type;
        this.messages = List.copyOf(messages);
    }

    private static String describe(int code, String model, String key, String type, List<String> messages) {
        String what = messages.isEmpty() ? "HTTP " + code : String.join("; ", messages);
        String where = model == null || model.isEmpty() ? "" : model + (key == null || key.isEmpty() ? "" : "/" + key)
                + ": ";
        return where + what;
    }

    /** The HTTP status. */
    public int code() {
        return code;
    }

    public String model() {
        return model;
    }

    public String key() {
        return key;
    }

    /** DRP's category: the method, {@code ValidationError}, {@code AUTH}, {@code PATCH}… */
    public String type() {
        return type;
    }

    public List<String> messages() {
        return messages;
    }

    /** 409: a duplicate create, or someone else changed the object since it was read. */
    public boolean isConflict() {
        return code == 409;
    }

    public boolean isNotFound() {
        return code == 404;
    }

    /**
     * The name is taken: a create of an existing key (409, e.g. a context's Name), or an object whose Name is a
     * unique index that another object has (422 "machines:&lt;uuid&gt; violates unique index Name") [v3 code:
     * backend/index/index.go CheckUnique].
     */
    public boolean isNameTaken() {
        return isConflict() || isValidation() && messages.stream().anyMatch(message ->
                message.endsWith(" violates unique index Name"));
    }

    /** 422: the server refused the object's content. */
    public boolean isValidation() {
        return code == 422;
    }
}
