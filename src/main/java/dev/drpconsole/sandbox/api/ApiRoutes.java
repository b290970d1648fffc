package dev.drpconsole.sandbox.api;

import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.auth.AuthFailure;
import dev.drpconsole.sandbox.auth.Authenticator;
import dev.drpconsole.sandbox.auth.Principal;
import dev.drpconsole.sandbox.auth.RequestPrincipal;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.util.List;
import java.util.Map;

/**
 * The single handler behind every {@code /api/v3/...} route: authenticates, applies {@link CallerAccess} (which
 * answers a refused list itself), then hands the request to the section named by its first path segment, to a
 * sub-resource section named by the third ({@code /<prefix>/<key>/params}, {@code .../actions}, {@code .../token},
 * {@code .../password}, {@code .../log}), or to the generic object routes. One dispatcher rather than a route per path, because DRP keys may contain ':' and '/'.
 */
public final class ApiRoutes implements Handler {

    private final Authenticator authenticator;
    private final CallerAccess access;
    private final Map<String, ApiSection> sections;
    private final Map<String, ApiSection> subresources;
    private final ApiSection objects;
    private final RequestCounts requests;

    /** @param requests counts each authenticated request by its caller */
    public ApiRoutes(Authenticator authenticator, CallerAccess access, Map<String, ApiSection> sections,
                     Map<String, ApiSection> subresources, ApiSection objects, RequestCounts requests) {
        this.authenticator = authenticator;
        this.requests = requests;
        this.access = access;
        this.sections = Map.copyOf(sections);
        this.subresources = Map.copyOf(subresources);
        this.objects = objects;
    }

    @Override
    public void handle(Context context) {
        Principal principal = authenticate(context);
        requests.served(principal);
        List<String> segments = ApiExchange.segmentsOf(context.path());
        ApiExchange exchange = new ApiExchange(context, principal, segments);
        if (segments.isEmpty()) {
            throw noRoute(exchange);
        }
        if (!access.check(exchange)) {
            return;
        }
        ApiSection section = sections.get(exchange.segment(0));
        if (section == null && exchange.size() >= 3 && !"params".equals(exchange.segment(0))) {
            section = subresources.get(exchange.segment(2));
        }
        try (RequestPrincipal.Serving serving = RequestPrincipal.serve(principal)) {
            (section == null ? objects : section).handle(exchange);
        }
    }

    /**
     * The request's caller; a refused request (a revoked or expired token, a wrong password) is counted for the caller
     * it claimed to be, so a test can see a client that keeps knocking with dead credentials. Also used for the event
     * socket's upgrade request.
     */
    Principal authenticate(Context context) {
        String authorization = context.header("Authorization");
        String token = context.queryParam("token");
        try {
            return authenticator.authenticate(authorization, token);
        } catch (AuthFailure refused) {
            authenticator.claimedBy(authorization, token).ifPresent(requests::refused);
            throw refused;
        }
    }

    /** DRP's answer to an unknown route: Type is the method, Key the URL [v3 code: frontend/frontend.go NoRoute]. */
    public static ApiException noRoute(ApiExchange exchange) {
        return new ApiException(404, exchange.method(), "", exchange.path(), "No route");
    }

    public static ApiException methodNotAllowed(ApiExchange exchange) {
        return new ApiException(405, "API ERROR", exchange.segment(0), exchange.segment(1), "Method not allowed");
    }
}
