package dev.drpconsole.ui.common;

import dev.drpconsole.core.concurrent.BackgroundTask;
import dev.drpconsole.core.concurrent.TaskRunner;
import dev.drpconsole.core.drp.DrpClient;
import dev.drpconsole.core.drp.DrpObject;
import dev.drpconsole.core.drp.DrpType;
import dev.drpconsole.core.drp.EndpointWithoutContexts;
import dev.drpconsole.core.drp.Filter;
import dev.drpconsole.core.drp.LiveObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The life of a section's view model: it follows live data only while its page is shown, starts over when the
 * signed-in endpoint changes (for a section that lists the endpoint's objects), and reports failures as one
 * plain-words problem for the page's banner. Subclasses say what to follow ({@link #follow} a DRP type,
 * {@link #whileFollowing} anything else, e.g. the engine's {@link dev.drpconsole.core.engine.LiveContainers}) and how
 * their page state follows from their rows; blocking calls go through {@link #tasks()}. Methods run on the FX thread.
 */
public abstract class LiveSection {
    protected final ViewServices services;
    private final StringProperty problem = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<PageState> state = new ReadOnlyObjectWrapper<>(PageState.NOT_CONNECTED);
    private final List<AutoCloseable> following = new ArrayList<>();
    private final TaskRunner tasks;
    private final boolean listsEndpoint;
    private DrpClient followed;
    private boolean shown;

    /** A section that lists the signed-in endpoint's objects: "not connected" while none is, anew on a switch. */
    protected LiveSection(ViewServices services) {
        this(services, true);
    }

    /**
     * @param listsEndpoint whether the section lists the signed-in endpoint's objects; false for one whose rows
     *                      come from elsewhere (the engine's containers): it follows whatever endpoint is signed in
     *                      (maybe none) and says when it is not connected by {@link #connected()}
     */
    protected LiveSection(ViewServices services, boolean listsEndpoint) {
        this.services = services;
        this.tasks = services.tasks();
        this.listsEndpoint = listsEndpoint;
        if (!listsEndpoint) {
            return;
        }
        services.client().addListener((obs, old, now) -> {
            stopFollowing();
            problem.set("");
            clear();
            if (shown) {
                startFollowing();
            } else {
                updateState();
            }
        });
    }

    /** The page became visible: follow the endpoint (if any). */
    public void shown() {
        shown = true;
        startFollowing();
    }

    /** The page was replaced by another: stop following (rows stay until the next list replaces them). */
    public void hidden() {
        shown = false;
        stopFollowing();
    }

    /** Why the last action or list failed, in plain words; "" when fine. The banner's dismiss empties it. */
    public StringProperty problemProperty() {
        return problem;
    }

    /** The banner's dismiss: forgets the problem. */
    public void dismissProblem() {
        problem.set("");
    }

    public ReadOnlyObjectProperty<PageState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** Runs the section's blocking calls: the call in the background, its callbacks on the FX thread. */
    protected final TaskRunner tasks() {
        return tasks;
    }

    protected final boolean isShown() {
        return shown;
    }

    /** Follows everything anew now, if shown (a Retry, a Refresh). */
    protected final void followAgain() {
        if (shown) {
            startFollowing();
        }
    }

    /**
     * Whether the section's source can be listed: by default whether an endpoint is signed in. A section whose rows
     * come from elsewhere says whether that answers; {@link PageState#NOT_CONNECTED} shows while it does not.
     */
    protected boolean connected() {
        return services.client().get() != null;
    }

    /** The endpoint being followed, or null. */
    protected DrpClient client() {
        return followed;
    }

    /**
     * Starts following: calls {@link #follow} for each live list.
     *
     * @param client the signed-in endpoint; may be null only for a section that does not list the endpoint's objects
     */
    protected abstract void startFollowing(DrpClient client);

    /** Forgets everything shown from the previous endpoint. */
    protected abstract void clear();

    /** Whether the first lists arrived, and whether there is anything to show. */
    protected abstract boolean loaded();

    protected abstract boolean empty();

    /** Recomputes the page state; subclasses call it whenever their rows change. */
    protected final void updateState() {
        if (!connected()) {
            state.set(PageState.NOT_CONNECTED);
        } else if (!loaded()) {
            state.set(PageState.LOADING);
        } else {
            state.set(empty() ? PageState.EMPTY : PageState.READY);
        }
    }

    /** Shows a live list's listing failure in the banner, prefixed with {@code action}. */
    protected final void reportProblems(LiveList<?> list, String action) {
        list.problemProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                problem.set(action + ": " + now);
            }
        });
    }

    /**
     * Like {@link #reportProblems} for a list of contexts, except on an endpoint without contexts (older than 4.2:
     * 404 "No route"): then {@code withoutContexts} hears what to tell the user, with the endpoint's version.
     */
    protected final void reportContextProblems(LiveList<?> list, Consumer<String> withoutContexts) {
        list.problemProperty().addListener((obs, old, now) -> {
            if (now.isEmpty()) {
                return;
            }
            if (!EndpointWithoutContexts.isTheReason(list.failureProperty().get())) {
                problem.set("Could not list contexts: " + now);
                return;
            }
            DrpClient client = followed;
            BackgroundTask.wrap(() -> client.info().version()).onSuccess(version -> {
                if (client == followed) {
                    withoutContexts.accept(EndpointWithoutContexts.explain(version));
                }
            }).onFailure(failure -> {
                if (client == followed) {
                    withoutContexts.accept(EndpointWithoutContexts.explain(""));
                }
            }).executeWith(tasks);
        });
    }

    /** Keeps {@code list} current from {@code type}'s list and events until the page hides. */
    protected final <T extends DrpObject> void follow(LiveList<T> list, DrpType<T> type, Filter filter,
            Predicate<T> keep) {
        LiveObjects<T> live = new LiveObjects<>(followed, type, filter, keep, services.io());
        following.add(live);
        live.start(list);
    }

    /** Also closes {@code resource} when the page hides or the endpoint changes (e.g. an engine event watch). */
    protected final void whileFollowing(AutoCloseable resource) {
        following.add(resource);
    }

    protected final boolean isFollowing(DrpClient client) {
        return client != null && client == followed;
    }

    /**
     * Runs a DRP call in the background; on failure the problem banner says {@code failureAction} and why. Results
     * for an endpoint that is no longer followed are dropped.
     */
    protected final <T> void call(String failureAction, Callable<T> work, Consumer<T> onSuccess) {
        DrpClient client = followed;
        BackgroundTask.wrap(work).onSuccess(result -> {
            if (client == followed) {
                onSuccess.accept(result);
            }
        }).onFailure(failure -> {
            if (client == followed) {
                problem.set(PlainWords.of(failureAction, failure));
            }
        }).executeWith(tasks);
    }

    private void startFollowing() {
        stopFollowing();
        followed = services.client().get();
        updateState();
        if (followed != null || !listsEndpoint) {
            startFollowing(followed);
        }
    }

    private void stopFollowing() {
        following.forEach(LiveSection::closeQuietly);
        following.clear();
        followed = null;
    }

    private static void closeQuietly(AutoCloseable resource) {
        try {
            resource.close();
        } catch (Exception e) {
            // Closing a subscription or an event watch does no I/O worth reporting.
        }
    }
}
