package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.Set;

/**
 * What a caller may do. Users (only the admin exists) may do everything. A machine token may read the
 * definitions an agent needs, read and update its own machine, and manage its own jobs; anything else is a 404
 * for reads (DRP hides what exists) and a 403 AUTH error otherwise.
 */
public final class CallerAccess {

    private static final Set<String> READABLE_BY_MACHINES = Set.of("info", "objects", "indexes", "tasks", "stages",
            "workflows", "profiles", "params", "contexts", "templates", "bootenvs", "ws");

    private final ObjectStore store;

    public CallerAccess(ObjectStore store) {
        this.store = store;
    }

    /**
     * @throws ApiException when the caller may not make this request
     */
    public void check(ApiExchange exchange) {
        Principal caller = exchange.principal();
        if (!caller.isMachine() || machineMay(exchange, caller.name())) {
            return;
        }
        if ("GET".equals(exchange.method()) || "HEAD".equals(exchange.method())) {
            throw ApiException.notFound(exchange.method(), exchange.segment(0), exchange.segment(1));
        }
        throw new ApiException(403, "AUTH", exchange.segment(0), exchange.segment(1),
                java.util.List.of("Cannot access " + exchange.path(), "Requires: " + exchange.segment(0) + " "
                        + exchange.method().toLowerCase() + " " + exchange.segment(1)));
    }

    /** Whether a machine token may see an object in a list or event. */
    public static boolean machineMaySee(String machineUuid, String prefix, ObjectNode object) {
        return switch (prefix) {
            case "machines" -> machineUuid.equals(SandboxJson.string(object, "Uuid"));
            case "jobs" -> machineUuid.equals(SandboxJson.string(object, "Machine"));
            default -> READABLE_BY_MACHINES.contains(prefix);
        };
    }

    private boolean machineMay(ApiExchange exchange, String uuid) {
        String prefix = exchange.segment(0);
        boolean reading = "GET".equals(exchange.method()) || "HEAD".equals(exchange.method());
        if (READABLE_BY_MACHINES.contains(prefix)) {
            return reading;
        }
        return switch (prefix) {
            case "machines" -> exchange.size() >= 2 && uuid.equals(machineKey(exchange.segment(1)))
                    && !"DELETE".equals(exchange.method());
            // POST /jobs names its machine in the body: the job endpoint checks it.
            case "jobs" -> exchange.size() == 1 ? "POST".equals(exchange.method()) || reading
                    : ownJob(exchange.segment(1), uuid) && !"DELETE".equals(exchange.method());
            default -> false;
        };
    }

    private String machineKey(String keyOrLookup) {
        if (store.get("machines", keyOrLookup).isPresent()) {
            return keyOrLookup;
        }
        return keyOrLookup.startsWith("Uuid:") ? keyOrLookup.substring(5) : keyOrLookup;
    }

    private boolean ownJob(String jobUuid, String machineUuid) {
        return store.get("jobs", jobUuid).map(job -> machineUuid.equals(SandboxJson.string(job, "Machine")))
                .orElse(false);
    }
}
