package dev.drpconsole.sandbox.auth;

import java.util.Optional;

/**
 * Who the API request being served on this thread acts for, so that changes the server makes by itself while
 * serving it (a job's machine, a password hash) are attributed to that caller, as on DRP: [v3 code]
 * backend/requestTracker.go publishes every event with {@code rt.Principal()}, the request's logger principal that
 * frontend/frontend.go sets from the caller; [v3 run] such a change is an {@code update} by that principal.
 */
public final class RequestPrincipal {
    private static final ThreadLocal<Principal> SERVING = new ThreadLocal<>();

    private RequestPrincipal() {
    }

    /** While serving a request for {@code principal}; close when the reply is made. */
    public static Serving serve(Principal principal) {
        SERVING.set(principal);
        return SERVING::remove;
    }

    /** Empty outside a request (a runner container's lifecycle, start-up). */
    public static Optional<Principal> current() {
        return Optional.ofNullable(SERVING.get());
    }

    /** Ends serving a request. */
    public interface Serving extends AutoCloseable {
        @Override
        void close();
    }
}
