package dev.drpconsole.core.status;

/**
 * What the console can say about one of its connections (the DRP endpoint, the container engine),
 * in plain words: a headline, the detail behind it and, when something is wrong, how to fix it.
 */
public record ConnectionState(Kind kind, String headline, String detail, String fixHint) {

    public enum Kind {
        /** Nothing configured yet: the user has a next step to take, nothing is broken. */
        NOT_CONFIGURED,
        /** A check is running. */
        CHECKING,
        CONNECTED,
        /** Configured but not answering; {@link #fixHint()} says what to do. */
        UNREACHABLE
    }

    public ConnectionState {
        detail = detail == null ? "" : detail;
        fixHint = fixHint == null ? "" : fixHint;
    }

    public static ConnectionState checking(String headline) {
        return new ConnectionState(Kind.CHECKING, headline, "", "");
    }

    public static ConnectionState connected(String headline, String detail) {
        return new ConnectionState(Kind.CONNECTED, headline, detail, "");
    }

    public static ConnectionState unreachable(String headline, String detail, String fixHint) {
        return new ConnectionState(Kind.UNREACHABLE, headline, detail, fixHint);
    }

    public static ConnectionState notConfigured(String headline, String fixHint) {
        return new ConnectionState(Kind.NOT_CONFIGURED, headline, "", fixHint);
    }
}
