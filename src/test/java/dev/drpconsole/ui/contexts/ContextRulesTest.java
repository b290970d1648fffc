package dev.drpconsole.ui.contexts;

import dev.drpconsole.core.drp.ContextChanges;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.drpconsole.core.drp.DrpContext;
import dev.drpconsole.core.setup.ContextImageLayout;
import org.junit.jupiter.api.Test;

/** The form's checks agree with DRP's name rule and the engine's image reference grammar. */
class ContextRulesTest {

    @Test
    void namesFollowDrpsRule() {
        for (String good : new String[] {"runner", "docker-runner-1", "ab", "Runner v2", "ctx.7", "straße"}) {
            assertEquals("", ContextRules.nameProblem(good), good);
        }
        for (String bad : new String[] {"", "a", "9lives", "-runner", "runner!", "run/ner"}) {
            assertFalse(ContextRules.nameProblem(bad).isEmpty(), bad);
        }
    }

    @Test
    void imagesFollowTheReferenceGrammar() {
        for (String good : new String[] {"digitalrebar/runner", "alpine:3.19", "localhost:5000/team/runner:v1",
                "drpconsole-test/runner:run-1a2b3c4d", "registry.example.com/a/b@sha256:"
                + "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"}) {
            assertEquals("", ContextRules.imageProblem(good), good);
        }
        for (String bad : new String[] {"", "Upper/Case", "has space", "runner:", "a//b", "runner:-tag"}) {
            assertFalse(ContextRules.imageProblem(bad).isEmpty(), bad);
        }
    }

    @Test
    void engineImageNamesCompareWithoutImplicitRegistryAndWithATag() {
        assertEquals("digitalrebar/runner:latest", ImageCheck.canonical("digitalrebar/runner"));
        assertEquals("digitalrebar/runner:latest", ImageCheck.canonical("docker.io/digitalrebar/runner:latest"));
        assertEquals("team/runner:1", ImageCheck.canonical("localhost/team/runner:1"));
        assertEquals("localhost:5000/runner:latest", ImageCheck.canonical("localhost:5000/runner"));
    }

    @Test
    void anEditIsShownAsThePatchThatIsSentAndAConflictNamesTheirChange() {
        DrpContext opened = new DrpContext(DrpContext.of("runner", "docker-context", "a/b:1", "").json());
        DrpContext edited = opened.withImage("a/b:2");
        String patch = ContextChanges.request(opened, edited);
        assertTrue(patch.contains("\"op\" : \"test\"") && patch.contains("\"a/b:1\""), patch);
        assertTrue(patch.contains("\"op\" : \"replace\"") && patch.contains("\"a/b:2\""), patch);
        assertFalse(patch.contains("Description"), "untouched fields are not sent: " + patch);

        String theirs = ContextChanges.describe(opened, opened.withDescription("theirs"));
        assertEquals("Description is now \"theirs\" (was \"\")", theirs);
    }

    @Test
    void imageStatusSaysWhereTheImageIs() {
        assertEquals("On engine", status(true, false).describe());
        assertEquals("Published only", status(false, true).describe());
        assertEquals("Missing", status(false, false).describe());
        assertEquals("Engine unreachable · published", status(null, true).describe());
        assertFalse(status(false, null).usable());
        assertTrue(status(false, true).usable());
    }

    private static ImageStatus status(Boolean onEngine, Boolean published) {
        return new ImageStatus(onEngine, published, new ContextImageLayout(ContextImageLayout.V4_7_DIRECTORY, false,
                "a v4.7 plugin"), "", null);
    }
}
