package dev.drpconsole.core.drp;

import java.util.regex.Pattern;

/**
 * DRP's name rules (models/utils.go in digitalrebar/provision v4.7.0: {@code validName}, {@code validMachineName}),
 * the one place the console checks a name before sending it, so every form, the wizard and headless setup refuse
 * the same names the endpoint would.
 */
public final class DrpNames {
    /** Contexts, workflows, stages, tasks, profiles: {@code ^\pL+([- _.]+|\pN+|\pL+)+$}. */
    private static final Pattern NAME = Pattern.compile("^\\p{L}+([- _.]+|\\p{N}+|\\p{L}+)+$");
    /** Machines may also start with a digit: {@code ^(\pL|\pN)+([- _.]+|\pN+|\pL+)+$}. */
    private static final Pattern MACHINE_NAME = Pattern.compile("^(\\p{L}|\\p{N})+([- _.]+|\\p{N}+|\\p{L}+)+$");

    private DrpNames() {
    }

    /** What is wrong with a context name, or "" when DRP accepts it. */
    public static String contextNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Give the context a name, e.g. runner.";
        }
        if (!NAME.matcher(name).matches()) {
            return "DRP does not accept \"" + name + "\" as a context name: start with a letter, use at least two"
                    + " characters, and only letters, digits, spaces, '-', '_' and '.'.";
        }
        return "";
    }

    /** What is wrong with a machine name, or "" when DRP accepts it. */
    public static String machineNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "Give the machine a name, e.g. context-runner.";
        }
        if (!MACHINE_NAME.matcher(name).matches()) {
            return "DRP does not accept \"" + name + "\" as a machine name: use at least two characters, starting"
                    + " with a letter or digit, and only letters, digits, spaces, '-', '_' and '.'.";
        }
        return "";
    }
}
