package dev.drpconsole.sandbox.objects;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.SandboxJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** RFC 6902 as the Go client sends it (§2.4). */
class JsonPatchTest {

    private static JsonNode json(String text) throws IOException {
        return SandboxJson.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonNode apply(String target, String patch) throws Exception {
        return JsonPatch.of(json(patch)).applyTo(json(target));
    }

    @Test
    void goClientPatchesWithTestThenReplaceAndAnEmptyFromApply() throws Exception {
        JsonNode result = apply("{\"Runnable\":true,\"Name\":\"m\"}", "[{\"op\":\"test\",\"path\":\"/Runnable\","
                + "\"value\":true,\"from\":\"\"},{\"op\":\"replace\",\"path\":\"/Runnable\",\"value\":false,"
                + "\"from\":\"\"}]");
        assertEquals(json("{\"Runnable\":false,\"Name\":\"m\"}"), result);
    }

    @Test
    void aFailedTestNamesItsLine() throws IOException {
        JsonPatch patch = JsonPatch.of(json("[{\"op\":\"add\",\"path\":\"/a\",\"value\":1},"
                + "{\"op\":\"test\",\"path\":\"/State\",\"value\":\"created\"}]"));
        JsonPatchException failure = assertThrows(JsonPatchException.class,
                () -> patch.applyTo(json("{\"State\":\"running\"}")));
        assertEquals(1, failure.line());
        assertTrue(failure.testFailed());
        assertEquals("Test op failed.", failure.getMessage());
    }

    @Test
    void testComparesNumbersByValueAndObjectsRegardlessOfOrder() throws Exception {
        apply("{\"n\":1.0,\"o\":{\"a\":1,\"b\":[1,2]}}", "[{\"op\":\"test\",\"path\":\"/n\",\"value\":1},"
                + "{\"op\":\"test\",\"path\":\"/o\",\"value\":{\"b\":[1,2],\"a\":1}}]");
    }

    @Test
    void addRemoveMoveCopyAndArrayIndexes() throws Exception {
        JsonNode result = apply("{\"Tasks\":[\"a\",\"c\"],\"Meta\":{\"x\":\"1\"}}", "["
                + "{\"op\":\"add\",\"path\":\"/Tasks/1\",\"value\":\"b\"},"
                + "{\"op\":\"add\",\"path\":\"/Tasks/-\",\"value\":\"d\"},"
                + "{\"op\":\"copy\",\"from\":\"/Meta/x\",\"path\":\"/Meta/y\"},"
                + "{\"op\":\"move\",\"from\":\"/Meta/x\",\"path\":\"/Meta/z\"},"
                + "{\"op\":\"remove\",\"path\":\"/Tasks/0\"},"
                + "{\"op\":\"add\",\"path\":\"/Meta/a~1b\",\"value\":\"slash\"}]");
        assertEquals(json("{\"Tasks\":[\"b\",\"c\",\"d\"],\"Meta\":{\"y\":\"1\",\"z\":\"1\",\"a/b\":\"slash\"}}"),
                result);
    }

    @Test
    void removingAMissingPathFails() throws IOException {
        JsonPatch patch = JsonPatch.of(json("[{\"op\":\"remove\",\"path\":\"/nope\"}]"));
        JsonPatchException failure = assertThrows(JsonPatchException.class, () -> patch.applyTo(json("{}")));
        assertTrue(!failure.testFailed());
    }

    @Test
    void aPatchMustBeAnArrayOfOperations() {
        assertThrows(IllegalArgumentException.class, () -> JsonPatch.of(json("{\"op\":\"add\"}")));
        assertThrows(IllegalArgumentException.class, () -> JsonPatch.of(json("[{\"path\":\"/a\"}]")));
    }
}
