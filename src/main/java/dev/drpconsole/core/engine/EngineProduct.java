package dev.drpconsole.core.engine;

/** Which engine answers the Docker Engine API; both behave alike for the console, with small differences. */
public enum EngineProduct {
    DOCKER("Docker"),
    /** Podman's Docker-compatible service; it prefixes image names with {@code localhost/} or {@code docker.io/}. */
    PODMAN("Podman");

    private final String displayName;

    EngineProduct(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
