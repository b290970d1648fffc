package dev.drpconsole.core.drp;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Pins kept in memory only, for tests. */
public final class MemoryCertificatePins implements CertificatePins {
    private final Map<String, String> pins = new ConcurrentHashMap<>();

    @Override
    public Optional<String> pinned(String hostPort) {
        return Optional.ofNullable(pins.get(hostPort));
    }

    @Override
    public void pin(String hostPort, String sha256) {
        pins.put(hostPort, sha256);
    }

    /** Whether nothing is pinned. */
    public boolean isEmpty() {
        return pins.isEmpty();
    }

    /** Forgets every pin (the user's trust was withdrawn). */
    public void clear() {
        pins.clear();
    }
}
