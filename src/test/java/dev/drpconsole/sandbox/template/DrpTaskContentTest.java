package dev.drpconsole.sandbox.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Task templates as the sandbox will meet them: the colordemo {@code context-demo} pack (facts §8) and a task in
 * the style of its sibling {@code colordemo-setter}, which reads the pack's params with the usual
 * ParamExists/else/trim-marker idiom and includes a shared template.
 */
class DrpTaskContentTest {

    /** {@code context-demo-example.sh.tmpl} as facts §8 describes it: a plain bash script without actions. */
    private static final String CONTEXT_DEMO_EXAMPLE = """
            #!/usr/bin/env bash

            set -e

            echo "Time to rest for 10 seconds."
            sleep 10
            echo "good day!"
            exit 0

            """;

    private static final String COLOR_SETTER = """
            #!/usr/bin/env bash
            set -e
            {{/* Fall back to safe values when the params are not set. */ -}}
            {{ if .ParamExists "context-demo/color" -}}
            COLOR={{ .Param "context-demo/color" }}
            {{ else -}}
            COLOR=black
            {{ end -}}
            ICON={{ if .ParamExists "context-demo/icon" }}{{ .Param "context-demo/icon" }}{{ else }}server{{ end }}
            export RS_UUID="{{.Machine.UUID}}"
            export RS_ENDPOINT="{{.ApiURL}}"
            export RS_TOKEN="{{.GenerateToken}}"
            {{template "setup.tmpl" .}}
            drpcli machines update "$RS_UUID" '{"Meta":{"color":"'$COLOR'","icon":"'$ICON'"}}'
            echo "{{.Task.Name}} set $COLOR/$ICON on {{.Machine.Name}}"
            """;

    private static final Map<String, String> STORED_TEMPLATES =
            Map.of("setup.tmpl", "# setup for {{.Machine.ShortName}} ({{.Machine.Arch}})");

    @Test
    void contextDemoExampleRendersToItself() {
        GoTemplate template = GoTemplate.parse("context-demo-example.sh.tmpl", CONTEXT_DEMO_EXAMPLE);
        assertEquals(CONTEXT_DEMO_EXAMPLE, template.render(Renders.data(Map.of())));
    }

    @Test
    void colorSetterWithTheProfileParams() {
        // Profile context-demo-example sets color orange and icon desktop.
        Map<String, Object> params = Map.of("context-demo/color", "orange", "context-demo/icon", "desktop");
        String script = GoTemplate.parse("color-setter.sh.tmpl", COLOR_SETTER)
                .render(Renders.data(params, STORED_TEMPLATES));
        assertEquals("""
                #!/usr/bin/env bash
                set -e
                COLOR=orange
                ICON=desktop
                export RS_UUID="%1$s"
                export RS_ENDPOINT="https://10.0.0.2:8092"
                export RS_TOKEN="token-1h"
                # setup for example (amd64)
                drpcli machines update "$RS_UUID" '{"Meta":{"color":"'$COLOR'","icon":"'$ICON'"}}'
                echo "context-demo-example set $COLOR/$ICON on example.lab.local"
                """.formatted(Renders.UUID), script);
    }

    @Test
    void colorSetterFallsBackWithoutParams() {
        String script = GoTemplate.parse("color-setter.sh.tmpl", COLOR_SETTER)
                .render(Renders.data(Map.of(), STORED_TEMPLATES));
        assertTrue(script.contains("\nCOLOR=black\nICON=server\n"), script);
    }

    @Test
    void colorSetterWithoutTheSharedTemplateFailsTheJobClearly() {
        GoTemplate template = GoTemplate.parse("color-setter.sh.tmpl", COLOR_SETTER);
        TemplateException e = assertThrows(TemplateException.class, () -> template.render(Renders.data(Map.of())));
        assertEquals(13, e.line());
        assertTrue(e.getMessage().contains("template inclusion is not supported in the sandbox for \"setup.tmpl\""));
    }

    @Test
    void tokensAreOnlyRequestedWhenUsed() {
        int[] minted = {0};
        TemplateData data = new TemplateData() {
            @Override public Map<String, Object> machine() { return Renders.machine(); }
            @Override public java.util.Optional<Object> param(String name) { return java.util.Optional.empty(); }
            @Override public String apiUrl() { return "https://h:8092"; }
            @Override public String provisionerUrl() { return "http://h:8091"; }
            @Override public String generateToken() { minted[0]++; return "t"; }
            @Override public String generateInfiniteToken() { minted[0]++; return "T"; }
            @Override public String taskName() { return "t"; }
        };
        GoTemplate.parse("a", CONTEXT_DEMO_EXAMPLE).render(data);
        assertEquals(0, minted[0]);
        assertEquals("t", GoTemplate.parse("b", "{{.GenerateToken}}").render(data));
        assertEquals(1, minted[0]);
    }

    @Test
    void paramExpandRendersTemplatesInsideParamValues() {
        Map<String, Object> params = Map.of("url", "{{.ProvisionerURL}}/files/x", "list", java.util.List.of("{{.Machine.Arch}}"));
        assertEquals("http://10.0.0.2:8091/files/x [amd64]",
                Renders.render("{{.ParamExpand \"url\"}} {{.ParamExpand \"list\"}}", params));
    }

    @Test
    void callTemplateReturnsTheText() {
        GoTemplate template = GoTemplate.parse("m", "{{.CallTemplate \"setup.tmpl\" . | upper}}");
        assertEquals("# SETUP FOR EXAMPLE (AMD64)", template.render(Renders.data(Map.of(), STORED_TEMPLATES)));
    }
}
