package dev.drpconsole.sandbox.template;

import static dev.drpconsole.sandbox.template.Renders.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ControlFlowTest {

    private static final String IF_CHAIN =
            "{{if eq (.Param \"c\") \"red\"}}R{{else if eq (.Param \"c\") \"blue\"}}B{{else}}other{{end}}";

    @Test
    void ifElseIfElse() {
        assertEquals("R", render(IF_CHAIN, Map.of("c", "red")));
        assertEquals("B", render(IF_CHAIN, Map.of("c", "blue")));
        assertEquals("other", render(IF_CHAIN, Map.of("c", "green")));
    }

    @Test
    void goTruthOfEmptyValues() {
        Map<String, Object> params = new HashMap<>();
        params.put("emptyString", "");
        params.put("zero", 0);
        params.put("emptyList", List.of());
        params.put("emptyMap", Map.of());
        params.put("false", false);
        params.put("text", "x");
        params.put("one", 1);
        params.put("list", List.of(0));
        String template = "{{range $name := list \"emptyString\" \"zero\" \"emptyList\" \"emptyMap\" \"false\" "
                + "\"text\" \"one\" \"list\"}}{{if $.Param $name}}T{{else}}F{{end}}{{end}}";
        assertEquals("FFFFFTTT", render(template, params));
    }

    @Test
    void nilIsFalse() {
        assertEquals("T", render("{{if not nil}}T{{else}}F{{end}}"));
        assertEquals("F", render("{{if index (.Param \"m\") \"missing\"}}T{{else}}F{{end}}", Map.of("m", Map.of())));
    }

    @Test
    void notAndOr() {
        assertEquals("true false", render("{{not \"\"}} {{not 1}}"));
        assertEquals("0 b", render("{{and 1 0 2}} {{and \"a\" \"b\"}}"));
        assertEquals("x 0", render("{{or \"\" \"x\" \"y\"}} {{or \"\" 0}}"));
    }

    @Test
    void andStopsBeforeAFailingArgument() {
        // Without short-circuit evaluation .Param would fail on the missing param.
        assertEquals("F", render("{{if and (.ParamExists \"p\") (.Param \"p\")}}T{{else}}F{{end}}"));
    }

    @Test
    void rangeWithIndexAndValue() {
        assertEquals("0=a;1=b;", render("{{range $i, $v := .Param \"l\"}}{{$i}}={{$v}};{{end}}",
                Map.of("l", List.of("a", "b"))));
    }

    @Test
    void rangeSetsDot() {
        assertEquals("[a][b]", render("{{range .Param \"l\"}}[{{.}}]{{end}}", Map.of("l", List.of("a", "b"))));
    }

    @Test
    void rangeOverAMapVisitsKeysInOrder() {
        assertEquals("a=1 b=2 ", render("{{range $k, $v := .Param \"m\"}}{{$k}}={{$v}} {{end}}",
                Map.of("m", Map.of("b", 2, "a", 1))));
    }

    @Test
    void rangeElseRunsForEmptyOrNil() {
        assertEquals("none", render("{{range .Param \"l\"}}x{{else}}none{{end}}", Map.of("l", List.of())));
        assertEquals("none", render("{{range index (dict) \"x\"}}x{{else}}none{{end}}"));
    }

    @Test
    void rangeOverAnInteger() {
        assertEquals("012", render("{{range 3}}{{.}}{{end}}"));
    }

    @Test
    void breakAndContinue() {
        assertEquals("13", render("{{range $i, $v := list 1 2 3 4}}{{if eq $v 2}}{{continue}}{{end}}"
                + "{{if eq $v 4}}{{break}}{{end}}{{$v}}{{end}}"));
    }

    @Test
    void dollarIsTheRootInsideRange() {
        assertEquals("example.lab.local:a,", render("{{range .Param \"l\"}}{{$.Machine.Name}}:{{.}},{{end}}",
                Map.of("l", List.of("a"))));
    }

    @Test
    void nestedIfInsideRangeInsideIf() {
        String template = "{{if .ParamExists \"disks\"}}{{range $d := .Param \"disks\"}}"
                + "{{if $d.boot}}boot:{{$d.name}} {{else}}data:{{$d.name}} {{end}}{{end}}{{end}}";
        List<Object> disks = List.of(Map.of("name", "sda", "boot", true), Map.of("name", "sdb", "boot", false));
        assertEquals("boot:sda data:sdb ", render(template, Map.of("disks", disks)));
        assertEquals("", render(template));
    }

    @Test
    void withSetsDotAndHasElse() {
        assertEquals("purple", render("{{with .Param \"c\"}}{{.}}{{else}}none{{end}}", Map.of("c", "purple")));
        assertEquals("none", render("{{with .Param \"c\"}}{{.}}{{else}}none{{end}}", Map.of("c", "")));
        assertEquals("second", render("{{with \"\"}}first{{else with \"second\"}}{{.}}{{end}}"));
    }

    @Test
    void variablesDeclareAssignAndScope() {
        assertEquals("a b a", render("{{$x := \"a\"}}{{$x}} {{if true}}{{$y := \"b\"}}{{$y}}{{end}} "
                + "{{if true}}{{$x := \"c\"}}{{end}}{{$x}}"));
        assertEquals("b", render("{{$x := \"a\"}}{{if true}}{{$x = \"b\"}}{{end}}{{$x}}"));
    }

    @Test
    void declarationInIfCondition() {
        assertEquals("purple", render("{{if $c := .Param \"c\"}}{{$c}}{{end}}", Map.of("c", "purple")));
    }

    @Test
    void defineAndTemplate() {
        assertEquals("<example.lab.local>", render("{{define \"n\"}}<{{.Machine.Name}}>{{end}}{{template \"n\" .}}"));
        assertEquals("[x]", render("{{block \"b\" \"x\"}}[{{.}}]{{end}}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{{if 1}}{{if 0}}a{{else}}b{{end}}{{end}}", "{{range list 1}}{{if true}}b{{end}}{{end}}"})
    void nestingWorks(String template) {
        assertEquals("b", render(template));
    }

    @Test
    void rangeVariablesDoNotLeak() {
        List<Object> items = new ArrayList<>(Arrays.asList("a", "b"));
        assertEquals("ab-x", render("{{$v := \"x\"}}{{range $v := .Param \"l\"}}{{$v}}{{end}}-{{$v}}",
                Map.of("l", items)));
    }
}
