package dev.drpconsole.sandbox.template;

import java.util.List;

/**
 * The parse tree. Every action-level node keeps the line, column and source text of its action so that a
 * render error can name the expression that failed.
 */
sealed interface Node {

    /** Where an action starts, and its text from {@code {{} to {@code }}}. */
    record Where(int line, int column, String source) {
    }

    record Text(String text) implements Node {
    }

    /** {@code {{pipeline}}}: prints the value, or nothing when the pipeline declares variables. */
    record Action(Where where, Pipeline pipeline) implements Node {
    }

    /** {@code if} and {@code with}; {@code else if}/{@code else with} chains nest another Branch in {@code otherwise}. */
    record Branch(Where where, boolean isWith, Pipeline condition, List<Node> then, List<Node> otherwise)
            implements Node {
    }

    record Range(Where where, Pipeline pipeline, List<Node> body, List<Node> otherwise) implements Node {
    }

    /** {@code {{template "name" pipeline}}}; {@code pipeline} is null when the action passes no data. */
    record Include(Where where, String templateName, Pipeline pipeline) implements Node {
    }

    record Break(Where where) implements Node {
    }

    record Continue(Where where) implements Node {
    }

    /** {@code $a, $b := cmd | cmd}; {@code assign} is true for {@code =} (rebinding an existing variable). */
    record Pipeline(List<String> variables, boolean assign, List<Command> commands) {
    }

    /** One command of a pipeline; {@code source} is its text, for error messages. */
    record Command(List<Operand> operands, String source) {
    }

    sealed interface Operand {
    }

    /** A string, number, boolean or {@code nil} (a null value) constant. */
    record Literal(Object value, String source) implements Operand {
    }

    record Dot() implements Operand {
    }

    /** {@code .A.B}: fields (or methods) looked up from dot. */
    record Field(List<String> names) implements Operand {
    }

    /** {@code $x.A.B}; {@code names} is empty for a bare variable. */
    record Variable(String name, List<String> names) implements Operand {
    }

    /** A function name such as {@code printf}. */
    record Function(String name) implements Operand {
    }

    /** {@code (pipeline).A.B}; {@code names} may be empty. */
    record Parenthesized(Pipeline pipeline, List<String> names) implements Operand {
    }
}
