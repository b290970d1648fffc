package dev.drpconsole.sandbox.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.drpconsole.core.engine.EngineException;
import dev.drpconsole.sandbox.ApiException;
import dev.drpconsole.sandbox.SandboxJson;
import dev.drpconsole.sandbox.actions.PluginAction;
import dev.drpconsole.sandbox.actions.PluginActions;

/**
 * The docker-context plugin's actions (§6.2), mainly for testing and for the console:
 * plugin level {@code imageExists}, {@code imageUpload}, {@code imageRemove} with {@code context/image-name}
 * (and {@code context/image-path}, a files-API path such as {@code files/contexts/docker-context/x:1}); machine
 * level {@code agentStart} and {@code agentStop} with {@code context/name}.
 */
public final class DockerContextActions {

    private final DockerContextEngine engine;

    public DockerContextActions(DockerContextEngine engine) {
        this.engine = engine;
    }

    public void registerWith(PluginActions actions) {
        String plugin = DockerContextEngine.ENGINE_NAME;
        actions.register(plugin, "", "imageExists", guarded((machine, params) ->
                BooleanNode.valueOf(engine.images().exists(required(params, "context/image-name")))));
        actions.register(plugin, "", "imageUpload", guarded((machine, params) -> {
            String image = required(params, "context/image-name");
            engine.images().loadFromFiles(image, required(params, "context/image-path"));
            return TextNode.valueOf(image);
        }));
        actions.register(plugin, "", "imageRemove", guarded((machine, params) -> {
            engine.images().remove(required(params, "context/image-name"));
            return BooleanNode.TRUE;
        }));
        actions.register(plugin, "machines", "agentStart", guarded(this::agentStart));
        actions.register(plugin, "machines", "agentStop", guarded((machine, params) -> BooleanNode.valueOf(
                engine.removeContainer(SandboxJson.string(machine, "Uuid"), "the agentStop action asked"))));
    }

    private JsonNode agentStart(ObjectNode machine, ObjectNode params) {
        String contextName = params.has("context/name") ? params.path("context/name").asText()
                : SandboxJson.string(machine, "Context");
        ObjectNode context = engine.objects().find("contexts", contextName).orElseThrow(() ->
                ApiException.validation("machines", SandboxJson.string(machine, "Uuid"), "Context " + contextName
                        + " does not exist"));
        String image = params.has("context/image-name") ? params.path("context/image-name").asText()
                : SandboxJson.string(context, "Image");
        String uuid = SandboxJson.string(machine, "Uuid");
        engine.removeContainer(uuid, "the agentStart action replaces it");
        engine.startContainer(machine, new DockerContextEngine.Wanted(contextName, image), true);
        return TextNode.valueOf(DockerContextEngine.containerName(uuid));
    }

    private static String required(ObjectNode params, String name) {
        String value = SandboxJson.string(params, name);
        if (value.isEmpty()) {
            throw ApiException.validation("plugins", DockerContextEngine.ENGINE_NAME, "Missing param " + name);
        }
        return value;
    }

    /** Engine and runner failures become 422s with their plain message. */
    private static PluginAction guarded(PluginAction action) {
        return (machine, params) -> {
            try {
                return action.run(machine, params);
            } catch (RunnerException | EngineException e) {
                throw ApiException.validation("plugins", DockerContextEngine.ENGINE_NAME, e.getMessage());
            }
        };
    }
}
