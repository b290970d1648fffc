package dev.drpconsole.core.drp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.core.setup.DemoContentPack;
import dev.drpconsole.core.setup.DemoPackBundle;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import dev.drpconsole.testsupport.TestEnv;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * D.13: every object the console writes (the wizard's context, runner machine, demo pack and test machine; the
 * Contexts form; the Runners view's change context and make runnable) reads back with every field the console
 * sent, from a sandbox that decodes bodies as Go's encoding/json does (unknown fields dropped). A write that relied
 * on a field DRP does not have would lose it here as it would on a real endpoint.
 */
@Tag("engine")
@Tag("sandbox")
class ConsoleWritesTest {
    /** What the server sets itself, whatever a client sends (DRP v4.7.0 models/validate.go "read only: true"). */
    private static final Set<String> SERVER_OWNED = Set.of("Validated", "Available", "Errors", "ReadOnly", "Bundle",
            "Endpoint");

    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();
    @TempDir
    static Path work;
    static OkHttpDrpClient client;

    @BeforeAll
    static void connect() {
        client = SandboxAccess.connect(SANDBOX.server());
    }

    @AfterAll
    static void close() {
        client.close();
    }

    @Test
    void theWizardsAndTheContextFormsWritesAreKept() throws Exception {
        DrpContext context = DrpContext.of(DemoContentPack.CONTEXT, "docker-context", "drp-runner:1",
                "made by ConsoleWritesTest");
        assertKept(context.json(), client.create(context));
        DrpContext stored = client.get(DrpType.CONTEXTS, DemoContentPack.CONTEXT).orElseThrow();
        DrpContext edited = stored.withImage("drp-runner:2").withEngine("docker-context").withDescription("edited");
        client.update(stored, edited);
        assertKept(edited.json(), client.get(DrpType.CONTEXTS, DemoContentPack.CONTEXT).orElseThrow());

        Machine runner = Machine.runner("writes-runner", DemoContentPack.CONTEXT, "the wizard's runner");
        Machine made = MachineCreation.createRunner(client, runner).machine();
        assertKept(runner.json(), client.get(DrpType.MACHINES, made.uuid()).orElseThrow());
        assertEquals(DemoContentPack.CONTEXT, made.context());

        ObjectNode pack = DemoPackBundle.bundle(TestEnv.get().drpcli(), work, DemoContentPack.CONTEXT);
        client.putContent(pack);
        assertPackKept(pack);

        Machine wanted = new Machine(JsonNodeFactory.instance.objectNode().put("Name", "writes-test")
                .put("Context", DemoContentPack.CONTEXT));
        Machine testMachine = MachineCreation.create(client, wanted, DemoContentPack.WORKFLOW, "a test").machine();
        Machine read = client.get(DrpType.MACHINES, testMachine.uuid()).orElseThrow();
        assertKept(wanted.json(), read);
        assertEquals(DemoContentPack.WORKFLOW, read.workflow());
    }

    @Test
    void theRunnersViewsEditsAreKept() {
        Machine made = MachineCreation.createRunner(client, Machine.runner("edited-runner", "", "plain")).machine();
        Machine changed = made.withBaseContext("elsewhere").withContext("elsewhere");
        client.update(made, changed);
        Machine read = client.get(DrpType.MACHINES, made.uuid()).orElseThrow();
        assertEquals("elsewhere", read.baseContext());
        assertEquals("elsewhere", read.context());
        Machine stopped = read.withRunnable(false);
        client.update(read, stopped);
        Machine again = client.get(DrpType.MACHINES, made.uuid()).orElseThrow();
        client.update(again, again.withRunnable(true));
        assertTrue(client.get(DrpType.MACHINES, made.uuid()).orElseThrow().json().path("Runnable").asBoolean());
    }

    /** Every field the console sent, at any depth, came back with the value sent. */
    private static void assertKept(JsonNode sent, DrpObject stored) {
        assertKept(sent, stored.json(), stored.type().prefix() + "/" + stored.key());
    }

    private static void assertKept(JsonNode sent, JsonNode stored, String where) {
        if (!sent.isObject()) {
            assertEquals(sent, stored, where);
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = sent.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (SERVER_OWNED.contains(field.getKey())) {
                continue;
            }
            assertTrue(stored.has(field.getKey()), where + " lost " + field.getKey() + ": " + stored);
            assertKept(field.getValue(), stored.get(field.getKey()), where + "." + field.getKey());
        }
    }

    private static void assertPackKept(ObjectNode pack) {
        pack.path("sections").fields().forEachRemaining(section -> section.getValue().fields().forEachRemaining(
                entry -> {
                    JsonNode stored = readRaw(section.getKey(), entry.getKey());
                    assertKept(entry.getValue(), stored, section.getKey() + "/" + entry.getKey());
                }));
    }

    private static JsonNode readRaw(String prefix, String key) {
        return SANDBOX.server().objects().get("GET", prefix, key);
    }
}
