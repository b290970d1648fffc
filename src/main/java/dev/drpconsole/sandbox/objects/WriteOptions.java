package dev.drpconsole.sandbox.objects;

import dev.drpconsole.sandbox.auth.Principal;

/**
 * How a write was asked for.
 *
 * @param principal who asked; null for the server's own writes
 * @param force     the client passed {@code ?force=true}, relaxing rules such as "no stage change with pending
 *                  tasks"
 */
public record WriteOptions(Principal principal, boolean force) {

    /** A write the server makes by itself. */
    public static WriteOptions server() {
        return new WriteOptions(null, false);
    }

    public String principalId() {
        return principal == null ? "" : principal.id();
    }
}
