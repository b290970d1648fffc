package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.objects.ObjectService;
import dev.drpconsole.sandbox.params.ParamResolver;
import java.util.function.Supplier;

/**
 * {@code GET /jobs/<uuid>/actions[?os=]}: the job's task templates rendered for its machine, as DRP's JobActions
 * ({@code [{Name, Path, Content, Meta}]}; an empty Path means "run Content as a script"). When a template cannot
 * be rendered the job is failed on the spot with the reason in its log (an agent whose action request fails would
 * otherwise leave the job incomplete and retry it for ever), and the request gets a 422.
 */
public final class JobActionsRenderer {

    private final ObjectService objects;
    private final ParamResolver params;
    private final JobLogs logs;
    private final TaskTemplateRenderer renderer;
    private final Supplier<String> apiUrl;

    public JobActionsRenderer(ObjectService objects, ParamResolver params, JobLogs logs,
                              TaskTemplateRenderer renderer, Supplier<String> apiUrl) {
        this.objects = objects;
        this.params = params;
        this.logs = logs;
        this.renderer = renderer;
        this.apiUrl = apiUrl;
    }

    public ArrayNode render(String jobRef, String os) {
        ObjectNode job = objects.find("jobs", jobRef).orElseThrow(() -> new ApiException(404, "ValidationError",
                "jobs", jobRef, "Job " + jobRef + " does not exist"));
        String uuid = SandboxJson.string(job, "Uuid");
        ObjectNode machine = objects.find("machines", SandboxJson.string(job, "Machine")).orElseThrow(() ->
                ApiException.validation("jobs", uuid, "Machine " + SandboxJson.string(job, "Machine")
                        + " does not exist"));
        String taskName = SandboxJson.string(job, "Task");
        ObjectNode task = objects.find("tasks", taskName).orElseThrow(() -> ApiException.validation("jobs", uuid,
                "Task " + taskName + " does not exist"));
        TemplateInputs inputs = new TemplateInputs(machine, job, task, name -> params.resolve(machine, name),
                apiUrl.get());
        ArrayNode actions = SandboxJson.array();
        for (JsonNode template : task.path("Templates")) {
            if (os != null && !os.isEmpty() && !forOs(template, os)) {
                continue;
            }
            actions.add(action(template, inputs, job));
        }
        return actions;
    }

    private ObjectNode action(JsonNode template, TemplateInputs inputs, ObjectNode job) {
        String name = SandboxJson.string(template, "Name");
        String source = source(template, job);
        ObjectNode action = SandboxJson.object();
        action.put("Name", name);
        try {
            action.put("Path", renderer.render(name + " (Path)", SandboxJson.string(template, "Path"), inputs));
            action.put("Content", renderer.render(templateLabel(template), source, inputs));
        } catch (TemplateRenderingException e) {
            throw fail(job, e.getMessage());
        }
        action.set("Meta", template.path("Meta").isObject() ? template.get("Meta") : SandboxJson.object());
        return action;
    }

    private String source(JsonNode template, ObjectNode job) {
        String contents = SandboxJson.string(template, "Contents");
        String id = SandboxJson.string(template, "ID");
        if (!contents.isEmpty() || id.isEmpty()) {
            if (!SandboxJson.string(template, "Link").isEmpty()) {
                throw fail(job, "template " + SandboxJson.string(template, "Name") + ": links are not supported by "
                        + "the sandbox");
            }
            return contents;
        }
        return objects.find("templates", id).map(found -> SandboxJson.string(found, "Contents"))
                .orElseThrow(() -> fail(job, "template " + id + " does not exist"));
    }

    private static String templateLabel(JsonNode template) {
        String id = SandboxJson.string(template, "ID");
        return id.isEmpty() ? SandboxJson.string(template, "Name") : id;
    }

    private static boolean forOs(JsonNode template, String os) {
        String wanted = SandboxJson.string(template.path("Meta"), "OS");
        if (wanted.isEmpty()) {
            return true;
        }
        for (String candidate : wanted.split(",")) {
            if (candidate.trim().equals(os) || "any".equals(candidate.trim())) {
                return true;
            }
        }
        return false;
    }

    private ApiException fail(ObjectNode job, String reason) {
        String uuid = SandboxJson.string(job, "Uuid");
        logs.appendLine(uuid, "sandbox: job failed: " + reason);
        objects.find("jobs", uuid).ifPresent(current -> {
            String state = SandboxJson.string(current, "State");
            if (!"failed".equals(state) && !"finished".equals(state)) {
                ObjectNode failed = current.deepCopy();
                failed.put("State", "failed");
                failed.put("ExitState", "failed");
                failed.put("EndTime", objects.clock().now());
                objects.save("jobs", current, failed);
            }
        });
        return ApiException.validation("jobs", uuid, reason);
    }
}
