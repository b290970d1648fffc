package dev.drpconsole.sandbox.template;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link TemplateData} from values computed up front: the server aggregates the machine's params once (they are
 * few), and tests build one in a line. Tokens are fixed strings here; a server that wants to mint them only on
 * demand implements {@link TemplateData} itself.
 *
 * @param machine          the machine's JSON fields, or {@code null}
 * @param params           the aggregated params (machine, profiles, global, schema defaults)
 * @param templates        stored templates by id, available to {@code {{template}}}
 */
public record StaticTemplateData(
        Map<String, Object> machine,
        Map<String, Object> params,
        String apiUrl,
        String provisionerUrl,
        String generateToken,
        String generateInfiniteToken,
        String taskName,
        Map<String, String> templates) implements TemplateData {

    public StaticTemplateData {
        params = Map.copyOf(Objects.requireNonNull(params, "params"));
        templates = Map.copyOf(Objects.requireNonNull(templates, "templates"));
    }

    @Override
    public Optional<Object> param(String name) {
        return Optional.ofNullable(params.get(name));
    }

    @Override
    public Optional<String> templateContents(String id) {
        return Optional.ofNullable(templates.get(id));
    }
}
