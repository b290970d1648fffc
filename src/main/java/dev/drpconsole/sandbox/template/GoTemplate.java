package dev.drpconsole.sandbox.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A parsed DRP task template: the subset of Go's {@code text/template} (plus a handful of sprig functions) that
 * DRP content commonly uses, rendered the way dr-provision renders a task's templates for a machine.
 *
 * <pre>{@code
 * GoTemplate template = GoTemplate.parse("context-demo-example.sh.tmpl", contents);
 * String script = template.render(data);   // TemplateException: fail the job with e.getMessage()
 * }</pre>
 *
 * <p>Parsing checks syntax and variables; unknown functions and DRP fields are only reported when a render
 * reaches them, so content that a real server accepts is never refused at upload. A render never silently
 * drops what it cannot do: unsupported expressions and missing params fail it with a message naming the
 * expression. Instances are immutable and safe to render from several threads.
 */
public final class GoTemplate {

    private final String name;
    private final List<Node> nodes;
    private final Map<String, List<Node>> defines;

    private GoTemplate(String name, List<Node> nodes, Map<String, List<Node>> defines) {
        this.name = name;
        this.nodes = nodes;
        this.defines = defines;
    }

    /**
     * @param name   used in error messages, normally the template's ID
     * @throws TemplateException on a syntax error, with its line and column
     */
    public static GoTemplate parse(String name, String source) throws TemplateException {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Map<String, List<Node>> defines = new LinkedHashMap<>();
        List<Node> nodes = Parser.parse(name, source, defines);
        return new GoTemplate(name, List.copyOf(nodes), Map.copyOf(defines));
    }

    /**
     * @throws TemplateException when the template uses something the sandbox does not support, a param that has
     *                           no value, or fails the way Go would (bad comparison, missing map key, ...)
     */
    public String render(TemplateData data) throws TemplateException {
        Objects.requireNonNull(data, "data");
        return Evaluator.render(this, data);
    }

    public String name() {
        return name;
    }

    List<Node> nodes() {
        return nodes;
    }

    Map<String, List<Node>> defines() {
        return defines;
    }
}
