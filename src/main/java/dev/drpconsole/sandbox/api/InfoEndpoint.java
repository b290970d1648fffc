package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ContextsFeature;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.model.ObjectKind;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * {@code GET /api/v3/info}: DRP's models.Info with its snake_case keys. The sandbox reports what it is honestly:
 * no DHCP, TFTP or static file servers, and the features whose behaviour it implements.
 */
public final class InfoEndpoint implements ApiSection {

    /** Features the sandbox implements; {@code auto-boot-target} also keeps agents from asking for PXE boots. */
    static final List<String> FEATURES = List.of("api-v3", "sane-exit-codes", "workflows", "sprig",
            "change-stage-v2", "auto-boot-target", "contexts", "slim-objects", "job-exit-states",
            "content-prerequisite-version-checking");

    private final ObjectStore store;
    private final IntSupplier apiPort;
    private final String endpointId;
    private final ContextsFeature contexts;

    public InfoEndpoint(ObjectStore store, IntSupplier apiPort, String endpointId, ContextsFeature contexts) {
        this.store = store;
        this.apiPort = apiPort;
        this.endpointId = endpointId;
        this.contexts = contexts;
    }

    @Override
    public void handle(ApiExchange exchange) {
        if (exchange.size() != 1) {
            throw ApiRoutes.noRoute(exchange);
        }
        exchange.replyJson(200, info());
    }

    public ObjectNode info() {
        ObjectNode info = SandboxJson.object();
        info.put("arch", "amd64");
        info.put("os", "linux");
        info.put("version", contexts.served() ? "v4.8.0-sandbox" : contexts.version());
        info.put("id", endpointId);
        info.put("local_id", endpointId);
        info.put("ha_id", endpointId);
        info.put("api_port", apiPort.getAsInt());
        info.put("file_port", 0);
        info.put("secure_file_port", 0);
        info.put("dhcp_port", 0);
        info.put("binl_port", 0);
        info.put("tftp_port", 0);
        info.put("tftp_enabled", false);
        info.put("dhcp_enabled", false);
        info.put("binl_enabled", false);
        info.put("prov_enabled", false);
        info.put("secure_prov_enabled", false);
        info.put("address", "127.0.0.1");
        info.put("server_hostname", "localhost");
        info.put("manager", false);
        ArrayNode stats = info.putArray("stats");
        for (ObjectKind kind : store.kinds().all()) {
            stats.addObject().put("name", kind.prefix() + ".count").put("count", store.count(kind.prefix()));
        }
        ArrayNode features = info.putArray("features");
        FEATURES.stream().filter(feature -> contexts.served() || !"contexts".equals(feature)).forEach(features::add);
        info.putObject("scopes");
        info.putObject("License").putArray("Licenses");
        info.putArray("errors");
        info.put("ha_enabled", false);
        info.put("ha_virtual_address", "");
        info.put("ha_is_active", true);
        info.put("ha_status", "Up");
        info.put("ha_active_id", endpointId);
        info.putArray("ha_passive_state");
        return info;
    }
}
