package dev.drpconsole.sandbox.jobs;

/**
 * The renderer used until the Go-template renderer is merged: templates without {@code {{} are returned as they
 * are; any template expression is refused by name, so the job fails visibly instead of running a script with
 * holes in it.
 */
public final class PlainTextTemplates implements TaskTemplateRenderer {

    @Override
    public String render(String name, String source, TemplateInputs inputs) throws TemplateRenderingException {
        int start = source.indexOf("{{");
        if (start < 0) {
            return source;
        }
        int end = source.indexOf("}}", start);
        String expression = end < 0 ? source.substring(start) : source.substring(start, end + 2);
        int line = (int) source.substring(0, start).chars().filter(c -> c == '\n').count() + 1;
        throw new TemplateRenderingException("template " + name + " line " + line + ": cannot render "
                + expression + ": this sandbox renders task templates as plain text only (no Go template "
                + "expressions yet)");
    }
}
