package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.content.ContentPacks;

/**
 * {@code /contents} (§3.11): list summaries, get a pack, install (POST, 201), replace (PUT, 200), remove
 * (DELETE, 204); {@code ?replaceWritable=true} lets a pack take over objects clients created.
 */
public final class ContentEndpoints implements ApiSection {

    private final ContentPacks packs;

    public ContentEndpoints(ContentPacks packs) {
        this.packs = packs;
    }

    @Override
    public void handle(ApiExchange exchange) {
        String principal = exchange.principal().id();
        boolean replaceWritable = exchange.flag("replaceWritable");
        if (exchange.size() == 1) {
            switch (exchange.method()) {
                case "GET" -> exchange.replyJson(200, packs.summaries());
                case "POST" -> exchange.replyJson(201, packs.install(exchange.jsonBody("contents", ""), false,
                        replaceWritable, principal));
                default -> throw ApiRoutes.methodNotAllowed(exchange);
            }
            return;
        }
        String name = exchange.rest(1);
        switch (exchange.method()) {
            case "GET", "HEAD" -> exchange.replyJson(200, packs.get(name).orElseThrow(() ->
                    new ApiException(404, exchange.method(), "contents", name, "No such content store")));
            case "PUT" -> {
                var body = exchange.jsonBody("contents", name);
                String declared = dev.drpconsole.sandbox.SandboxJson.string(body.path("meta"), "Name");
                if (!declared.isEmpty() && !declared.equals(name)) {
                    throw ApiException.badRequest("PUT", "contents", name, "Content name " + declared
                            + " does not match " + name);
                }
                exchange.replyJson(200, packs.install(body, true, replaceWritable, principal));
            }
            case "DELETE" -> {
                packs.remove(name, principal);
                exchange.replyEmpty(204);
            }
            default -> throw ApiRoutes.methodNotAllowed(exchange);
        }
    }
}
