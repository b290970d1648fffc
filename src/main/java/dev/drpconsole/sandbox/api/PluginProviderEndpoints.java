package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.files.BlobStore;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.objects.WriteOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Plugin providers (§3.8). Listing and fetching are generic; this handles the upload
 * ({@code POST /plugin_providers/<name>} with the binary → 201 {@code {"path","size"}}, lower-case keys as DRP
 * sends them), the download ({@code GET .../<name>/binary}) and removal (204).
 *
 * <p>The sandbox does not execute uploaded binaries (a real provider speaks DRP's private plugin protocol): it
 * keeps them and records a provider. {@code docker-context} is built in; uploading a binary under that name (as
 * {@code drpcli catalog item install docker-context} would) keeps the built-in engine, and installs its provider
 * and plugin when a sandbox started without them.
 */
public final class PluginProviderEndpoints implements ApiSection {

    public static final String BUILT_IN = "docker-context";

    private final ObjectService objects;
    private final BlobStore binaries;
    private final ObjectEndpoints generic;
    private final Runnable installBuiltIn;

    /** @param installBuiltIn puts the docker-context provider and plugin in place when missing */
    public PluginProviderEndpoints(ObjectService objects, BlobStore binaries, Runnable installBuiltIn) {
        this.objects = objects;
        this.binaries = binaries;
        this.generic = new ObjectEndpoints(objects);
        this.installBuiltIn = installBuiltIn;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String name = exchange.segment(1);
        if (exchange.size() == 2 && "POST".equals(exchange.method())) {
            upload(exchange, name);
        } else if (exchange.size() == 3 && "binary".equals(exchange.segment(2)) && "GET".equals(exchange.method())) {
            download(exchange, name);
        } else if (exchange.size() == 2 && "DELETE".equals(exchange.method())) {
            remove(exchange, name);
        } else {
            generic.handle(exchange);
        }
    }

    private void upload(ApiExchange exchange, String name) {
        BlobStore.Stored stored = binaries.store(name, UploadBody.of(exchange, "plugin_providers", name));
        if (BUILT_IN.equals(name)) {
            installBuiltIn.run(); // as DRP registers a provider from its uploaded binary
        } else {
            ObjectNode provider = SandboxJson.object();
            provider.put("Name", name);
            provider.put("Version", "v0.0.0-uploaded");
            provider.put("PluginVersion", 4);
            provider.put("Documentation", "Uploaded to the sandbox, which keeps plugin binaries but does not run "
                    + "them (sha256 " + stored.sha256() + ")");
            provider.putObject("Meta").put("Name", name).put("Source", "FromPluginProvider").put("Type", "plugin");
            if (objects.find("plugin_providers", name).isPresent()) {
                objects.replace("plugin_providers", name, provider, WriteOptions.server());
            } else {
                objects.create("plugin_providers", provider, exchange.writeOptions());
            }
        }
        ObjectNode reply = SandboxJson.object();
        reply.put("path", name);
        reply.put("size", stored.size());
        exchange.replyJson(201, reply);
    }

    private void download(ApiExchange exchange, String name) {
        objects.get("GET", "plugin_providers", name);
        Path binary = binaries.file(name).orElseThrow(() -> new ApiException(404, "GET", "plugin_providers", name,
                "The sandbox has no binary for " + name + (BUILT_IN.equals(name) ? ": it is built in" : "")));
        try {
            exchange.replyStream(200, ApiExchange.OCTET_STREAM, Files.newInputStream(binary));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void remove(ApiExchange exchange, String name) {
        if (BUILT_IN.equals(name)) {
            throw ApiException.validation("plugin_providers", name,
                    "The docker-context provider is built into the sandbox and cannot be removed");
        }
        objects.delete("plugin_providers", name, exchange.writeOptions());
        if (binaries.isFile(name)) {
            binaries.delete(name);
        }
        exchange.replyEmpty(204);
    }
}
