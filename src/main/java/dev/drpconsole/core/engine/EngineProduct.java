package dev.drpconsole.core.engine;

/** Which engine answers the Docker Engine API; both behave alike for the console, with small differences. */
public enum EngineProduct {
    DOCKER("Docker"),
    /**
     * Podman's Docker-compatible service. Its differences stay inside this package: image names without the
     * {@code localhost/} and {@code docker.io/} it adds ({@link ImageReference}), events in Docker's words
     * ({@link EngineEvent}), its build output and its 500-for-a-conflict answers read like Docker's.
     */
    PODMAN("Podman");

    private final String displayName;

    EngineProduct(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
