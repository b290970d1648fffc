package dev.drpconsole.sandbox.jobs;

/** A task template the sandbox cannot render; the message names the template and the expression. */
public final class TemplateRenderingException extends Exception {

    public TemplateRenderingException(String message) {
        super(message);
    }

    public TemplateRenderingException(String message, Throwable cause) {
        super(message, cause);
    }
}
