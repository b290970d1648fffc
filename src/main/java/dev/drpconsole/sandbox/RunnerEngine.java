package dev.drpconsole.sandbox;

import dev.drpconsole.core.engine.EngineChoice;
import java.util.Objects;

/**
 * Which container engine the sandbox's docker-context runners use, as its configuration says: the plugin's own
 * choice (the default), an engine named by the user ({@code --engine}), or none ({@code --no-runners}). What it
 * resolves to at start is {@link SandboxServer#runnerEngine()}.
 */
public sealed interface RunnerEngine {

    /** In plain words, for logs and {@link SandboxConfig#toString()}. */
    String describe();

    /**
     * The docker-context plugin's own choice, "if podman is present on the system we will use it": Podman when a
     * Podman socket answers, else Docker as the docker CLI finds it ({@link PluginDefaultEngine}).
     */
    record PluginDefault() implements RunnerEngine {
        @Override
        public String describe() {
            return "Podman when a Podman socket answers, else the docker CLI's engine";
        }
    }

    /** An engine the user named; opened with {@link dev.drpconsole.core.engine.EngineOpener}. */
    record Named(EngineChoice choice) implements RunnerEngine {
        public Named {
            Objects.requireNonNull(choice, "choice");
            if (choice instanceof EngineChoice.None) {
                throw new IllegalArgumentException("no engine is RunnerEngine.OFF, not a named engine");
            }
        }

        @Override
        public String describe() {
            return choice.text();
        }
    }

    /** No runners: the sandbox serves the API without touching a container engine. */
    record Off() implements RunnerEngine {
        @Override
        public String describe() {
            return "none";
        }
    }

    RunnerEngine PLUGIN_DEFAULT = new PluginDefault();
    RunnerEngine OFF = new Off();

    /** The engine a choice names; {@code none} means no runners. */
    static RunnerEngine of(EngineChoice choice) {
        return choice instanceof EngineChoice.None ? OFF : new Named(choice);
    }
}
