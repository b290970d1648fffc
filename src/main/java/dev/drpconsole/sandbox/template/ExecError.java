package dev.drpconsole.sandbox.template;

/**
 * A render failure raised deep in evaluation, before the evaluator knows which action it belongs to; the
 * evaluator turns it into a {@link TemplateException} with the action's position and text.
 */
final class ExecError extends RuntimeException {

    ExecError(String message) {
        super(message, null, false, false);
    }
}
