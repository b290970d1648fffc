package dev.drpconsole.core.drp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A DRP endpoint in memory, for view-model tests that check their own logic without a sandbox, sockets or a
 * toolkit: objects by type and key, {@code Field=value} filters, job logs, and events published on every change to
 * the subscriptions whose filter matches (acknowledged at once), on the calling thread. Not a stand-in for DRP's
 * behaviour: tests of that run against the sandbox.
 */
public final class InMemoryDrpClient implements DrpClient {
    private final Map<String, Map<String, ObjectNode>> objects = new LinkedHashMap<>();
    private final Map<String, String> jobLogs = new LinkedHashMap<>();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final Events events = new Events();
    private final List<EventStreamListener> streamListeners = new CopyOnWriteArrayList<>();
    private volatile RuntimeException failNext;
    private volatile String unsortable;

    /** The next call fails with {@code failure} (a refused update, a lost endpoint), then calls work again. */
    public void failNextCall(RuntimeException failure) {
        this.failNext = failure;
    }

    /** Lists sorted by this index are refused as DRP refuses a sort by an unordered index: 406 "Not sortable". */
    public void refuseSortBy(String index) {
        this.unsortable = index;
    }

    /** Appends to a job's log, as the agent's PUT would. */
    public synchronized void appendJobLog(String jobUuid, String text) {
        jobLogs.merge(jobUuid, text, String::concat);
    }

    /** Creates or replaces an object without a request (someone else did it): listeners hear of it. */
    public <T extends DrpObject> T put(T object) {
        boolean created;
        synchronized (this) {
            created = store(object.type()).put(object.key(), object.json().deepCopy()) == null;
        }
        publish(object.type().prefix(), created ? "create" : "save", object.key(), object.json());
        return object;
    }

    /** Creates or replaces an object, but its event is lost on the way (as DRP drops frames for a slow client). */
    public synchronized <T extends DrpObject> T putEventDropped(T object) {
        store(object.type()).put(object.key(), object.json().deepCopy());
        return object;
    }

    /** The event socket saw a burst, in which frames may have been dropped: stream listeners hear of it. */
    public void burstEnded() {
        streamListeners.forEach(EventStreamListener::eventsMayHaveBeenDropped);
    }

    private void check() {
        RuntimeException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
    }

    private Map<String, ObjectNode> store(DrpType<?> type) {
        return objects.computeIfAbsent(type.prefix(), prefix -> new LinkedHashMap<>());
    }

    @Override
    public String url() {
        return "https://drp.test:8092";
    }

    @Override
    public boolean insecure() {
        return false;
    }

    @Override
    public Info info() {
        check();
        return new Info(JsonNodeFactory.instance.objectNode().put("version", "v4.7.0").put("id", "in-memory")
                .put("arch", "amd64"));
    }

    @Override
    public synchronized <T extends DrpObject> List<T> list(DrpType<T> type, Filter filter) {
        check();
        if (filter.params().contains(Map.entry("sort", String.valueOf(unsortable)))) {
            throw new DrpApiException(406, type.prefix(), "", "API_ERROR", List.of("Not sortable: " + unsortable));
        }
        List<T> found = new ArrayList<>();
        for (ObjectNode json : store(type).values()) {
            boolean matches = filter.params().stream().filter(param -> Character.isUpperCase(param.getKey().charAt(0)))
                    .allMatch(param -> json.path(param.getKey()).asText().equals(param.getValue()));
            if (matches) {
                found.add(type.wrap().apply(json.deepCopy()));
            }
        }
        return found;
    }

    @Override
    public long count(DrpType<?> type, Filter filter) {
        return list(type, filter).size();
    }

    @Override
    public synchronized <T extends DrpObject> Optional<T> get(DrpType<T> type, String key) {
        check();
        return Optional.ofNullable(store(type).get(key)).map(json -> type.wrap().apply(json.deepCopy()));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends DrpObject> T create(T object) {
        check();
        synchronized (this) {
            if (store(object.type()).containsKey(object.key())) {
                throw new DrpApiException(409, object.type().prefix(), object.key(), "CREATE",
                        List.of(object.key() + " already exists"));
            }
        }
        return put(object);
    }

    @Override
    public <T extends DrpObject> T forceUpdate(T original, T changed) {
        return update(original, changed); // no task rules here to force past
    }

    @Override
    public <T extends DrpObject> T update(T original, T changed) {
        check();
        synchronized (this) {
            ObjectNode now = store(original.type()).get(original.key());
            if (now == null) {
                throw new DrpApiException(404, original.type().prefix(), original.key(), "PATCH",
                        List.of("Not Found"));
            }
            if (!now.equals(original.json())) {
                throw new DrpApiException(409, original.type().prefix(), original.key(), "PATCH",
                        List.of("Patch error: test failed"));
            }
        }
        return put(changed);
    }

    @Override
    public <T extends DrpObject> T delete(DrpType<T> type, String key) {
        check();
        ObjectNode removed;
        synchronized (this) {
            removed = store(type).remove(key);
        }
        if (removed == null) {
            throw new DrpApiException(404, type.prefix(), key, "DELETE", List.of("Not Found"));
        }
        publish(type.prefix(), "delete", key, removed);
        return type.wrap().apply(removed);
    }

    @Override
    public synchronized JobLogChunk jobLog(String jobUuid, long offset) {
        check();
        byte[] log = jobLogs.getOrDefault(jobUuid, "").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int from = (int) Math.min(offset, log.length);
        return new JobLogChunk(new String(log, from, log.length - from, java.nio.charset.StandardCharsets.UTF_8),
                log.length);
    }

    @Override
    public List<PluginProvider> pluginProviders() {
        return List.of();
    }

    @Override
    public StoredFile uploadPluginProvider(String name, Path binary, TransferProgress progress) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public List<ContentSummary> contents() {
        return List.of();
    }

    @Override
    public ContentSummary putContent(ObjectNode content) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public void deleteContent(String name) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public List<String> listFiles(String dir) {
        return List.of();
    }

    @Override
    public StoredFile uploadFile(String path, Path source, TransferProgress progress) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public void downloadFile(String path, Path target, TransferProgress progress) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public Optional<String> fileSha256(String path) {
        return Optional.empty();
    }

    @Override
    public void deleteFile(String path) {
        throw new UnsupportedOperationException("not kept in memory");
    }

    @Override
    public DrpEvents events() {
        return events;
    }

    @Override
    public void close() {
        subscriptions.clear();
    }

    private void publish(String type, String action, String key, ObjectNode object) {
        DrpEvent event = new DrpEvent(Instant.now(), type, action, key, "user:test", object.deepCopy());
        subscriptions.stream().filter(subscription -> subscription.matcher.matches(type, action, key))
                .forEach(subscription -> subscription.listener.accept(event));
    }

    private record Subscription(EventFilterMatcher matcher, Consumer<DrpEvent> listener)
            implements EventSubscription {
        @Override
        public CompletionStage<Boolean> registered() {
            return CompletableFuture.completedFuture(true);
        }

        @Override
        public void close() {
        }
    }

    private final class Events implements DrpEvents {
        @Override
        public EventSubscription subscribe(String filter, Consumer<DrpEvent> listener) {
            Subscription subscription = new Subscription(new EventFilterMatcher(filter), listener);
            subscriptions.add(subscription);
            return new EventSubscription() {
                @Override
                public CompletionStage<Boolean> registered() {
                    return subscription.registered();
                }

                @Override
                public void close() {
                    subscriptions.remove(subscription);
                }
            };
        }

        @Override
        public AutoCloseable addListener(EventStreamListener listener) {
            streamListeners.add(listener);
            listener.connected(false);
            return () -> streamListeners.remove(listener);
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
