package dev.drpconsole.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One round of writes for the endpoint-killed fault, a mix of what a console and its runners write: machine creates
 * and updates, new profiles, params set on a few shared profiles (many callers change one object at once), new
 * files and files written over. Each write changes one key of the model the fault keeps ({@code machines/NAME} →
 * Description, {@code profiles/NAME} → its {@code fault-value} param, {@code params/PROFILE/PARAM} → value,
 * {@code files/PATH} → SHA-256 of the content); no two writes of a round share a key, so whatever order they run in,
 * each acknowledged one must be what the endpoint keeps.
 */
final class WriteMix {
    static final String PREFIX = "fault-";
    static final String VALUE_PARAM = "fault-value";
    static final int SHARED_PROFILES = 5;
    private static final int MAX_FILE_BYTES = 64 * 1024;
    private static final int LARGE_FILE_BYTES = 1024 * 1024;

    /**
     * One write to make: the key it changes, the value there before (null: absent), the value it sends, and how to
     * send it (true when the endpoint acknowledged it: a 2xx with what was sent; an IOException when it went away).
     */
    record Write(String key, String before, String after, Callable<Boolean> send) {
    }

    private final EndpointCalls calls;
    private final Random random;

    WriteMix(EndpointCalls calls, Random random) {
        this.calls = calls;
        this.random = random;
    }

    /** The shared profiles the param writes go to; created once before the first round. */
    static String sharedProfile(int index) {
        return PREFIX + "shared-" + index;
    }

    /**
     * {@code count} writes for round {@code round}, in random order: 30 % machine creates, 25 % updates of machines
     * the model has, 15 % params, 10 % profiles, 15 % new files and 5 % files written over (creates make up for
     * updates the model has no targets for).
     *
     * @param expected the model: what the endpoint must have now (read only)
     * @param uuids    machine name → uuid, as the endpoint last listed them
     */
    List<Write> round(int round, int count, Map<String, String> expected, Map<String, String> uuids) {
        List<Write> writes = new ArrayList<>();
        List<String> machines = keysUnder(expected, "machines/");
        List<String> files = keysUnder(expected, "files/");
        int updates = Math.min(count * 25 / 100, machines.size());
        int overwrites = Math.min(count * 5 / 100, files.size());
        int params = count * 15 / 100;
        int profiles = count * 10 / 100;
        int newFiles = count * 15 / 100;
        int creates = count - updates - overwrites - params - profiles - newFiles;
        String tag = "t" + round;
        for (int i = 0; i < creates; i++) {
            writes.add(createMachine(PREFIX + tag + "-m" + i, "created-" + tag + "-" + i));
        }
        for (int i = 0; i < updates; i++) {
            String name = machines.get(i).substring("machines/".length());
            writes.add(updateMachine(name, uuids.get(name), expected.get(machines.get(i)), "updated-" + tag + "-" + i));
        }
        for (int i = 0; i < params; i++) {
            writes.add(setParam(sharedProfile(i % SHARED_PROFILES), tag + "-p" + i, "param-" + tag + "-" + i));
        }
        for (int i = 0; i < profiles; i++) {
            writes.add(createProfile(PREFIX + tag + "-p" + i, "profile-" + tag + "-" + i));
        }
        for (int i = 0; i < newFiles; i++) {
            writes.add(upload("fault/" + tag + "/f" + i + ".bin", null));
        }
        for (int i = 0; i < overwrites; i++) {
            String path = files.get(i).substring("files/".length());
            writes.add(upload(path, expected.get(files.get(i))));
        }
        Collections.shuffle(writes, random);
        return writes;
    }

    /** The shared profiles, before any round (not part of the fault). */
    void createSharedProfiles() throws IOException, InterruptedException {
        for (int i = 0; i < SHARED_PROFILES; i++) {
            HttpResponse<byte[]> reply = calls.json("POST", "profiles", "{\"Name\":\"" + sharedProfile(i) + "\"}");
            if (reply.statusCode() != 201) {
                throw new IllegalStateException("Cannot create " + sharedProfile(i) + ": " + reply.statusCode());
            }
        }
    }

    private List<String> keysUnder(Map<String, String> expected, String prefix) {
        List<String> keys = new ArrayList<>(expected.keySet().stream().filter(key -> key.startsWith(prefix)).toList());
        Collections.shuffle(keys, random);
        return keys;
    }

    private Write createMachine(String name, String description) {
        return new Write("machines/" + name, null, description, () -> {
            HttpResponse<byte[]> reply = calls.json("POST", "machines", "{\"Name\":\"" + name
                    + "\",\"Description\":\"" + description + "\"}");
            return reply.statusCode() == 201 && description.equals(field(reply, "Description"));
        });
    }

    private Write updateMachine(String name, String uuid, String before, String description) {
        return new Write("machines/" + name, before, description, () -> {
            HttpResponse<byte[]> reply = calls.json("PATCH", "machines/" + uuid, "[{\"op\":\"replace\","
                    + "\"path\":\"/Description\",\"value\":\"" + description + "\"}]");
            return reply.statusCode() == 200 && description.equals(field(reply, "Description"));
        });
    }

    private Write setParam(String profile, String param, String value) {
        return new Write("params/" + profile + "/" + param, null, value, () -> calls.json("POST", "profiles/"
                + profile + "/params/" + param, "\"" + value + "\"").statusCode() == 200);
    }

    private Write createProfile(String name, String value) {
        return new Write("profiles/" + name, null, value, () -> calls.json("POST", "profiles", "{\"Name\":\""
                + name + "\",\"Params\":{\"" + VALUE_PARAM + "\":\"" + value + "\"}}").statusCode() == 201);
    }

    private Write upload(String path, String before) {
        // One in 20 is large (a runner image tar is larger still): its upload is the likelier to be cut by the kill.
        int size = random.nextInt(20) == 0 ? LARGE_FILE_BYTES + random.nextInt(3 * LARGE_FILE_BYTES)
                : 1 + random.nextInt(MAX_FILE_BYTES);
        byte[] content = new byte[size];
        random.nextBytes(content);
        return new Write("files/" + path, before, sha256(content), () -> {
            HttpResponse<byte[]> reply = calls.send("POST", "files/" + path, "application/octet-stream", content);
            return reply.statusCode() == 201 && Integer.toString(content.length).equals(field(reply, "Size"));
        });
    }

    private static String field(HttpResponse<byte[]> reply, String name) {
        try {
            JsonNode body = SandboxJson.parse(reply.body());
            return body == null ? "" : body.path(name).asText();
        } catch (IOException e) {
            return "";
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
