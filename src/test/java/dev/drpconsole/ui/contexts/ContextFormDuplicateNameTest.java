package dev.drpconsole.ui.contexts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.drp.OkHttpDrpClient;
import dev.drpconsole.testsupport.SandboxAccess;
import dev.drpconsole.testsupport.SandboxEndpoint;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A.4: a context's Name is its key, so a second one is a 409 {@code CREATE} "already exists" on a real endpoint
 * (unlike a machine's Name, a unique index: 422). The form says so plainly, against the sandbox.
 */
@Tag("sandbox")
class ContextFormDuplicateNameTest {
    @RegisterExtension
    static final SandboxEndpoint SANDBOX = new SandboxEndpoint();

    @Test
    void aContextNamedLikeAnotherIsRefusedWithAPlainMessage() {
        try (OkHttpDrpClient client = SandboxAccess.connect(SANDBOX.server())) {
            client.create(DrpContext.of("runner", DrpContext.DOCKER_CONTEXT, "a/b:1", ""));
            ContextFormViewModel form = new ContextFormViewModel(client, TaskRunner.inline(), null);
            form.nameProperty().set("runner");
            form.imageProperty().set("a/b:2");
            List<DrpContext> saved = new ArrayList<>();

            form.save(saved::add);

            assertEquals("A context named runner already exists. Pick another name, or edit that one.",
                    form.saveProblemProperty().get());
            assertEquals(List.of(), saved);
        }
    }
}
