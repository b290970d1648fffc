package dev.drpconsole.core.engine;

import java.io.Closeable;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The container engine that plays one role for the console, located once, on first use: the <em>build engine</em>
 * (this machine's, where the wizard builds) or the <em>runner engine</em> of the endpoint signed in to (where its
 * docker-context plugin runs the runner containers). The status bar, the views and the setup steps all get it from
 * here, and its container event stream is one stream fanned out to them ({@link SharedEngine}). When the engine
 * could not be located, the next {@link #get()} tries again, so a view works as soon as the engine is back.
 *
 * <p>The runner engine follows the endpoint: {@link #use} switches it, closes the engine it replaces and tells
 * whoever watches it ({@link #onSwitch}), so the views follow without knowing why.
 */
public final class EngineHandle implements AutoCloseable {
    private final List<Runnable> switchListeners = new CopyOnWriteArrayList<>();
    private final Function<EngineChoice, ContainerEngine> opener;
    private Supplier<ContainerEngine> locate; // guarded by this
    private EngineChoice choice; // guarded by this; null for a handle built from a bare locator
    private ContainerEngine engine; // guarded by this
    private boolean closed; // guarded by this

    /** @param locate finds and opens the engine, e.g. {@code DockerEngine::locate} */
    public EngineHandle(Supplier<ContainerEngine> locate) {
        this.locate = Objects.requireNonNull(locate, "locate");
        this.opener = EngineOpener::open;
    }

    private EngineHandle(EngineChoice choice, Function<EngineChoice, ContainerEngine> opener) {
        this.opener = opener;
        this.choice = choice;
        this.locate = () -> opener.apply(choice);
    }

    /** A handle on the engine a choice names, opened by {@link EngineOpener}. */
    public static EngineHandle of(EngineChoice choice) {
        return of(choice, EngineOpener::open);
    }

    /** A handle whose choices are opened by {@code opener} (tests open engines of their own). */
    public static EngineHandle of(EngineChoice choice, Function<EngineChoice, ContainerEngine> opener) {
        return new EngineHandle(choice, opener);
    }

    /**
     * The engine; blocks while locating it the first time. Call from an executor.
     *
     * @throws NoEngineException          when the role has no engine on purpose ({@link EngineChoice#NONE})
     * @throws EngineUnavailableException when no engine can be found
     */
    public synchronized ContainerEngine get() {
        if (closed) {
            throw new IllegalStateException("the console is closing");
        }
        if (engine == null) {
            engine = new SharedEngine(locate.get());
        }
        return engine;
    }

    /** What this handle was set to, or empty for one built from a bare locator. */
    public synchronized Optional<EngineChoice> choice() {
        return Optional.ofNullable(choice);
    }

    /**
     * From now on, the engine {@code newChoice} names. Nothing happens when it is the choice already in use;
     * otherwise the engine in use is closed (its watchers hear nothing more from it) and the switch listeners are
     * told, on the calling thread. Blocks while the old engine closes: call it from an executor.
     */
    public void use(EngineChoice newChoice) {
        ContainerEngine replaced;
        synchronized (this) {
            if (closed || newChoice.equals(choice)) {
                return;
            }
            choice = newChoice;
            locate = () -> opener.apply(newChoice);
            replaced = engine;
            engine = null;
        }
        if (replaced != null) {
            replaced.close();
        }
        switchListeners.forEach(Runnable::run);
    }

    /**
     * Tells {@code listener} (on the switching thread) each time the handle switches to another engine: whoever
     * keeps a stream open on the old one opens it again. Closing the returned handle stops the telling.
     */
    public Closeable onSwitch(Runnable listener) {
        switchListeners.add(listener);
        return () -> switchListeners.remove(listener);
    }

    @Override
    public void close() {
        ContainerEngine open;
        synchronized (this) {
            closed = true;
            open = engine;
            engine = null;
        }
        if (open != null) {
            open.close();
        }
    }
}
