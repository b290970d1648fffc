package dev.drpconsole.core.setup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the setup wizard finished and created, written to a JSON file after every change so that a re-run after a
 * failure, a cancel or a crash continues where it stopped, and a clean-up removes exactly what the wizard made
 * (newest first, since later objects depend on earlier ones: a machine uses a context, a context an image).
 * Thread-safe: steps record from background threads while the UI reads.
 */
public final class SetupJournal {
    public static final String FILE_NAME = "setup-journal.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHOICE = "choice.";

    private final Path file;
    private final Set<String> done = new LinkedHashSet<>();
    private final List<CreatedObject> created = new ArrayList<>();
    private final Map<String, String> values = new LinkedHashMap<>();

    private SetupJournal(Path file) {
        this.file = file;
    }

    /** The journal kept in {@code settingsDir}; empty when there is none yet or it cannot be read. */
    public static SetupJournal load(Path settingsDir) {
        SetupJournal journal = new SetupJournal(settingsDir.resolve(FILE_NAME));
        if (Files.isReadable(journal.file)) {
            try {
                journal.read(JSON.readTree(journal.file.toFile()));
            } catch (IOException | RuntimeException damaged) {
                // A damaged journal must not block the wizard: it starts afresh (nothing is removed by mistake).
                journal.done.clear();
                journal.created.clear();
                journal.values.clear();
            }
        }
        return journal;
    }

    private void read(JsonNode root) {
        root.path("done").forEach(step -> done.add(step.asText()));
        root.path("created").forEach(item -> created.add(new CreatedObject(
                CreatedKind.valueOf(item.path("kind").asText()), item.path("key").asText(), item.path("step").asText(),
                item.path("before").asText(""))));
        root.path("values").fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
    }

    /** Where the journal is kept. */
    public Path file() {
        return file;
    }

    public synchronized boolean isDone(String stepId) {
        return done.contains(stepId);
    }

    public synchronized void markDone(String stepId) {
        done.add(stepId);
        save();
    }

    /** Records something a step created, before anything else can fail, so a crash right after still knows it. */
    public synchronized void recordCreated(CreatedObject object) {
        if (!created.contains(object)) {
            created.add(object);
            save();
        }
    }

    /** Forgets something recorded that turned out not to have been made (the endpoint refused it). */
    public synchronized void forget(CreatedObject object) {
        if (created.remove(object)) {
            save();
        }
    }

    public synchronized List<CreatedObject> created() {
        return List.copyOf(created);
    }

    /** What {@code step} created of {@code kind}, if anything (a re-run reuses it instead of making another). */
    public synchronized Optional<String> createdBy(String step, CreatedKind kind) {
        return created.stream().filter(object -> object.step().equals(step) && object.kind() == kind)
                .map(CreatedObject::key).reduce((first, last) -> last);
    }

    /** A value a step found or chose that a later step or a re-run needs (the runner's UUID, the image tag). */
    public synchronized Optional<String> value(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public synchronized void putValue(String key, String value) {
        values.put(key, value);
        save();
    }

    /** Remembers what the user chose, so a re-run (in the wizard or headless) continues with the same choices. */
    public void saveChoices(SetupChoices choices) {
        Map<String, String> saved = new LinkedHashMap<>();
        saved.put("drpcli", choices.drpcli() == null ? "" : choices.drpcli().toString());
        saved.put("baseImage", choices.baseImage());
        saved.put("packages", String.join(" ", choices.packages()));
        saved.put("dockerfile", choices.dockerfile());
        saved.put("imageTag", choices.imageTag());
        saved.put("contextName", choices.contextName());
        saved.put("contextDescription", choices.contextDescription());
        saved.put("runnerName", choices.runnerName());
        saved.put("testMachineName", choices.testMachineName());
        saved.put("replaceContext", Boolean.toString(choices.replaceContext()));
        saved.put("keepOnEngine", Boolean.toString(choices.keepOnEngine()));
        synchronized (this) {
            saved.forEach((name, value) -> values.put(CHOICE + name, value == null ? "" : value));
            save();
        }
    }

    /** A choice an earlier run saved ({@code "baseImage"}, {@code "contextName"}…); empty when none or blank. */
    public Optional<String> savedChoice(String name) {
        return value(CHOICE + name).filter(value -> !value.isBlank());
    }

    /**
     * Removes what the wizard created, newest first. Each object leaves the journal as soon as it is removed, so a
     * clean-up that fails half-way can simply be run again. Forgets the finished steps too: the wizard starts over.
     *
     * @throws SetupProblem from the first object that could not be removed (it and older ones stay recorded)
     */
    public void cleanUp(ObjectRemover remover) {
        while (true) {
            CreatedObject newest;
            synchronized (this) {
                if (created.isEmpty()) {
                    done.clear();
                    values.clear();
                    save();
                    return;
                }
                newest = created.get(created.size() - 1);
            }
            remover.remove(newest);
            synchronized (this) {
                created.remove(newest);
                save();
            }
        }
    }

    private void save() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode doneJson = root.putArray("done");
        done.forEach(doneJson::add);
        ArrayNode createdJson = root.putArray("created");
        created.forEach(object -> {
            ObjectNode item = createdJson.addObject().put("kind", object.kind().name()).put("key", object.key())
                    .put("step", object.step());
            if (!object.before().isEmpty()) {
                item.put("before", object.before());
            }
        });
        ObjectNode valuesJson = root.putObject("values");
        values.forEach(valuesJson::put);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(FILE_NAME + ".tmp");
            JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), root);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the setup journal " + file, e);
        }
    }
}
