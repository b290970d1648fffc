package dev.drpconsole.sandbox.template;

import dev.drpconsole.sandbox.template.Lexer.Kind;
import dev.drpconsole.sandbox.template.Lexer.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser over the lexer's tokens, following Go's grammar: actions, {@code if}/{@code with}
 * with {@code else if}/{@code else with}, {@code range} with {@code else}, {@code break}/{@code continue},
 * {@code define}/{@code block}/{@code template}, and pipelines. Like Go it rejects undefined variables at parse
 * time; unlike Go it leaves unknown function names to render time, because DRP content may use any of sprig's
 * functions and the sandbox must still accept the content pack (the job fails later with a clear message).
 */
final class Parser {

    private static final Set<String> KEYWORDS =
            Set.of("if", "else", "end", "range", "with", "define", "block", "template", "break", "continue");

    /** A parsed list and the keyword action that ended it ({@code end}, {@code else}, or null at EOF). */
    private record ListEnd(List<Node> nodes, String keyword, Token at) {
    }

    private final String name;
    private final String src;
    private final List<Token> tokens;
    private final Map<String, List<Node>> defines = new LinkedHashMap<>();
    private Deque<Set<String>> scopes = new ArrayDeque<>();
    private int next;
    private int rangeDepth;

    private Parser(String name, String src) {
        this.name = name;
        this.src = src;
        this.tokens = Lexer.lex(name, src);
        scopes.push(new HashSet<>(Set.of("$")));
    }

    /** Parses a whole template; {@code defines} receives the {@code {{define}}} blocks it contains. */
    static List<Node> parse(String name, String src, Map<String, List<Node>> defines) {
        Parser parser = new Parser(name, src);
        ListEnd end = parser.parseList();
        if (end.keyword() != null) {
            throw parser.error(end.at(), "unexpected {{" + end.keyword() + "}}");
        }
        defines.putAll(parser.defines);
        return end.nodes();
    }

    private ListEnd parseList() {
        List<Node> nodes = new ArrayList<>();
        while (true) {
            Token token = take();
            switch (token.kind()) {
                case EOF -> {
                    return new ListEnd(nodes, null, token);
                }
                case TEXT -> nodes.add(new Node.Text(token.text()));
                case LEFT -> {
                    Token first = peek();
                    String keyword = first.kind() == Kind.IDENT && KEYWORDS.contains(first.text()) ? first.text() : null;
                    if ("end".equals(keyword) || "else".equals(keyword)) {
                        take();
                        if (keyword.equals("end")) {
                            expect(Kind.RIGHT, "in end");
                        }
                        return new ListEnd(nodes, keyword, first);
                    }
                    Node node = keyword == null ? parseAction(token) : parseKeyword(token, keyword);
                    if (node != null) {
                        nodes.add(node);
                    }
                }
                default -> throw error(token, "unexpected " + describe(token));
            }
        }
    }

    private Node parseAction(Token left) {
        Node.Pipeline pipeline = parsePipeline(Kind.RIGHT, "command");
        return new Node.Action(where(left), pipeline);
    }

    private Node parseKeyword(Token left, String keyword) {
        Token keywordToken = take();
        return switch (keyword) {
            case "if" -> parseBranch(left, false);
            case "with" -> parseBranch(left, true);
            case "range" -> parseRange(left);
            case "template" -> parseInclude(left, keywordToken);
            case "define" -> parseDefine(keywordToken);
            case "block" -> parseBlock(left, keywordToken);
            case "break", "continue" -> parseLoopControl(left, keywordToken);
            default -> throw error(keywordToken, "unexpected " + keyword);
        };
    }

    private Node parseBranch(Token left, boolean isWith) {
        scopes.push(new HashSet<>());
        try {
            Node.Pipeline condition = parsePipeline(Kind.RIGHT, isWith ? "with" : "if");
            Node.Where where = where(left);
            ListEnd then = parseList();
            List<Node> otherwise = null;
            if ("else".equals(then.keyword())) {
                Token after = peek();
                String chained = isWith ? "with" : "if";
                if (after.kind() == Kind.IDENT && after.text().equals(chained)) {
                    // {{else if x}} is {{else}}{{if x}}...{{end}}{{end}} sharing the final {{end}}.
                    take();
                    otherwise = List.of(parseBranch(tokens.get(next - 3), isWith));
                } else {
                    expect(Kind.RIGHT, "in else");
                    otherwise = parseBody(isWith ? "with" : "if", left);
                }
            } else {
                requireEnd(then, isWith ? "with" : "if", left);
            }
            return new Node.Branch(where, isWith, condition, then.nodes(), otherwise);
        } finally {
            scopes.pop();
        }
    }

    private Node parseRange(Token left) {
        scopes.push(new HashSet<>());
        rangeDepth++;
        try {
            Node.Pipeline pipeline = parsePipeline(Kind.RIGHT, "range");
            Node.Where where = where(left);
            ListEnd body = parseList();
            List<Node> otherwise = null;
            if ("else".equals(body.keyword())) {
                expect(Kind.RIGHT, "in else");
                rangeDepth--;
                try {
                    otherwise = parseBody("range", left);
                } finally {
                    rangeDepth++;
                }
            } else {
                requireEnd(body, "range", left);
            }
            return new Node.Range(where, pipeline, body.nodes(), otherwise);
        } finally {
            rangeDepth--;
            scopes.pop();
        }
    }

    private List<Node> parseBody(String construct, Token left) {
        ListEnd body = parseList();
        requireEnd(body, construct, left);
        return body.nodes();
    }

    private void requireEnd(ListEnd end, String construct, Token left) {
        if (end.keyword() == null) {
            throw error(left, "unexpected EOF: {{" + construct + "}} has no matching {{end}}");
        }
        if (!end.keyword().equals("end")) {
            throw error(end.at(), "unexpected {{" + end.keyword() + "}} in {{" + construct + "}}");
        }
    }

    private Node parseInclude(Token left, Token keyword) {
        String templateName = templateName(keyword, "template");
        Node.Pipeline pipeline = null;
        if (peek().kind() != Kind.RIGHT) {
            pipeline = parsePipeline(Kind.RIGHT, "template clause");
        } else {
            take();
        }
        return new Node.Include(where(left), templateName, pipeline);
    }

    private Node parseDefine(Token keyword) {
        String templateName = templateName(keyword, "define");
        expect(Kind.RIGHT, "in define clause");
        defines.put(templateName, parseDetached(keyword, "define"));
        return null;
    }

    /** {@code {{block "n" .}}body{{end}}} is {@code {{define "n"}}body{{end}}{{template "n" .}}}. */
    private Node parseBlock(Token left, Token keyword) {
        String templateName = templateName(keyword, "block");
        Node.Pipeline pipeline = parsePipeline(Kind.RIGHT, "block clause");
        Node.Where where = where(left);
        defines.put(templateName, parseDetached(keyword, "block"));
        return new Node.Include(where, templateName, pipeline);
    }

    /** A defined template's body sees only {@code $}, and no enclosing range. */
    private List<Node> parseDetached(Token keyword, String construct) {
        Deque<Set<String>> saved = scopes;
        int savedRange = rangeDepth;
        scopes = new ArrayDeque<>();
        scopes.push(new HashSet<>(Set.of("$")));
        rangeDepth = 0;
        try {
            return parseBody(construct, keyword);
        } finally {
            scopes = saved;
            rangeDepth = savedRange;
        }
    }

    private Node parseLoopControl(Token left, Token keyword) {
        if (rangeDepth == 0) {
            throw error(keyword, "{{" + keyword.text() + "}} outside {{range}}");
        }
        expect(Kind.RIGHT, "in " + keyword.text());
        return keyword.text().equals("break") ? new Node.Break(where(left)) : new Node.Continue(where(left));
    }

    private String templateName(Token keyword, String construct) {
        Token nameToken = take();
        if (nameToken.kind() != Kind.STRING) {
            throw error(nameToken, "unexpected " + describe(nameToken) + " in " + construct + " clause");
        }
        return (String) nameToken.value();
    }

    /** Parses {@code [$v[, $w] (:=|=)] command [| command]...} up to {@code end}, which it consumes. */
    private Node.Pipeline parsePipeline(Kind end, String context) {
        List<String> variables = new ArrayList<>();
        boolean assign = false;
        if (peek().kind() == Kind.VARIABLE) {
            int mark = next;
            Token first = take();
            Token op = take();
            if (op.kind() == Kind.COMMA && context.equals("range") && peek().kind() == Kind.VARIABLE) {
                Token second = take();
                Token declare = take();
                if (declare.kind() != Kind.DECLARE) {
                    throw error(declare, "range can only initialize variables");
                }
                variables.add(first.text());
                variables.add(second.text());
            } else if (op.kind() == Kind.DECLARE || op.kind() == Kind.ASSIGN) {
                assign = op.kind() == Kind.ASSIGN;
                if (assign && !isDefined(first.text())) {
                    throw error(first, "undefined variable \"" + first.text() + "\"");
                }
                variables.add(first.text());
            } else {
                next = mark;
            }
        }
        List<Node.Command> commands = new ArrayList<>();
        while (true) {
            commands.add(parseCommand(end, context));
            Token token = take();
            if (token.kind() == end) {
                break;
            }
            if (token.kind() != Kind.PIPE) {
                throw error(token, "unexpected " + describe(token) + " in " + context);
            }
        }
        if (!assign) {
            scopes.peek().addAll(variables);
        }
        return new Node.Pipeline(List.copyOf(variables), assign, List.copyOf(commands));
    }

    private Node.Command parseCommand(Kind end, String context) {
        List<Node.Operand> operands = new ArrayList<>();
        int start = peek().start();
        int stop = start;
        while (peek().kind() != Kind.PIPE && peek().kind() != end) {
            Token token = peek();
            if (token.kind() == Kind.RIGHT || token.kind() == Kind.RPAREN || token.kind() == Kind.EOF) {
                throw error(token, "unexpected " + describe(token) + " in " + context);
            }
            if (!operands.isEmpty() && !token.spaceBefore() && token.kind() != Kind.LPAREN) {
                throw error(token, "unexpected " + describe(token) + " in operand");
            }
            operands.add(parseOperand());
            stop = tokens.get(next - 1).end();
        }
        if (operands.isEmpty()) {
            throw error(peek(), "missing value for " + context);
        }
        return new Node.Command(List.copyOf(operands), src.substring(start, stop));
    }

    private Node.Operand parseOperand() {
        Token token = take();
        return switch (token.kind()) {
            case DOT -> noChain(new Node.Dot());
            case FIELD -> {
                List<String> names = new ArrayList<>(List.of(token.text()));
                names.addAll(chain());
                yield new Node.Field(List.copyOf(names));
            }
            case VARIABLE -> {
                if (!isDefined(token.text())) {
                    throw error(token, "undefined variable \"" + token.text() + "\"");
                }
                yield new Node.Variable(token.text(), chain());
            }
            case IDENT -> {
                if (KEYWORDS.contains(token.text())) {
                    throw error(token, "unexpected " + token.text() + " in operand");
                }
                yield noChain(new Node.Function(token.text()));
            }
            case LPAREN -> {
                Node.Pipeline pipeline = parsePipeline(Kind.RPAREN, "parenthesized pipeline");
                yield new Node.Parenthesized(pipeline, chain());
            }
            case STRING, NUMBER, BOOL, NIL -> noChain(new Node.Literal(token.value(), token.text()));
            default -> throw error(token, "unexpected " + describe(token) + " in operand");
        };
    }

    /** Field names written right after an operand with no space: {@code $x.A.B}, {@code (pipe).A}. */
    private List<String> chain() {
        List<String> names = new ArrayList<>();
        while (peek().kind() == Kind.FIELD && !peek().spaceBefore()) {
            names.add(take().text());
        }
        return List.copyOf(names);
    }

    private Node.Operand noChain(Node.Operand operand) {
        if (peek().kind() == Kind.FIELD && !peek().spaceBefore()) {
            throw error(peek(), "unexpected . after term");
        }
        return operand;
    }

    private boolean isDefined(String variable) {
        return scopes.stream().anyMatch(scope -> scope.contains(variable));
    }

    private Node.Where where(Token left) {
        Token right = tokens.get(next - 1);
        return new Node.Where(left.line(), left.column(), src.substring(left.start(), right.end()));
    }

    private Token take() {
        Token token = tokens.get(next);
        if (token.kind() != Kind.EOF) {
            next++;
        }
        return token;
    }

    private Token peek() {
        return tokens.get(next);
    }

    private void expect(Kind kind, String context) {
        Token token = take();
        if (token.kind() != kind) {
            throw error(token, "unexpected " + describe(token) + " " + context);
        }
    }

    private static String describe(Token token) {
        return switch (token.kind()) {
            case EOF -> "EOF";
            case RIGHT -> "\"}}\"";
            case LEFT -> "\"{{\"";
            case TEXT -> "text";
            case FIELD -> "\"." + token.text() + "\"";
            default -> "\"" + token.text() + "\"";
        };
    }

    private TemplateException error(Token token, String detail) {
        return new TemplateException(name, token.line(), token.column(), detail);
    }
}
