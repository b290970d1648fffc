package dev.drpconsole.sandbox.template;

/**
 * A template that does not parse, or a render that cannot finish.
 *
 * <p>The message is complete and meant to end up verbatim in a job log, e.g.
 * {@code context-demo.sh.tmpl:7:6: executing {{.Param "demo/color"}}: no such machine parameter "demo/color"}.
 * It is unchecked because the sandbox server handles every render failure the same way (it fails the job with
 * the message) and the evaluator throws it from deep inside recursive code.
 */
public final class TemplateException extends RuntimeException {

    private final String templateName;
    private final int line;
    private final int column;
    private final String detail;

    TemplateException(String templateName, int line, int column, String detail) {
        super(templateName + ":" + line + ":" + column + ": " + detail);
        this.templateName = templateName;
        this.line = line;
        this.column = column;
        this.detail = detail;
    }

    /** The name given to {@link GoTemplate#parse}, or the id of an included template. */
    public String templateName() {
        return templateName;
    }

    /** 1-based line of the action (or of the offending character, for syntax errors). */
    public int line() {
        return line;
    }

    /** 1-based column, counted in characters. */
    public int column() {
        return column;
    }

    /** The message without the {@code name:line:column: } prefix. */
    public String detail() {
        return detail;
    }
}
