package dev.drpconsole.core.drp;

/**
 * An endpoint older than 4.2, or one without the contexts feature: it answers {@code GET /api/v3/contexts} with
 * 404 "No route" [real-drp-differences D.17, v3 run; v3 code frontend/frontend.go NoRoute]. Contexts came in 4.2
 * (DRP v4.7.0 doc/operations/contexts.rst "System Setup Information").
 */
public final class EndpointWithoutContexts {
    /** The DRP release that added contexts. */
    public static final String CONTEXTS_SINCE = "4.2";

    private EndpointWithoutContexts() {
    }

    /** Whether listing or changing contexts failed because the endpoint has no contexts route. */
    public static boolean isTheReason(DrpException failure) {
        return failure instanceof DrpApiException api && api.isNotFound() && api.messages().contains("No route");
    }

    /** What a user reads, e.g. "DRP v3.13.6 has no contexts: they came in 4.2. …"; version "" when unknown. */
    public static String explain(String version) {
        String which = version.isBlank() ? "This DRP endpoint" : "DRP " + version;
        return which + " has no contexts: they came in DRP " + CONTEXTS_SINCE + ". Upgrade the endpoint to "
                + CONTEXTS_SINCE + " or newer and install the docker-context plugin to use contexts and runner "
                + "machines; its machines and jobs are still listed.";
    }
}
