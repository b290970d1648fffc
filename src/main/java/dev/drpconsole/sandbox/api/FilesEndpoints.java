package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.files.BlobStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files (and isos) API (§3.12): {@code POST /files/<path>} uploads (201 {@code {"Path","Size"}}),
 * {@code GET} downloads as octet-stream (304 when {@code If-None-Match: "SHA256:<hex>"} matches), {@code HEAD}
 * answers the sum in {@code X-DRP-SHA256SUM}, {@code GET /files?path=/dir[&all=true]} lists, {@code DELETE}
 * removes (204). Runner images live here as {@code contexts/docker-context/<Image>}.
 */
public final class FilesEndpoints implements ApiSection {

    private final BlobStore blobs;
    private final boolean leadingSlash;

    /**
     * @param leadingSlash whether upload replies name the path with a leading '/' (files do in v4.8, isos not)
     */
    public FilesEndpoints(BlobStore blobs, boolean leadingSlash) {
        this.blobs = blobs;
        this.leadingSlash = leadingSlash;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String model = exchange.segment(0);
        String path = exchange.rest(1);
        if (path.isEmpty()) {
            if (!"GET".equals(exchange.method())) {
                throw ApiRoutes.methodNotAllowed(exchange);
            }
            String directory = exchange.query("path") == null ? "/" : exchange.query("path");
            ArrayNode names = SandboxJson.array();
            blobs.list(directory, exchange.flag("all")).forEach(names::add);
            exchange.replyJson(200, names);
            return;
        }
        switch (exchange.method()) {
            case "POST" -> upload(exchange, model, path);
            case "GET" -> download(exchange, model, path);
            case "HEAD" -> describe(exchange, model, path);
            case "DELETE" -> {
                blobs.delete(path);
                exchange.replyEmpty(204);
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }

    private void upload(ApiExchange exchange, String model, String path) {
        if (exchange.flag("explode")) {
            throw ApiException.validation(model, path, "The sandbox does not unpack archives (explode=true)");
        }
        BlobStore.Stored stored = blobs.store(path, UploadBody.of(exchange, model, path));
        ObjectNode reply = SandboxJson.object();
        reply.put("Path", leadingSlash ? "/" + stored.path() : stored.path());
        reply.put("Size", stored.size());
        exchange.replyJson(201, reply);
    }

    private void download(ApiExchange exchange, String model, String path) {
        Path file = blobs.file(path).orElseThrow(() -> new ApiException(404, "GET", model, "/" + path,
                "Not a regular file"));
        String etag = "\"SHA256:" + blobs.sha256(path) + "\"";
        exchange.header("ETag", etag);
        exchange.header("X-DRP-SHA256SUM", blobs.sha256(path));
        if (etag.equals(exchange.header("If-None-Match"))) {
            exchange.replyBytes(304, ApiExchange.OCTET_STREAM, new byte[0]);
            return;
        }
        try {
            exchange.header("Content-Length", Long.toString(Files.size(file)));
            exchange.replyStream(200, ApiExchange.OCTET_STREAM, Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describe(ApiExchange exchange, String model, String path) {
        Path file = blobs.file(path).orElseThrow(() -> ApiException.notFound("HEAD", model, path));
        String sum = blobs.sha256(path);
        exchange.header("X-DRP-SHA256SUM", sum);
        exchange.header("ETag", "\"SHA256:" + sum + "\"");
        try {
            exchange.header("Content-Length", Long.toString(Files.size(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        exchange.replyBytes(200, ApiExchange.OCTET_STREAM, new byte[0]);
    }
}
