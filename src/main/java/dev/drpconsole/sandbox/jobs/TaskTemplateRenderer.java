package dev.drpconsole.sandbox.jobs;

/**
 * The seam where task templates are rendered. On a real endpoint they are Go templates; the sandbox plugs in a
 * Go-template renderer here ({@code dev.drpconsole.sandbox.template.GoTemplate}, built separately) and until then
 * uses {@link PlainTextTemplates} (the choice is made in one place, {@code SandboxServer.start}). A template that
 * cannot be rendered must fail with a clear message, never render as an empty or half-filled string: the job then
 * fails with that message in its log.
 */
@FunctionalInterface
public interface TaskTemplateRenderer {

    /**
     * @param name   the template's name (for messages), e.g. "context-demo-example.sh.tmpl"
     * @param source the template text
     * @throws TemplateRenderingException when the template uses something this renderer cannot render
     */
    String render(String name, String source, TemplateInputs inputs) throws TemplateRenderingException;
}
