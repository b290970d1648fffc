package dev.drpconsole.core.connection;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import org.slf4j.LoggerFactory;

/**
 * The endpoints the user has connected to, and which one was used last, in {@code endpoints.json} in the settings
 * directory. No secrets: passwords are never kept and tokens live in the {@link TokenVault}. Changes are kept in
 * memory at once and written by the writer executor, so the FX thread never waits for the disk.
 */
public final class EndpointProfiles {
    static final String FILE_NAME = "endpoints.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final Executor writer;
    private final List<EndpointProfile> profiles = new ArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private String lastUsedId;

    private EndpointProfiles(Path file, Executor writer) {
        this.file = file;
        this.writer = writer;
    }

    /** Loads the profiles kept in {@code settingsDir}; a missing or damaged file gives none. */
    public static EndpointProfiles load(Path settingsDir, Executor writer) {
        EndpointProfiles store = new EndpointProfiles(settingsDir.resolve(FILE_NAME), writer);
        if (Files.isRegularFile(store.file)) {
            try {
                store.read(JSON.readTree(store.file.toFile()));
            } catch (IOException | RuntimeException damaged) {
                // A damaged file must not stop the console: the user adds the endpoint again.
                store.profiles.clear();
                store.lastUsedId = null;
            }
        }
        return store;
    }

    public synchronized List<EndpointProfile> all() {
        return List.copyOf(profiles);
    }

    public synchronized Optional<EndpointProfile> byId(String id) {
        return profiles.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public synchronized Optional<EndpointProfile> byName(String name) {
        return profiles.stream().filter(p -> p.name().equalsIgnoreCase(name.strip())).findFirst();
    }

    /** The drpcli and sandbox profiles exist at most once each. */
    public synchronized Optional<EndpointProfile> bySource(ProfileSource source) {
        return profiles.stream().filter(p -> p.source() == source).findFirst();
    }

    /**
     * Adds the profile, or replaces the one with the same id.
     *
     * @throws IllegalArgumentException when another profile already has that name
     */
    public void save(EndpointProfile profile) {
        synchronized (this) {
            Optional<EndpointProfile> sameName = byName(profile.name());
            if (sameName.isPresent() && !sameName.get().id().equals(profile.id())) {
                throw new IllegalArgumentException("There is already an endpoint called " + profile.name());
            }
            int index = indexOf(profile.id());
            if (index < 0) {
                profiles.add(profile);
            } else {
                profiles.set(index, profile);
            }
        }
        changed();
    }

    /** @throws IllegalArgumentException when another profile already has that name */
    public void rename(String id, String newName) {
        byId(id).ifPresent(profile -> save(profile.withName(newName.strip())));
    }

    public void remove(String id) {
        synchronized (this) {
            if (!profiles.removeIf(p -> p.id().equals(id))) {
                return;
            }
            if (id.equals(lastUsedId)) {
                lastUsedId = null;
            }
        }
        changed();
    }

    public synchronized Optional<EndpointProfile> lastUsed() {
        return lastUsedId == null ? Optional.empty() : byId(lastUsedId);
    }

    public void markLastUsed(String id) {
        synchronized (this) {
            if (id.equals(lastUsedId)) {
                return;
            }
            lastUsedId = id;
        }
        changed();
    }

    /** Called (on the changing thread) after every change. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    private int indexOf(String id) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private void changed() {
        writer.execute(this::write);
        listeners.forEach(Runnable::run);
    }

    private void read(JsonNode root) {
        for (JsonNode node : root.path("profiles")) {
            List<String> urls = new ArrayList<>();
            node.path("urls").forEach(url -> urls.add(url.asText()));
            profiles.add(new EndpointProfile(node.path("id").asText(), node.path("name").asText(), urls,
                    node.path("username").asText(), node.path("insecure").asBoolean(),
                    ProfileSource.valueOf(node.path("source").asText(ProfileSource.USER.name())),
                    RunnerEngines.read(node.path("runnerEngine"))));
        }
        lastUsedId = root.hasNonNull("lastUsed") ? root.get("lastUsed").asText() : null;
    }

    /** Writes the state as it is when the write runs, so writes that overtake each other still end up current. */
    private synchronized void write() {
        ObjectNode root = JSON.createObjectNode();
        if (lastUsedId != null) {
            root.put("lastUsed", lastUsedId);
        }
        ArrayNode list = root.putArray("profiles");
        for (EndpointProfile profile : profiles) {
            ObjectNode node = list.addObject();
            node.put("id", profile.id());
            node.put("name", profile.name());
            profile.urls().forEach(node.putArray("urls")::add);
            node.put("username", profile.username());
            node.put("insecure", profile.insecure());
            node.put("source", profile.source().name());
            profile.runnerEngine().ifPresent(engine -> RunnerEngines.write(engine, node.putObject("runnerEngine")));
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), FILE_NAME, ".tmp");
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Handled here, once: the profiles stay in memory for this session.
            LoggerFactory.getLogger(EndpointProfiles.class).warn("Cannot write endpoints to {}: {}", file,
                    e.toString());
        }
    }
}
