package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.objects.WriteOptions;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One authenticated API request and its reply. The path below {@code /api/v3/} arrives split into decoded
 * segments; keys may contain ':' (index lookups) and, for params, '/'.
 *
 * <p>Every reply except HEAD and blob downloads carries {@code Content-Type: application/json}, 204s included:
 * the Go client refuses a 2xx without it.
 */
public final class ApiExchange {

    public static final String JSON = "application/json";
    public static final String OCTET_STREAM = "application/octet-stream";

    private final Context context;
    private final Principal principal;
    private final List<String> segments;

    ApiExchange(Context context, Principal principal, List<String> segments) {
        this.context = context;
        this.principal = principal;
        this.segments = List.copyOf(segments);
    }

    /** Splits the raw request path below {@code /api/v3/} into percent-decoded segments. */
    static List<String> segmentsOf(String rawPath) {
        String below = rawPath.substring(rawPath.indexOf("/api/v3") + "/api/v3".length());
        List<String> segments = new ArrayList<>();
        for (String segment : below.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(percentDecode(segment));
            }
        }
        return segments;
    }

    // Not URLDecoder: in a path '+' is a plus sign, not a space.
    private static String percentDecode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int escaped = c == '%' && i + 2 < segment.length() ? hexByte(segment.substring(i + 1, i + 3)) : -1;
            if (escaped >= 0) {
                bytes.write(escaped);
                i += 2;
            } else {
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static int hexByte(String twoDigits) {
        try {
            return Integer.parseInt(twoDigits, 16);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    public Context context() {
        return context;
    }

    public Principal principal() {
        return principal;
    }

    /** GET, HEAD, POST, PUT, PATCH or DELETE. */
    public String method() {
        return context.method().name();
    }

    public boolean isHead() {
        return "HEAD".equals(method());
    }

    public List<String> segments() {
        return segments;
    }

    public int size() {
        return segments.size();
    }

    public String segment(int index) {
        return index < segments.size() ? segments.get(index) : "";
    }

    /** The segments from an index on, joined with '/': keys that contain slashes, such as param names. */
    public String rest(int from) {
        return from >= segments.size() ? "" : String.join("/", segments.subList(from, segments.size()));
    }

    public String path() {
        return context.path();
    }

    public Map<String, List<String>> query() {
        return context.queryParamMap();
    }

    public String query(String name) {
        return context.queryParam(name);
    }

    public boolean flag(String name) {
        return "true".equalsIgnoreCase(context.queryParam(name));
    }

    public String header(String name) {
        return context.header(name);
    }

    public String contentType() {
        String type = context.header("Content-Type");
        return type == null ? "" : type;
    }

    public WriteOptions writeOptions() {
        return new WriteOptions(principal, flag("force"));
    }

    /**
     * The body as JSON; 400 when it is not JSON or not sent as JSON (any type containing "application/json",
     * so "application/json-patch+json" passes, as on the v3 server).
     */
    public JsonNode jsonBody(String model, String key) {
        if (!contentType().contains(JSON)) {
            throw new ApiException(400, method(), model, key, "Invalid content type: " + contentType());
        }
        try {
            JsonNode body = SandboxJson.parse(context.bodyAsBytes());
            if (body == null || body.isMissingNode()) {
                throw new ApiException(400, method(), model, key, "Empty body");
            }
            return body;
        } catch (JsonProcessingException e) {
            throw new ApiException(400, method(), model, key, "Invalid JSON: " + e.getOriginalMessage());
        }
    }

    public InputStream bodyStream() {
        return context.bodyInputStream();
    }

    public void header(String name, String value) {
        context.header(name, value);
    }

    public void replyJson(int status, JsonNode body) {
        context.status(status);
        context.contentType(JSON);
        if (!isHead()) {
            context.result(SandboxJson.bytes(body));
        }
    }

    /**
     * A JSON array written as its items are made, not built whole first: the client reads (and parses) the first
     * objects while later ones are still being made, and a list of 10,000 machines is never held twice. The reply
     * is chunked (and gzipped when the client asks, as DRP's is).
     */
    public void replyJsonArray(int status, Stream<? extends JsonNode> items) {
        context.status(status);
        context.contentType(JSON);
        // Not flushed per object (the mapper's default): gzip then sees a first write big enough to compress, and
        // the socket gets full buffers instead of one write per object.
        try (SequenceWriter array = SandboxJson.MAPPER.writer().without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValuesAsArray(context.outputStream())) {
            Iterator<? extends JsonNode> each = items.iterator();
            while (each.hasNext()) {
                array.write(each.next());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // the client went away mid-reply
        }
    }

    /** A reply without a body, still typed as JSON (the Go client checks the type before the length). */
    public void replyEmpty(int status) {
        context.status(status);
        context.contentType(JSON);
        context.result(new byte[0]);
    }

    /**
     * Streams a blob as is. Never compressed: callers set Content-Length to the blob's size, which gzip would
     * make wrong (the client then sees the body end early).
     */
    public void replyStream(int status, String contentType, InputStream body) {
        context.disableCompression();
        context.status(status);
        context.contentType(contentType);
        context.result(body);
    }

    public void replyBytes(int status, String contentType, byte[] body) {
        context.status(status);
        context.contentType(contentType);
        context.result(body);
    }

    public byte[] bodyBytes() {
        try {
            return context.bodyInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
