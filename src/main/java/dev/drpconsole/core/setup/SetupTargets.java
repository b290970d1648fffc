package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpApiException;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.engine.ContainerEngine;
import dev.drpconsole.core.engine.EngineObjectNotFoundException;
import java.util.Map;

/**
 * Where the wizard works: the endpoint, the engine, and the labels everything it puts on the engine carries.
 * Removes what the wizard created, each kind its own way.
 */
public record SetupTargets(DrpClient client, ContainerEngine engine, Map<String, String> labels)
        implements ObjectRemover {
    public static final String LABEL = "dev.drpconsole.setup";

    public SetupTargets {
        labels = Map.copyOf(labels);
    }

    @Override
    public void remove(CreatedObject object) {
        try {
            switch (object.kind()) {
                case MACHINE -> client.delete(DrpType.MACHINES, object.key());
                case CONTEXT -> client.delete(DrpType.CONTEXTS, object.key());
                case CONTENT_PACK -> client.deleteContent(object.key());
                case FILE -> client.deleteFile(object.key());
                case IMAGE -> engine.images().remove(object.key(), true);
            }
        } catch (DrpApiException e) {
            if (e.code() != 404) {
                throw new SetupProblem("Could not remove " + describe(object) + ": " + e.getMessage(),
                        "Check the endpoint is reachable and you may delete it, then clean up again.", e);
            }
        } catch (EngineObjectNotFoundException alreadyGone) {
            // Removed by someone else: what we wanted.
        }
    }

    /** "the context runner", "the image drp/runner:1". */
    public static String describe(CreatedObject object) {
        return switch (object.kind()) {
            case MACHINE -> "the machine " + object.key();
            case CONTEXT -> "the context " + object.key();
            case CONTENT_PACK -> "the content pack " + object.key();
            case FILE -> "the file files/" + object.key();
            case IMAGE -> "the image " + object.key();
        };
    }
}
