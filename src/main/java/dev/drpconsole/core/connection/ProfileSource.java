package dev.drpconsole.core.connection;

/** Where an endpoint profile came from: it decides how the console signs in to it and what the user may edit. */
public enum ProfileSource {
    /** Typed in by the user in the connection dialog. */
    USER("Added by you"),
    /** Taken from drpcli's settings ({@code RS_*} variables, {@code ~/.drpclirc}). */
    DRPCLI("From drpcli settings"),
    /** The sandbox this console runs itself; its password and certificate are known without asking. */
    LOCAL_SANDBOX("Runs inside this console");

    private final String description;

    ProfileSource(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
