package dev.drpconsole.core.setup;

import dev.drpconsole.core.drp.DrpNames;
import java.util.Arrays;
import java.util.List;

/** The checks of the user's choices that are not one name alone; each step lists the problems of what it sends. */
public final class SetupChoiceRules {
    private SetupChoiceRules() {
    }

    /** The non-empty problems, in order. */
    static List<String> problems(String... problems) {
        return Arrays.stream(problems).filter(problem -> !problem.isEmpty()).toList();
    }

    /** DRP's machine name rule, and a name of its own: the runner machine has one already. */
    public static String testMachineNameProblem(SetupChoices choices) {
        String rule = DrpNames.machineNameProblem(choices.testMachineName());
        if (rule.isEmpty() && choices.testMachineName().equals(choices.runnerName())) {
            return "The test machine needs a name of its own: " + choices.runnerName() + " is the runner machine's.";
        }
        return rule;
    }
}
