package dev.drpconsole.sandbox.template;

import java.util.Map;
import java.util.Optional;

/**
 * What a task template can see while it is rendered for one machine: the sandbox server's side of DRP's
 * {@code RenderData}. The server implements it (or fills a {@link StaticTemplateData}); the renderer only reads.
 *
 * <p>Methods are called lazily, only when a template uses the matching expression, so a token is only minted
 * for templates that ask for one.
 */
public interface TemplateData {

    /**
     * The machine's JSON fields as the API returns them ({@code Name}, {@code Uuid}, {@code Address},
     * {@code Arch}, {@code Params}, {@code Profiles}, ...). Values may be plain Java values as Jackson maps them
     * ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map}) or Jackson {@code JsonNode}s.
     * {@code null} when the render has no machine.
     */
    Map<String, Object> machine();

    /**
     * The value of a param for this machine, after DRP's lookup (machine params, then its profiles, then the
     * global profile, then the param's schema default), or empty when none of them has it. A JSON {@code null}
     * value cannot be told apart from a missing one and should be reported as empty.
     */
    Optional<Object> param(String name);

    /** {@code .ApiURL}: the HTTPS URL of the API, e.g. {@code https://10.0.0.2:8092}. */
    String apiUrl();

    /** {@code .ProvisionerURL}: the HTTP URL of the static file server, e.g. {@code http://10.0.0.2:8091}. */
    String provisionerUrl();

    /** {@code .GenerateToken}: a machine-scoped token (DRP: one hour). */
    String generateToken();

    /** {@code .GenerateInfiniteToken}: a long-lived machine-scoped token (DRP: three years). */
    String generateInfiniteToken();

    /** {@code .Task.Name}: the task whose templates are being rendered. */
    String taskName();

    /** {@code .Stage}: the machine's current stage as JSON fields, when the server has it at hand. */
    default Optional<Map<String, Object>> stage() {
        return Optional.empty();
    }

    /** {@code .Env}: the machine's current boot environment as JSON fields, when the server has it at hand. */
    default Optional<Map<String, Object>> bootEnv() {
        return Optional.empty();
    }

    /**
     * The contents of the stored template with this id, for {@code {{template "id" .}}} and
     * {@code .CallTemplate}. Empty (the default) makes such inclusions fail the render with a clear message.
     */
    default Optional<String> templateContents(String id) {
        return Optional.empty();
    }
}
