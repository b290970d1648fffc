package dev.drpconsole.sandbox;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * An API failure in DRP's shape: {@code {"Model","Key","Type","Messages","Code"}} with the HTTP status as Code.
 * drpcli prints it as {@code Type: Model/Key: message}, so the fields are chosen the way the real server fills them.
 */
public class ApiException extends RuntimeException {

    private final String model;
    private final String key;
    private final String type;
    private final List<String> messages;
    private final int code;

    public ApiException(int code, String type, String model, String key, List<String> messages) {
        super(type + ": " + model + "/" + key + ": " + String.join(", ", messages));
        this.code = code;
        this.type = type;
        this.model = model == null ? "" : model;
        this.key = key == null ? "" : key;
        this.messages = List.copyOf(messages);
    }

    public ApiException(int code, String type, String model, String key, String message) {
        this(code, type, model, key, List.of(message));
    }

    public static ApiException notFound(String method, String model, String key) {
        return new ApiException(404, method, model, key, "Not Found");
    }

    public static ApiException badRequest(String method, String model, String key, String message) {
        return new ApiException(400, method, model, key, message);
    }

    public static ApiException validation(String model, String key, List<String> messages) {
        return new ApiException(422, "ValidationError", model, key, messages);
    }

    public static ApiException validation(String model, String key, String message) {
        return validation(model, key, List.of(message));
    }

    public static ApiException conflict(String model, String key, String message) {
        return new ApiException(409, "Conflict", model, key, message);
    }

    public int code() {
        return code;
    }

    public String type() {
        return type;
    }

    public List<String> messages() {
        return messages;
    }

    public ObjectNode toJson() {
        ObjectNode body = SandboxJson.object();
        body.put("Model", model);
        body.put("Key", key);
        body.put("Type", type);
        ArrayNode list = body.putArray("Messages");
        messages.forEach(list::add);
        body.put("Code", code);
        return body;
    }
}
