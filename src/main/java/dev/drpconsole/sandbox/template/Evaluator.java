package dev.drpconsole.sandbox.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Walks a parse tree and writes the output, with Go's execution rules: dot changes inside {@code with} and
 * {@code range}, {@code $} is the data the template was started with, variables live until the {@code end} of
 * the block that declared them, a pipeline's value is passed as the last argument of the next command, and
 * {@code and}/{@code or} stop at the first deciding argument.
 */
final class Evaluator implements RenderRoot.Renderer {

    /** Guards against templates that include themselves; real content nests a few levels at most. */
    private static final int MAX_DEPTH = 50;
    /** "No value from a previous command", distinct from nil. */
    private static final Object NO_FINAL = new Object();

    private static final class Var {
        final String name;
        Object value;

        Var(String name, Object value) {
            this.name = name;
            this.value = value;
        }
    }

    /** {@code {{break}}}/{@code {{continue}}} unwind to the enclosing range; no stack trace needed. */
    private static final class LoopControl extends RuntimeException {
        final boolean isBreak;

        LoopControl(boolean isBreak) {
            super(null, null, false, false);
            this.isBreak = isBreak;
        }
    }

    private static final LoopControl BREAK = new LoopControl(true);
    private static final LoopControl CONTINUE = new LoopControl(false);

    private final String templateName;
    private final Map<String, List<Node>> defines;
    private final TemplateData data;
    private final StringBuilder out;
    private final int depth;
    private final RenderRoot root;
    private final List<Var> vars = new ArrayList<>();

    private Evaluator(String templateName, Map<String, List<Node>> defines, TemplateData data, StringBuilder out,
                      int depth) {
        if (depth > MAX_DEPTH) {
            throw new ExecError("exceeded maximum template depth (" + MAX_DEPTH + "): does a template include itself?");
        }
        this.templateName = templateName;
        this.defines = defines;
        this.data = data;
        this.out = out;
        this.depth = depth;
        this.root = new RenderRoot(data, this);
    }

    static String render(GoTemplate template, TemplateData data) {
        StringBuilder out = new StringBuilder();
        Evaluator evaluator = new Evaluator(template.name(), template.defines(), data, out, 0);
        evaluator.execute(template.nodes(), evaluator.root);
        return out.toString();
    }

    private void execute(List<Node> nodes, Object dot) {
        vars.add(new Var("$", dot));
        walk(nodes, dot);
    }

    private void walk(List<Node> nodes, Object dot) {
        for (Node node : nodes) {
            walk(node, dot);
        }
    }

    private void walk(Node node, Object dot) {
        if (node instanceof Node.Text text) {
            out.append(text.text());
        } else if (node instanceof Node.Action action) {
            guarded(action.where(), () -> {
                Object value = evalPipeline(action.pipeline(), dot, true);
                if (action.pipeline().variables().isEmpty()) {
                    out.append(GoValues.printAction(value));
                }
                return null;
            });
        } else if (node instanceof Node.Branch branch) {
            walkBranch(branch, dot);
        } else if (node instanceof Node.Range range) {
            walkRange(range, dot);
        } else if (node instanceof Node.Include include) {
            walkInclude(include, dot);
        } else {
            throw node instanceof Node.Break ? BREAK : CONTINUE;
        }
    }

    private void walkBranch(Node.Branch branch, Object dot) {
        int mark = vars.size();
        try {
            Object value = guarded(branch.where(), () -> evalPipeline(branch.condition(), dot, true));
            if (GoValues.truth(value)) {
                walk(branch.then(), branch.isWith() ? value : dot);
            } else if (branch.otherwise() != null) {
                walk(branch.otherwise(), dot);
            }
        } finally {
            truncate(mark);
        }
    }

    private void walkRange(Node.Range range, Object dot) {
        int mark = vars.size();
        List<String> names = range.pipeline().variables();
        List<Object[]> items = guarded(range.where(), () -> {
            Object value = evalPipeline(range.pipeline(), dot, false);
            if (names.size() == 2 && value instanceof Long) {
                throw new ExecError("can't use two variables to range over an integer");
            }
            return iterate(value);
        });
        try {
            for (Object[] item : items) {
                if (names.size() == 1) {
                    vars.add(new Var(names.get(0), item[1]));
                } else if (names.size() == 2) {
                    vars.add(new Var(names.get(0), item[0]));
                    vars.add(new Var(names.get(1), item[1]));
                }
                try {
                    walk(range.body(), item[1]);
                } catch (LoopControl control) {
                    if (control.isBreak) {
                        break;
                    }
                } finally {
                    truncate(mark);
                }
            }
            if (items.isEmpty() && range.otherwise() != null) {
                walk(range.otherwise(), dot);
            }
        } finally {
            truncate(mark);
        }
    }

    /** (key, element) pairs: list indexes, sorted map keys (as Go sorts them), or 0..n-1 for an int. */
    private static List<Object[]> iterate(Object value) {
        List<Object[]> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                items.add(new Object[] {(long) i, list.get(i)});
            }
        } else if (value instanceof Map<?, ?> map) {
            new TreeMap<>(map).forEach((k, v) -> items.add(new Object[] {k, v}));
        } else if (value instanceof Long n) {
            for (long i = 0; i < n; i++) {
                items.add(new Object[] {i, i});
            }
        } else {
            throw new ExecError("range can't iterate over " + GoValues.formatV(value)
                    + " (a " + GoValues.typeName(value) + ")");
        }
        return items;
    }

    private void walkInclude(Node.Include include, Object dot) {
        Object newDot = include.pipeline() == null ? null
                : guarded(include.where(), () -> evalPipeline(include.pipeline(), dot, true));
        guarded(include.where(), () -> {
            include(include.templateName(), newDot, out);
            return null;
        });
    }

    /** Runs a {@code define}d template, or a stored one the server provides, writing into {@code target}. */
    private void include(String name, Object dot, StringBuilder target) {
        List<Node> local = defines.get(name);
        if (local != null) {
            new Evaluator(templateName, defines, data, target, depth + 1).execute(local, dot);
            return;
        }
        String contents = data.templateContents(name).orElseThrow(() -> new ExecError(
                "template inclusion is not supported in the sandbox for \"" + name
                        + "\": the sandbox server has no template with that id"));
        GoTemplate included = GoTemplate.parse(name, contents);
        new Evaluator(included.name(), included.defines(), data, target, depth + 1).execute(included.nodes(), dot);
    }

    @Override
    public String renderTemplate(String id, Object dot) {
        StringBuilder target = new StringBuilder();
        include(id, dot, target);
        return target.toString();
    }

    @Override
    public String renderParamValue(String paramName, String source) {
        GoTemplate template = GoTemplate.parse("param " + paramName, source);
        StringBuilder target = new StringBuilder();
        Evaluator evaluator = new Evaluator(template.name(), template.defines(), data, target, depth + 1);
        evaluator.execute(template.nodes(), evaluator.root);
        return target.toString();
    }

    private Object evalPipeline(Node.Pipeline pipeline, Object dot, boolean declare) {
        Object value = NO_FINAL;
        for (Node.Command command : pipeline.commands()) {
            value = evalCommand(command, dot, value);
        }
        if (declare) {
            for (String name : pipeline.variables()) {
                if (pipeline.assign()) {
                    lookupVar(name).value = value;
                } else {
                    vars.add(new Var(name, value));
                }
            }
        }
        return value;
    }

    private Object evalCommand(Node.Command command, Object dot, Object finalValue) {
        try {
            Node.Operand first = command.operands().get(0);
            List<Node.Operand> rest = command.operands().subList(1, command.operands().size());
            if (first instanceof Node.Function f) {
                return call(f.name(), rest, dot, finalValue);
            }
            if (first instanceof Node.Field f) {
                return evalChain(dot, dot, f.names(), rest, finalValue);
            }
            if (first instanceof Node.Literal l && l.value() == null) {
                throw new ExecError("nil is not a command");
            }
            List<String> names = first instanceof Node.Variable v ? v.names()
                    : first instanceof Node.Parenthesized p ? p.names() : List.of();
            Object base = first instanceof Node.Variable v ? lookupVar(v.name()).value
                    : first instanceof Node.Parenthesized p ? evalPipeline(p.pipeline(), dot, true)
                    : evalArg(first, dot);
            if (names.isEmpty()) {
                String text = first instanceof Node.Literal l ? l.source()
                        : first instanceof Node.Variable v ? v.name() : first instanceof Node.Dot ? "." : "(...)";
                return notAFunction(text, rest, finalValue, base);
            }
            return evalChain(dot, base, names, rest, finalValue);
        } catch (ExecError e) {
            if (e.getMessage().startsWith("at <")) {
                throw e;
            }
            throw new ExecError("at <" + command.source() + ">: " + e.getMessage());
        }
    }

    private static Object notAFunction(String text, List<Node.Operand> args, Object finalValue, Object value) {
        if (!args.isEmpty() || finalValue != NO_FINAL) {
            throw new ExecError("can't give argument to non-function " + text);
        }
        return value;
    }

    /** {@code receiver.A.B args}: only the last name receives the arguments, as in Go. */
    private Object evalChain(Object dot, Object receiver, List<String> names, List<Node.Operand> args,
                             Object finalValue) {
        Object value = receiver;
        for (int i = 0; i < names.size(); i++) {
            boolean last = i == names.size() - 1;
            List<Object> values = last ? evalArgs(args, dot, finalValue) : List.of();
            value = member(value, names.get(i), values);
        }
        return value;
    }

    private Object member(Object receiver, String name, List<Object> args) {
        if (receiver instanceof RenderRoot r) {
            return r.member(name, args);
        }
        if (receiver instanceof RenderRoot.Model model) {
            return root.member(model, name, args);
        }
        if (receiver instanceof Map<?, ?> map) {
            if (!args.isEmpty()) {
                throw new ExecError(name + " is not a method but has arguments");
            }
            if (!map.containsKey(name)) {
                throw new ExecError("map has no entry for key \"" + name + "\"");
            }
            return map.get(name);
        }
        if (receiver == null) {
            throw new ExecError("nil pointer evaluating interface {}." + name);
        }
        throw new ExecError("can't evaluate field " + name + " in type " + GoValues.typeName(receiver));
    }

    private List<Object> evalArgs(List<Node.Operand> operands, Object dot, Object finalValue) {
        List<Object> values = new ArrayList<>();
        for (Node.Operand operand : operands) {
            values.add(evalArg(operand, dot));
        }
        if (finalValue != NO_FINAL) {
            values.add(finalValue);
        }
        return values;
    }

    private Object evalArg(Node.Operand operand, Object dot) {
        if (operand instanceof Node.Literal l) {
            return l.value();
        }
        if (operand instanceof Node.Dot) {
            return dot;
        }
        if (operand instanceof Node.Field f) {
            return evalChain(dot, dot, f.names(), List.of(), NO_FINAL);
        }
        if (operand instanceof Node.Function f) {
            return call(f.name(), List.of(), dot, NO_FINAL);
        }
        List<String> names = operand instanceof Node.Variable v ? v.names() : ((Node.Parenthesized) operand).names();
        Object base = operand instanceof Node.Variable v ? lookupVar(v.name()).value
                : evalPipeline(((Node.Parenthesized) operand).pipeline(), dot, true);
        return names.isEmpty() ? base : evalChain(dot, base, names, List.of(), NO_FINAL);
    }

    private Object call(String name, List<Node.Operand> args, Object dot, Object finalValue) {
        if (name.equals("and") || name.equals("or")) {
            return andOr(name.equals("and"), args, dot, finalValue);
        }
        return Functions.call(name, evalArgs(args, dot, finalValue));
    }

    /** Go 1.18+: evaluates arguments only until the result is known, and returns that argument itself. */
    private Object andOr(boolean isAnd, List<Node.Operand> args, Object dot, Object finalValue) {
        int count = args.size() + (finalValue != NO_FINAL ? 1 : 0);
        if (count == 0) {
            throw new ExecError("wrong number of args for " + (isAnd ? "and" : "or") + ": want at least 1 got 0");
        }
        Object value = null;
        for (int i = 0; i < count; i++) {
            value = i < args.size() ? evalArg(args.get(i), dot) : finalValue;
            if (GoValues.truth(value) != isAnd) {
                return value;
            }
        }
        return value;
    }

    private Var lookupVar(String name) {
        for (int i = vars.size() - 1; i >= 0; i--) {
            if (vars.get(i).name.equals(name)) {
                return vars.get(i);
            }
        }
        throw new ExecError("undefined variable: " + name);
    }

    private void truncate(int size) {
        while (vars.size() > size) {
            vars.remove(vars.size() - 1);
        }
    }

    /** Gives an evaluation error the position and text of the action it happened in. */
    private <T> T guarded(Node.Where where, Supplier<T> work) {
        try {
            return work.get();
        } catch (ExecError e) {
            throw new TemplateException(templateName, where.line(), where.column(),
                    "executing " + where.source() + ": " + e.getMessage());
        }
    }
}
