package dev.drpconsole.ui.setup;

import dev.drpconsole.core.setup.SetupStep;
import java.util.Locale;

/** A page that runs one step of the plan: its words, state and primary button come from that step. */
abstract class StepPageView extends PageView {
    private final String action;

    /** @param action the primary button's words while the step is not done ("Build the image") */
    StepPageView(WizardPage page, SetupForms.Context context, String action) {
        super(page, context);
        this.action = action;
    }

    SetupStep step() {
        return page.step().orElseThrow();
    }

    @Override
    String willDo() {
        return step().willDo(model.choices());
    }

    @Override
    StepState state() {
        return model.stateOf(page);
    }

    @Override
    String blockedReason() {
        if (model.isDone(step().id())) {
            return "";
        }
        return !model.connected() ? "Not connected: choose an endpoint on the Endpoint page first."
                : model.nameProblemOf(step());
    }

    @Override
    String primaryText() {
        return switch (state()) {
            case DONE -> "Next ›";
            case FAILED -> "Retry: " + action.toLowerCase(Locale.ROOT);
            default -> action;
        };
    }

    @Override
    void primaryAction() {
        if (state() == StepState.DONE) {
            model.next();
        } else {
            model.runCurrent();
        }
    }
}
