package dev.drpconsole.core.connection;

import dev.drpconsole.core.engine.EngineChoice;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A DRP endpoint the user can connect to, as remembered between starts. It holds no secret: passwords stay in
 * memory and tokens live in the {@link TokenVault}.
 *
 * @param id       stable key (tokens and "last used" refer to it, so a rename keeps them)
 * @param urls     one or more base URLs, normalized by {@link EndpointUrl}; the client uses the first that answers
 * @param insecure     skip certificate checks (shown with a red badge)
 * @param runnerEngine where this endpoint's docker-context plugin runs its runner containers, as the user set it;
 *                     empty for the default ({@link RunnerEngines#effective})
 */
public record EndpointProfile(String id, String name, List<String> urls, String username, boolean insecure,
                              ProfileSource source, Optional<EngineChoice> runnerEngine) {

    public static final String DEFAULT_USERNAME = "rocketskates";

    public EndpointProfile {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a profile needs a name");
        }
        if (urls == null || urls.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one URL");
        }
        urls = List.copyOf(urls);
        username = username == null || username.isBlank() ? DEFAULT_USERNAME : username;
        runnerEngine = runnerEngine == null ? Optional.empty() : runnerEngine;
    }

    /** A profile whose runner engine is the default one. */
    public EndpointProfile(String id, String name, List<String> urls, String username, boolean insecure,
                           ProfileSource source) {
        this(id, name, urls, username, insecure, source, Optional.empty());
    }

    /** A new profile with a fresh id. */
    public static EndpointProfile create(String name, List<String> urls, String username, boolean insecure,
                                         ProfileSource source) {
        return new EndpointProfile(UUID.randomUUID().toString(), name, urls, username, insecure, source);
    }

    public String firstUrl() {
        return urls.get(0);
    }

    public EndpointProfile withName(String newName) {
        return new EndpointProfile(id, newName, urls, username, insecure, source, runnerEngine);
    }

    /** The same profile whose runner containers are watched on {@code engine} (empty: the default). */
    public EndpointProfile withRunnerEngine(Optional<EngineChoice> engine) {
        return new EndpointProfile(id, name, urls, username, insecure, source, engine);
    }

    /** Same endpoint and user: a token issued for one still fits the other. */
    public boolean sameSignInAs(EndpointProfile other) {
        return urls.equals(other.urls) && username.equals(other.username);
    }
}
