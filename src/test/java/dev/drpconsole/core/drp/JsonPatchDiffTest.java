package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The patch {@link DrpClient#update} sends: tested replaces and removes, plain adds, untouched fields left out. */
class JsonPatchDiffTest {

    private static String diff(String from, String to) throws Exception {
        return JsonPatchDiff.between((ObjectNode) DrpJson.read(from), (ObjectNode) DrpJson.read(to)).toString();
    }

    @Test
    void changedLeavesAreTestedBeforeTheyAreReplaced() throws Exception {
        assertEquals("[{\"op\":\"test\",\"path\":\"/Meta/color\",\"value\":\"red\"},"
                        + "{\"op\":\"replace\",\"path\":\"/Meta/color\",\"value\":\"blue\"}]",
                diff("{\"Name\":\"a\",\"Unknown\":1,\"Meta\":{\"color\":\"red\",\"icon\":\"x\"}}",
                        "{\"Name\":\"a\",\"Unknown\":1,\"Meta\":{\"color\":\"blue\",\"icon\":\"x\"}}"));
    }

    @Test
    void addedFieldsAreAddedAndRemovedOnesTestedThenRemoved() throws Exception {
        assertEquals("[{\"op\":\"test\",\"path\":\"/Meta/BaseContext\",\"value\":\"runner\"},"
                        + "{\"op\":\"remove\",\"path\":\"/Meta/BaseContext\"},"
                        + "{\"op\":\"add\",\"path\":\"/Meta/a~1b~0c\",\"value\":\"v\"}]",
                diff("{\"Meta\":{\"BaseContext\":\"runner\"}}", "{\"Meta\":{\"a/b~c\":\"v\"}}"));
    }

    @Test
    void arraysAreComparedAsWholeValues() throws Exception {
        assertEquals("[{\"op\":\"test\",\"path\":\"/Tasks\",\"value\":[\"a\",\"b\"]},"
                        + "{\"op\":\"replace\",\"path\":\"/Tasks\",\"value\":[\"a\",\"c\"]}]",
                diff("{\"Tasks\":[\"a\",\"b\"]}", "{\"Tasks\":[\"a\",\"c\"]}"));
        assertEquals("[]", diff("{\"Tasks\":[\"a\"]}", "{\"Tasks\":[\"a\"]}"));
    }
}
