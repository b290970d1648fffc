package dev.drpconsole.sandbox.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a task template may refer to when rendered for a job: the machine ({@code .Machine.Name},
 * {@code .Machine.Uuid}), its params ({@code .Param "name"}, resolved through profiles, stage, global and
 * defaults), and the API URL ({@code .ApiURL}).
 *
 * @param machine the machine the job runs for
 * @param job     the job
 * @param task    the job's task
 * @param params  looks a param up by name
 * @param apiUrl  the endpoint's API URL, e.g. https://127.0.0.1:8092
 */
public record TemplateInputs(ObjectNode machine, ObjectNode job, ObjectNode task,
                             Function<String, Optional<JsonNode>> params, String apiUrl) {
}
