package dev.drpconsole.sandbox.auth;

/**
 * Who a request acts for: a user, or a machine holding a machine token (which may only work on its own machine
 * and jobs).
 *
 * @param kind what the name names
 * @param name user name, or machine uuid
 */
public record Principal(Kind kind, String name) {

    public enum Kind { USER, MACHINE }

    public static Principal user(String name) {
        return new Principal(Kind.USER, name);
    }

    public static Principal machine(String uuid) {
        return new Principal(Kind.MACHINE, uuid);
    }

    public boolean isMachine() {
        return kind == Kind.MACHINE;
    }

    /**
     * How events and logs name it, "user:rocketskates" or "runner:6a2f…": [v3 code] frontend/frontend.go
     * authBlob.Principal (a machine token's claims name the machine, so it is a "runner").
     */
    public String id() {
        return isMachine() ? "runner:" + name : "user:" + name;
    }
}
