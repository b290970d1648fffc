package dev.drpconsole.core.connection;

import dev.drpconsole.core.drp.DrpCredentials;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoint and sign-in drpcli itself would use, read the way drpcli reads them
 * ({@code cli/startup.go} of github.com/digitalrebar/provision/v4, v4.7/v4.8):
 * <ol>
 *   <li>environment: {@code RS_ENDPOINTS} (space separated), then {@code RS_ENDPOINT} (which replaces it, despite
 *       drpcli's help text saying the opposite: the code sets it second), {@code RS_TOKEN}, {@code RS_KEY}
 *       ({@code user:password});</li>
 *   <li>then {@code $HOME/.drpclirc}, {@code KEY=value} lines read <em>after</em> the environment, so a key set in
 *       the file wins: {@code RS_ENDPOINT}, {@code RS_TOKEN}, {@code RS_USERNAME}, {@code RS_PASSWORD},
 *       {@code RS_KEY} ({@code RS_ENDPOINTS} is not read from the file).</li>
 * </ol>
 * A token, when there is one, is used instead of the user name and password. What is not set falls back to
 * drpcli's defaults ({@code https://127.0.0.1:8092}, {@code rocketskates}/{@code r0cketsk8ts}). Secrets stay in
 * memory: {@link #toString()} and {@link #summary()} mask them.
 */
public final class DrpcliSettings {
    public static final String PROFILE_NAME = "drpcli settings";
    static final String DEFAULT_ENDPOINT = "https://127.0.0.1:8092";
    static final String DEFAULT_PASSWORD = "r0cketsk8ts";
    private static final List<String> CONNECTION_KEYS = List.of("RS_ENDPOINTS", "RS_ENDPOINT", "RS_TOKEN", "RS_KEY");
    private static final List<String> FILE_KEYS = List.of("RS_ENDPOINT", "RS_TOKEN", "RS_USERNAME", "RS_PASSWORD",
            "RS_KEY");

    private final List<String> endpoints;
    private final String username;
    private final String password;
    private final String token;
    private final boolean fromEnvironment;
    /** Key → where it was found, for the summary the user sees; values of secret keys are masked. */
    private final Map<String, String> shown;

    private DrpcliSettings(List<String> endpoints, String username, String password, String token,
                           boolean fromEnvironment, Map<String, String> shown) {
        this.endpoints = List.copyOf(endpoints);
        this.username = username;
        this.password = password;
        this.token = token;
        this.fromEnvironment = fromEnvironment;
        this.shown = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(shown));
    }

    /**
     * @param env  the process environment ({@code System.getenv()})
     * @param home the user's home directory, where {@code .drpclirc} lives
     * @return empty when neither the environment nor {@code .drpclirc} says anything about an endpoint
     */
    public static Optional<DrpcliSettings> read(Map<String, String> env, Path home) {
        List<String> endpoints = List.of(DEFAULT_ENDPOINT);
        String username = EndpointProfile.DEFAULT_USERNAME;
        String password = DEFAULT_PASSWORD;
        String token = "";
        Map<String, String> shown = new LinkedHashMap<>();
        boolean fromEnvironment = false;

        if (!env.getOrDefault("RS_ENDPOINTS", "").isEmpty()) {
            endpoints = Arrays.stream(env.get("RS_ENDPOINTS").split(" ")).filter(s -> !s.isBlank()).toList();
            shown.put("RS_ENDPOINTS", env.get("RS_ENDPOINTS") + " (environment)");
        }
        if (!env.getOrDefault("RS_ENDPOINT", "").isEmpty()) {
            endpoints = List.of(env.get("RS_ENDPOINT"));
            shown.remove("RS_ENDPOINTS");
            shown.put("RS_ENDPOINT", env.get("RS_ENDPOINT") + " (environment)");
        }
        if (!env.getOrDefault("RS_TOKEN", "").isEmpty()) {
            token = env.get("RS_TOKEN");
            shown.put("RS_TOKEN", "**** (environment)");
        }
        String[] key = userAndPassword(env.getOrDefault("RS_KEY", ""));
        if (key != null) {
            username = key[0];
            password = key[1];
            shown.put("RS_KEY", key[0] + ":**** (environment)");
        }
        for (String name : CONNECTION_KEYS) {
            fromEnvironment |= !env.getOrDefault(name, "").isEmpty();
        }

        for (String[] line : drpclirc(home)) {
            String value = line[1];
            switch (line[0]) {
                case "RS_ENDPOINT" -> {
                    endpoints = List.of(value);
                    shown.remove("RS_ENDPOINTS");
                    shown.put("RS_ENDPOINT", value + " (~/.drpclirc)");
                }
                case "RS_TOKEN" -> {
                    token = value;
                    shown.put("RS_TOKEN", "**** (~/.drpclirc)");
                }
                case "RS_USERNAME" -> {
                    username = value;
                    shown.put("RS_USERNAME", value + " (~/.drpclirc)");
                }
                case "RS_PASSWORD" -> {
                    password = value;
                    shown.put("RS_PASSWORD", "**** (~/.drpclirc)");
                }
                case "RS_KEY" -> {
                    String[] fileKey = userAndPassword(value);
                    if (fileKey != null) {
                        username = fileKey[0];
                        password = fileKey[1];
                        shown.put("RS_KEY", fileKey[0] + ":**** (~/.drpclirc)");
                    }
                }
                default -> throw new IllegalStateException("only FILE_KEYS are read: " + line[0]);
            }
        }
        if (shown.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DrpcliSettings(endpoints, username, password, token, fromEnvironment, shown));
    }

    /** drpcli ignores a malformed {@code RS_KEY} in the file (and exits on one in the environment): skip it. */
    private static String[] userAndPassword(String value) {
        String[] parts = value.split(":", 2);
        return parts.length == 2 && !parts[0].isEmpty() && !parts[1].isEmpty() ? parts : null;
    }

    /**
     * The connection lines of {@code home/.drpclirc} as {key, value}, in file order: drpcli applies them one by
     * one, so a later line wins and a malformed one is skipped. A missing or unreadable file has none.
     */
    private static List<String[]> drpclirc(Path home) {
        Path file = home.resolve(".drpclirc");
        List<String[]> lines = new ArrayList<>();
        if (!Files.isReadable(file)) {
            return lines;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split("=", 2);
                if (parts.length == 2 && FILE_KEYS.contains(parts[0])) {
                    lines.add(parts);
                }
            }
        } catch (IOException unreadable) {
            lines.clear();
        }
        return lines;
    }

    public List<String> endpoints() {
        return endpoints;
    }

    public String username() {
        return username;
    }

    /** A token when drpcli would use one, else the user name and password (drpcli's defaults if none is set). */
    public DrpCredentials credentials() {
        return token.isEmpty()
                ? new DrpCredentials.Password(username, password)
                : new DrpCredentials.Token(username, token);
    }

    /** The password drpcli would sign in with, for pre-filling the dialog; empty when a token is used instead. */
    public Optional<String> password() {
        return token.isEmpty() ? Optional.of(password) : Optional.empty();
    }

    /** True when an {@code RS_*} connection variable is set in the environment: the console was started for it. */
    public boolean fromEnvironment() {
        return fromEnvironment;
    }

    /** The profile these settings describe, keeping the id of the one imported before. */
    public EndpointProfile profile(Optional<EndpointProfile> previous) {
        List<String> urls = new ArrayList<>();
        for (String endpoint : endpoints) {
            urls.add(normalized(endpoint));
        }
        String id = previous.map(EndpointProfile::id).orElseGet(() -> java.util.UUID.randomUUID().toString());
        boolean insecure = previous.map(EndpointProfile::insecure).orElse(false);
        return new EndpointProfile(id, PROFILE_NAME, urls, username, insecure, ProfileSource.DRPCLI);
    }

    private static String normalized(String endpoint) {
        try {
            return EndpointUrl.parse(endpoint).toString();
        } catch (IllegalArgumentException notAUrl) {
            // Kept as written: connecting will say what is wrong with it, in the user's own words.
            return endpoint;
        }
    }

    /** What was found, secrets masked: {@code RS_ENDPOINT=https://… (environment), RS_KEY=user:**** (~/.drpclirc)}. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        shown.forEach((name, value) -> parts.add(name + "=" + value));
        return String.join(", ", parts);
    }

    @Override
    public String toString() {
        return "DrpcliSettings[" + summary() + "]";
    }
}
