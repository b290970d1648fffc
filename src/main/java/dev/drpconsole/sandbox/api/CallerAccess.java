package dev.drpconsole.sandbox.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.RoleClaims;
import dev.drpconsole.sandbox.store.ObjectStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What a caller may do. A user may do what the claims of their roles cover ({@link RoleClaims}; the admin holds
 * {@code superuser}, so everything). A machine token may read the definitions an agent needs, read and update its
 * own machine, and manage its own jobs (DRP's machine token: [v3 code] backend/renderData.go GenerateInfiniteToken,
 * listed in MachineTokenScopeTest; the sandbox also lets it read and list workflows, profiles, contexts and
 * templates, which DRP's claims do not name). A refusal is answered as DRP's v3 code does (frontend/frontend.go
 * {@code assureAuth} and {@code list}; real-drp-differences C.11): a GET of one object is a 404 (DRP hides what
 * exists), a list is {@code 200 []} (for a machine token too: it holds no list claim on machines or jobs), anything
 * else a 403 AUTH error naming the claim: {@code "Cannot access <path>"}, {@code "Requires: <scope> <action>
 * <specific>"}.
 */
public final class CallerAccess {

    private static final Set<String> READABLE_BY_MACHINES = Set.of("info", "objects", "indexes", "tasks", "stages",
            "workflows", "profiles", "params", "contexts", "templates", "bootenvs", "ws");
    /** Not scopes in DRP: the index definitions, and the event websocket (its events are filtered per event). */
    private static final Set<String> EVERY_USER = Set.of("indexes", "ws");

    private final ObjectStore store;
    private final RoleClaims roles;

    public CallerAccess(ObjectStore store) {
        this.store = store;
        this.roles = new RoleClaims(store);
    }

    /**
     * @return false when the request was answered here (a list the user may not read: {@code 200 []})
     * @throws ApiException when the caller may not make this request
     */
    public boolean check(ApiExchange exchange) {
        Principal caller = exchange.principal();
        Claim wanted = Claim.of(exchange);
        if (caller.isMachine() ? machineMay(exchange, caller.name()) : EVERY_USER.contains(wanted.scope())
                || roles.allows(caller.name(), wanted.scope(), wanted.action(), wanted.specific())) {
            return true;
        }
        boolean reading = "GET".equals(exchange.method()) || "HEAD".equals(exchange.method());
        // v3 frontend/frontend.go list: without the list claim, an empty list, whoever asks (a machine token too).
        if (reading && exchange.size() == 1) {
            exchange.header("X-DRP-LIST-COUNT", "0");
            exchange.replyJson(200, SandboxJson.array());
            return false;
        }
        if (reading) {
            throw ApiException.notFound(exchange.method(), exchange.segment(0), exchange.segment(1));
        }
        throw new ApiException(403, "AUTH", exchange.segment(0), exchange.segment(1), List.of("Cannot access "
                + exchange.path(), "Requires: " + wanted.scope() + " " + wanted.action() + " " + wanted.specific()));
    }

    /**
     * The claim a request needs, with DRP's scopes and actions (P:models/role.go: basic actions list, get, create,
     * update, delete, action; files and isos post; users token and password; jobs log). PUT and PATCH are both
     * "update" there.
     */
    record Claim(String scope, String action, String specific) {
        static Claim of(ApiExchange exchange) {
            String scope = exchange.segment(0);
            String method = "HEAD".equals(exchange.method()) ? "GET" : exchange.method();
            if (exchange.size() == 1) {
                String action = "info".equals(scope) ? "get" : switch (method) {
                    case "GET" -> "list";
                    case "POST" -> "create";
                    default -> method.toLowerCase(Locale.ROOT);
                };
                return new Claim(scope, action, "");
            }
            boolean blobs = "files".equals(scope) || "isos".equals(scope);
            String key = blobs ? exchange.rest(1) : exchange.segment(1);
            String sub = exchange.segment(2);
            String action = switch (method) {
                case "GET" -> "log".equals(sub) ? "log" : "token".equals(sub) ? "token" : "get";
                case "PUT", "PATCH" -> "password".equals(sub) ? "password" : "update";
                case "POST" -> blobs ? "post" : "actions".equals(sub) ? "action" : "update";
                default -> method.toLowerCase(Locale.ROOT);
            };
            return new Claim(scope, action, key);
        }
    }

    /**
     * Whether an event reaches a caller's websocket: a machine token hears of its own machine and jobs; a user only
     * of what their claims cover as {@code <type> <action> <key>} ([v3 code] frontend/websocket.go
     * wsFilterFunction), so a role that may only list and get hears no change at all.
     */
    public boolean maySeeEvent(Principal caller, String type, String action, String key, JsonNode object) {
        if (caller.isMachine()) {
            return object instanceof ObjectNode changed && machineMaySee(caller.name(), type, changed);
        }
        return roles.allows(caller.name(), type, action, key);
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
            // POST /jobs names its machine in the body: the job endpoint checks it. No list: a machine token's
            // jobs claims are create, get, update, actions, log on its own machine (its list is empty, as in DRP).
            case "jobs" -> exchange.size() == 1 ? "POST".equals(exchange.method())
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
