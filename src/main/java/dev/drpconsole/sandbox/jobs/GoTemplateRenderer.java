package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.template.GoTemplate;
import dev.drpconsole.sandbox.template.TemplateData;
import dev.drpconsole.sandbox.template.TemplateException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Renders task templates as Go templates, the way a real endpoint does, for the subset of Go's text/template
 * and sprig that {@link GoTemplate} supports. Whatever it cannot render fails the job with the reason, never
 * with an empty string in the script.
 */
public final class GoTemplateRenderer implements TaskTemplateRenderer {
    /** DRP's lifetimes for {@code .GenerateToken} and {@code .GenerateInfiniteToken}. */
    private static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    private static final Duration INFINITE_TOKEN_LIFETIME = Duration.ofDays(3 * 365);

    private final BiFunction<String, Duration, String> machineTokens;
    private final Function<String, Optional<String>> storedTemplates;

    /**
     * @param machineTokens   issues a token for a machine UUID with a lifetime
     * @param storedTemplates the contents of a stored template by id, for {@code {{template "id" .}}}
     */
    public GoTemplateRenderer(BiFunction<String, Duration, String> machineTokens,
                              Function<String, Optional<String>> storedTemplates) {
        this.machineTokens = machineTokens;
        this.storedTemplates = storedTemplates;
    }

    @Override
    public String render(String name, String source, TemplateInputs inputs) throws TemplateRenderingException {
        try {
            return GoTemplate.parse(name, source).render(new JobTemplateData(inputs));
        } catch (TemplateException e) {
            throw new TemplateRenderingException(e.getMessage(), e);
        } catch (UnsupportedOperationException e) {
            throw new TemplateRenderingException(name + ": " + e.getMessage(), e);
        }
    }

    /** What the template sees, read from the job's machine and task only when an expression asks for it. */
    private final class JobTemplateData implements TemplateData {
        private final TemplateInputs inputs;

        JobTemplateData(TemplateInputs inputs) {
            this.inputs = inputs;
        }

        @Override
        public Map<String, Object> machine() {
            Map<String, Object> fields = new LinkedHashMap<>();
            inputs.machine().fields().forEachRemaining(field -> fields.put(field.getKey(), field.getValue()));
            return fields;
        }

        @Override
        public Optional<Object> param(String name) {
            return inputs.params().apply(name).filter(value -> !value.isNull()).map(JsonNode.class::cast);
        }

        @Override
        public String apiUrl() {
            return inputs.apiUrl();
        }

        @Override
        public String provisionerUrl() {
            // The sandbox serves files through its API only; a real endpoint's plain-HTTP file server is absent.
            throw new UnsupportedOperationException(
                    ".ProvisionerURL is not available: the sandbox has no provisioner file server");
        }

        @Override
        public String generateToken() {
            return machineTokens.apply(machineUuid(), TOKEN_LIFETIME);
        }

        @Override
        public String generateInfiniteToken() {
            return machineTokens.apply(machineUuid(), INFINITE_TOKEN_LIFETIME);
        }

        @Override
        public String taskName() {
            return SandboxJson.string(inputs.task(), "Name");
        }

        @Override
        public Optional<String> templateContents(String id) {
            return storedTemplates.apply(id);
        }

        private String machineUuid() {
            return SandboxJson.string(inputs.machine(), "Uuid");
        }
    }
}
