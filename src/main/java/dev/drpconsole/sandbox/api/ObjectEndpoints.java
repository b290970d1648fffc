package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.objects.JsonPatch;
import dev.drpconsole.sandbox.objects.ListQuery;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.auth.TokenLifetime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Optional;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;

/**
 * The generic object routes every type shares: list and count ({@code GET/HEAD /<prefix>}), create
 * ({@code POST}), and fetch, exists, replace, patch and delete of {@code /<prefix>/<key>}.
 */
public final class ObjectEndpoints implements ApiSection {

    /** drpcli caps its waits at 10 minutes; so does the sandbox. */
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final long POLL_MILLIS = 100;

    private final ObjectService objects;

    public ObjectEndpoints(ObjectService objects) {
        this.objects = objects;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String prefix = exchange.segment(0);
        ObjectKind kind = objects.kind(prefix);
        if (exchange.size() == 1) {
            handleCollection(exchange, kind);
        } else if (exchange.size() == 2 || "params".equals(prefix)) {
            // Param names contain slashes (e.g. "context-demo/color"): the whole rest of the path is the key.
            handleObject(exchange, kind, exchange.rest(1));
        } else {
            throw ApiRoutes.noRoute(exchange);
        }
    }

    private void handleCollection(ApiExchange exchange, ObjectKind kind) {
        switch (exchange.method()) {
            case "GET", "HEAD" -> list(exchange, kind);
            case "POST" -> {
                ObjectNode created = objects.create(kind.prefix(), exchange.jsonBody(kind.prefix(), ""),
                        exchange.writeOptions());
                exchange.replyJson(201, objects.presented(kind.prefix(), created));
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private void list(ApiExchange exchange, ObjectKind kind) {
        ListQuery query = ListQuery.parse(kind, exchange.query());
        List<ObjectNode> all = objects.list(kind.prefix());
        Predicate<ObjectNode> visible = exchange.principal().isMachine()
                ? object -> CallerAccess.machineMaySee(exchange.principal().name(), kind.prefix(), object)
                : object -> true;
        List<ObjectNode> filtered = query.filter(all.stream().filter(visible).toList());
        exchange.header("X-DRP-LIST-TOTAL-COUNT", Integer.toString(all.size()));
        exchange.header("X-DRP-LIST-COUNT", Integer.toString(filtered.size()));
        exchange.header("X-DRP-LIST-FILTER-COUNT", Integer.toString(filtered.size()));
        if (exchange.isHead()) {
            exchange.replyEmpty(200);
            return;
        }
        List<ObjectNode> page = query.page(filtered);
        exchange.replyJsonArray(200, page.stream()
                .map(object -> objects.presented(kind.prefix(), query.shape(object))));
    }

    private void handleObject(ApiExchange exchange, ObjectKind kind, String key) {
        String prefix = kind.prefix();
        switch (exchange.method()) {
            case "GET" -> {
                ObjectNode found = objects.get("GET", prefix, key);
                if (unchangedAfterWaiting(exchange, prefix, key, found)) {
                    return;
                }
                found = objects.get("GET", prefix, key);
                exchange.header("ETag", etag(found));
                exchange.replyJson(200, ListQuery.shapingOnly(kind, exchange.query())
                        .shape(objects.presented(prefix, found)));
            }
            case "HEAD" -> {
                ObjectNode found = objects.find(prefix, key).orElseThrow(() -> ApiException.notFound("HEAD", prefix,
                        key));
                if (unchangedAfterWaiting(exchange, prefix, key, found)) {
                    return;
                }
                found = objects.find(prefix, key).orElse(found);
                exchange.header("ETag", etag(found));
                exchange.replyEmpty(200);
            }
            case "PUT" -> exchange.replyJson(200, objects.presented(prefix, objects.replace(prefix, key,
                    exchange.jsonBody(prefix, key), exchange.writeOptions())));
            case "PATCH" -> exchange.replyJson(200, objects.presented(prefix, objects.patch(prefix, key,
                    patchOf(exchange, prefix, key), exchange.writeOptions())));
            case "DELETE" -> exchange.replyJson(200, objects.presented(prefix, objects.delete(prefix, key,
                    exchange.writeOptions())));
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    /**
     * Long polling (v4.6+): with {@code If-None-Match: <etag>} and {@code Prefer: wait=<duration>} a read waits
     * until the object's ETag differs (or it is deleted) and answers 304 when the wait ends without a change.
     *
     * @return whether a 304 was sent
     */
    private boolean unchangedAfterWaiting(ApiExchange exchange, String prefix, String key, ObjectNode current) {
        String wanted = exchange.header("If-None-Match");
        String prefer = exchange.header("Prefer");
        if (wanted == null || prefer == null || !prefer.trim().startsWith("wait=")) {
            return false;
        }
        Duration wait;
        try {
            wait = TokenLifetime.parse(prefer.trim().substring("wait=".length()));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(exchange.method(), prefix, key, "Invalid Prefer header: " + prefer);
        }
        long deadline = System.nanoTime() + Math.min(wait.toNanos(), MAX_WAIT.toNanos());
        ObjectNode latest = current;
        while (wanted.equals(etag(latest)) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            Optional<ObjectNode> found = objects.find(prefix, key);
            if (found.isEmpty()) {
                return false;
            }
            latest = found.get();
        }
        if (wanted.equals(etag(latest))) {
            exchange.header("ETag", wanted);
            exchange.replyEmpty(304);
            return true;
        }
        return false;
    }

    static JsonPatch patchOf(ApiExchange exchange, String prefix, String key) {
        return patchOf(exchange.jsonBody(prefix, key), prefix, key);
    }

    /** A JSON Patch from a body already read; 400 when it is not one. */
    static JsonPatch patchOf(JsonNode body, String prefix, String key) {
        try {
            return JsonPatch.of(body);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("PATCH", prefix, key, e.getMessage());
        }
    }

    /** An opaque version of an object for ETag/If-None-Match: a hash of its JSON. */
    static String etag(ObjectNode object) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SandboxJson.bytes(object));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
