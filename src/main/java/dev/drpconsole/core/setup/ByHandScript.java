package dev.drpconsole.core.setup;

/**
 * The steps by hand as bash runs them: drpcli pointed at the endpoint first ({@code RS_ENDPOINT}, and
 * {@code RS_KEY} with a placeholder the user replaces: the real password is never written), then each step's
 * commands. The wizard shows it per step and whole; headless setup prints it as it goes.
 */
public final class ByHandScript {
    /** Stands for the password: the console never shows the real one in commands. */
    public static final String PASSWORD_PLACEHOLDER = "PASSWORD";

    private ByHandScript() {
    }

    /** Where drpcli finds the endpoint and the user. */
    public static String exports(String url, String user) {
        return "export RS_ENDPOINT=" + ShellWords.quote(url.replaceAll("/+$", "")) + "\n"
                + "export RS_KEY=" + ShellWords.quote(user + ":" + PASSWORD_PLACEHOLDER) + "  # put the password of "
                + user + " in place of " + PASSWORD_PLACEHOLDER + "\n";
    }

    /** One step's commands, runnable when pasted into bash on their own. */
    public static String step(SetupStep step, SetupChoices choices, String url, String user) {
        return exports(url, user) + String.join("\n", step.commands(choices)) + "\n";
    }

    /** The whole plan as a script to save and run. */
    public static String whole(SetupPlan plan, SetupChoices choices, String url, String user) {
        StringBuilder text = new StringBuilder("#!/usr/bin/env bash\n"
                + "# The setup wizard's steps by hand. Save as setup-runner.sh, put the password in, then run:"
                + " bash setup-runner.sh\n"
                + "set -euo pipefail\n").append(exports(url, user)).append('\n');
        for (SetupStep step : plan.steps()) {
            text.append("# ").append(step.title()).append('\n');
            step.commands(choices).forEach(command -> text.append(command).append('\n'));
            text.append('\n');
        }
        return text.toString().strip() + "\n";
    }
}
