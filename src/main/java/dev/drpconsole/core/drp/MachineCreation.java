package dev.drpconsole.core.drp;

/**
 * Creates a machine that keeps exactly the workflow the console chose, whatever the endpoint's prefs say. A real
 * endpoint fills an empty Workflow from the pref {@code defaultWorkflow} and makes every new machine Runnable
 * whatever the client sent (v3 backend/machines.go {@code OnCreate}); RackN's install sets {@code defaultWorkflow
 * discover-base}, whose tasks fail inside a runner's container. Sending {@code "Workflow": ""} does not help (empty
 * is what triggers the default), nor does {@code Runnable: false}. So the machine is first created without its
 * Context and Meta.BaseContext: no agent serves such a machine (docker-context starts a container only for a
 * machine whose Context names a context), so the default workflow cannot start. Then the workflow is replaced
 * (clearing it puts Stage back to {@code none} and empties the task list, v3 {@code validateChangeWorkflow}; with
 * only {@code defaultStage} set there is no workflow to clear, so the stage is put back to {@code none}), and
 * only then are BaseContext and Context set, which hands the machine to its context's runner. The Runners view, the
 * wizard's runner machine and its test machine all come through here.
 */
public final class MachineCreation {

    /** Why a runner machine keeps no workflow, for the notice when the endpoint gave it one. */
    public static final String RUNNER_HAS_NO_WORKFLOW = "a runner runs no workflow of its own";
    /** DRP's built-in stage with no tasks, where a machine with no workflow sits. */
    private static final String NO_STAGE = "none";

    private MachineCreation() {
    }

    /**
     * What was made, and what the user should be told: "" when the endpoint filled in no workflow of its own, else
     * which default the console undid and {@code why}.
     */
    public record Created(Machine machine, String notice) {
    }

    /** Creates a runner machine (see {@link Machine#runner}) with no workflow, whatever the endpoint's default. */
    public static Created createRunner(DrpClient client, Machine runner) {
        return create(client, runner, "", RUNNER_HAS_NO_WORKFLOW);
    }

    /**
     * Creates {@code wanted} (its Name, Uuid, Meta, Context…) with exactly {@code workflow} ("" for none).
     *
     * @param why why the machine must not keep the endpoint's default, for the notice, e.g. "a runner runs no
     *            workflow of its own"
     */
    public static Created create(DrpClient client, Machine wanted, String workflow, String why) {
        Machine unserved = wanted.withBaseContext("").withContext("");
        return settle(client, client.create(unserved), wanted, workflow, why);
    }

    /**
     * Brings a machine this console created to {@code workflow} and then to {@code wanted}'s BaseContext and Context
     * (its Context, else its BaseContext): the second half of {@link #create}, for a run cut short after the
     * machine was created. Changes only what differs.
     */
    public static Created settle(DrpClient client, Machine machine, Machine wanted, String workflow, String why) {
        Machine current = machine;
        String notice = "";
        if (!workflow.equals(current.workflow())) {
            if (!current.workflow().isEmpty()) {
                notice = "The endpoint's default workflow " + current.workflow()
                        + (workflow.isEmpty() ? " was removed from " + current.name()
                        : " was replaced by " + workflow + " on " + current.name()) + ": " + why + ".";
            }
            current = client.update(current, current.withWorkflow(workflow));
        }
        if (workflow.isEmpty() && !current.stage().isEmpty() && !NO_STAGE.equals(current.stage())) {
            // Only defaultStage was set: no workflow to remove, but the stage's tasks would run all the same. They
            // are pending, so DRP wants force; no agent serves the machine yet (it has no Context).
            notice = "The endpoint's default stage " + current.stage() + " was removed from " + current.name() + ": "
                    + why + ".";
            current = client.forceUpdate(current, current.withStage(NO_STAGE));
        }
        String context = wanted.context().isEmpty() ? wanted.baseContext() : wanted.context();
        if (!wanted.baseContext().equals(current.baseContext()) || !context.equals(current.context())) {
            current = client.update(current, current.withBaseContext(wanted.baseContext()).withContext(context));
        }
        return new Created(current, notice);
    }
}
