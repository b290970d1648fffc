package dev.drpconsole.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the endpoint keeps, read back through its API in the keys of {@link WriteMix}'s model: machines and profiles
 * from one list each, files one by one. A file "reads" when its whole content comes back: as many bytes as its
 * Content-Length, with the SHA-256 the endpoint itself names ({@code X-DRP-SHA256SUM}).
 */
final class StoredState {
    /** The value of a file that did not read whole. */
    static final String UNREADABLE = "<unreadable>";

    private final EndpointCalls calls;
    private final Map<String, String> objects = new HashMap<>();
    private final Map<String, String> uuids = new HashMap<>();

    private StoredState(EndpointCalls calls) {
        this.calls = calls;
    }

    /** Lists the fault's machines and profiles (and the params of the shared ones). */
    static StoredState read(EndpointCalls calls) throws IOException, InterruptedException {
        StoredState state = new StoredState(calls);
        for (JsonNode machine : list(calls, "machines")) {
            String name = machine.path("Name").asText();
            if (name.startsWith(WriteMix.PREFIX)) {
                state.objects.put("machines/" + name, machine.path("Description").asText());
                state.uuids.put(name, machine.path("Uuid").asText());
            }
        }
        for (JsonNode profile : list(calls, "profiles")) {
            String name = profile.path("Name").asText();
            if (name.startsWith(WriteMix.PREFIX + "shared-")) {
                profile.path("Params").fields().forEachRemaining(param -> state.objects.put("params/" + name + "/"
                        + param.getKey(), param.getValue().asText()));
            } else if (name.startsWith(WriteMix.PREFIX)) {
                state.objects.put("profiles/" + name, profile.path("Params").path(WriteMix.VALUE_PARAM).asText());
            }
        }
        return state;
    }

    /** The value of a key: an object's from the lists, a file's read now; empty when the endpoint has none. */
    Optional<String> value(String key) throws IOException, InterruptedException {
        if (key.startsWith("files/")) {
            return file(key.substring("files/".length()));
        }
        return Optional.ofNullable(objects.get(key));
    }

    /** The values of many keys, files read in parallel on {@code readers}. */
    Map<String, Optional<String>> values(Collection<String> keys, ExecutorService readers) throws Exception {
        Map<String, Future<Optional<String>>> reading = new HashMap<>();
        for (String key : keys) {
            reading.put(key, readers.submit(() -> value(key)));
        }
        Map<String, Optional<String>> values = new HashMap<>();
        for (Map.Entry<String, Future<Optional<String>>> each : reading.entrySet()) {
            try {
                values.put(each.getKey(), each.getValue().get(60, TimeUnit.SECONDS));
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }
        return values;
    }

    /** Every object key the lists had (files are not listed here). */
    Map<String, String> objects() {
        return objects;
    }

    /** Machine name → uuid. */
    Map<String, String> uuids() {
        return uuids;
    }

    /** Every stored file's path under {@code fault/}, from the files API's recursive list. */
    List<String> filePaths() throws IOException, InterruptedException {
        HttpResponse<byte[]> reply = calls.get("files?path=/fault&all=true");
        List<String> paths = new ArrayList<>();
        if (reply.statusCode() == 404) {
            return paths;
        }
        for (JsonNode name : json(reply, "files?path=/fault")) {
            if (!name.asText().endsWith("/")) {
                paths.add("fault/" + name.asText());
            }
        }
        return paths;
    }

    private Optional<String> file(String path) throws IOException, InterruptedException {
        HttpResponse<byte[]> reply = calls.get("files/" + path);
        if (reply.statusCode() == 404) {
            return Optional.empty();
        }
        String length = reply.headers().firstValue("Content-Length").orElse("");
        String sum = WriteMix.sha256(reply.body());
        boolean whole = reply.statusCode() == 200 && length.equals(Integer.toString(reply.body().length))
                && sum.equals(reply.headers().firstValue("X-DRP-SHA256SUM").orElse(""));
        return Optional.of(whole ? sum : UNREADABLE);
    }

    private static JsonNode list(EndpointCalls calls, String prefix) throws IOException, InterruptedException {
        return json(calls.get(prefix), prefix);
    }

    private static JsonNode json(HttpResponse<byte[]> reply, String what) throws IOException {
        if (reply.statusCode() != 200) {
            throw new IllegalStateException("GET " + what + " answered " + reply.statusCode());
        }
        JsonNode body = SandboxJson.parse(reply.body());
        if (body == null || !body.isArray()) {
            throw new IllegalStateException("GET " + what + " is no list");
        }
        return body;
    }
}
