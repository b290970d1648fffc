package dev.drpconsole.sandbox.template;

import static dev.drpconsole.sandbox.template.Renders.render;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TemplateErrorsTest {

    private static TemplateException parseError(String source) {
        return assertThrows(TemplateException.class, () -> GoTemplate.parse("bad.tmpl", source));
    }

    private static TemplateException renderError(String source, Map<String, Object> params) {
        GoTemplate template = GoTemplate.parse("job.sh.tmpl", source);
        return assertThrows(TemplateException.class, () -> template.render(Renders.data(params)));
    }

    @Test
    void syntaxErrorCarriesLineAndColumn() {
        TemplateException e = parseError("#!/bin/bash\necho hi\n  {{if .Machine.Name}\n");
        assertAll(
                () -> assertEquals("bad.tmpl", e.templateName()),
                () -> assertEquals(3, e.line()),
                () -> assertEquals(21, e.column()),
                () -> assertEquals("bad.tmpl:3:21: unexpected \"}\" in command", e.getMessage()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a {{.X             | 1:3: unclosed action",
        "{{/* x             | 1:1: unclosed comment",
        "{{/* x */ }}       | 1:1: comment ends before closing delimiter",
        "{{if true}}x       | 1:1: unexpected EOF: {{if}} has no matching {{end}}",
        "x{{end}}           | 1:4: unexpected {{end}}",
        "{{else}}           | 1:3: unexpected {{else}}",
        "{{$x}}             | 1:3: undefined variable \"$x\"",
        "{{\"abc}}          | 1:3: unterminated quoted string",
        "{{3x}}             | 1:3: bad number syntax: \"3x\"",
        "{{}}               | 1:3: missing value for command",
        "{{break}}          | 1:3: {{break}} outside {{range}}",
        "{{range list}}{{end}}{{continue}} | 1:24: {{continue}} outside {{range}}",
        "{{template .X}}    | 1:12: unexpected \".X\" in template clause",
        "{{\"a\".X}}        | 1:6: unexpected . after term",
    })
    void syntaxErrors(String source, String expected) {
        assertEquals("bad.tmpl:" + expected, parseError(source).getMessage());
    }

    @Test
    void missingParamNamesTheExpressionAndThePosition() {
        TemplateException e = renderError("#!/bin/bash\nCOLOR={{.Param \"demo/color\"}}\n", Map.of());
        assertEquals("job.sh.tmpl:2:7: executing {{.Param \"demo/color\"}}: at <.Param \"demo/color\">: "
                + "no such machine parameter \"demo/color\" (not set on the machine, its profiles or the global "
                + "profile, and the param has no default); guard it with .ParamExists", e.getMessage());
        assertEquals(2, e.line());
    }

    @Test
    void unsupportedFunctionIsNamed() {
        TemplateException e = renderError("x\n{{ .Param \"a\" | snakecase }}", Map.of("a", "AbC"));
        assertTrue(e.getMessage().startsWith("job.sh.tmpl:2:1: executing {{ .Param \"a\" | snakecase }}: "
                + "at <snakecase>: function \"snakecase\" is not supported by the sandbox renderer"), e.getMessage());
    }

    @Test
    void unsupportedRenderDataMemberIsNamed() {
        TemplateException e = renderError("{{.BootParams}}", Map.of());
        assertTrue(e.detail().contains("can't evaluate field BootParams of the render data"), e.getMessage());
    }

    @Test
    void missingMachineFieldIsNamed() {
        assertTrue(renderError("{{.Machine.Colour}}", Map.of()).getMessage()
                .endsWith("can't evaluate field Colour in type *Machine"));
    }

    @Test
    void missingMapKeyIsAnError() {
        assertTrue(renderError("{{(.Param \"m\").nope}}", Map.of("m", Map.of("a", 1))).getMessage()
                .endsWith("map has no entry for key \"nope\""));
    }

    @Test
    void intAgainstFloatParamIsAnErrorAsInGo() {
        String message = renderError("{{if eq (.Param \"n\") 3}}x{{end}}", Map.of("n", 3)).getMessage();
        assertTrue(message.contains("incompatible types for comparison: float64 3 and int 3"), message);
        assertEquals("x", render("{{if eq (.Param \"n\") 3.0}}x{{end}}", Map.of("n", 3)));
    }

    @Test
    void printfIntegerVerbWithFloatParamExplains() {
        String message = renderError("{{printf \"%d\" (.Param \"n\")}}", Map.of("n", 3)).getMessage();
        assertTrue(message.contains("printf: %d needs an integer but got float64 3 (numbers from params are float64"),
                message);
    }

    @Test
    void printfArgumentCountMismatch() {
        assertTrue(renderError("{{printf \"%s %s\" \"a\"}}", Map.of()).getMessage()
                .contains("has no argument left for %s"));
        assertTrue(renderError("{{printf \"%s\" \"a\" \"b\"}}", Map.of()).getMessage().contains("extra: [b]"));
    }

    @Test
    void wrongArgumentTypesAndCounts() {
        assertTrue(renderError("{{upper 3}}", Map.of()).getMessage()
                .endsWith("wrong type for value in upper; expected string; got int"));
        assertTrue(renderError("{{.Param}}", Map.of()).getMessage()
                .endsWith("wrong number of args for Param: want 1 got 0"));
        assertTrue(renderError("{{\"a\" \"b\"}}", Map.of()).getMessage()
                .endsWith("can't give argument to non-function \"a\""));
    }

    @Test
    void rangeOverAStringIsAnError() {
        assertTrue(renderError("{{range \"abc\"}}{{end}}", Map.of()).getMessage()
                .contains("range can't iterate over abc"));
    }

    @Test
    void indexOutOfRange() {
        assertTrue(renderError("{{index (list 1) 5}}", Map.of()).getMessage().endsWith("index out of range: 5"));
    }

    @Test
    void templateInclusionWithoutTheTemplateFailsClearly() {
        TemplateException e = renderError("a\n{{template \"setup.tmpl\" .}}", Map.of());
        assertEquals("job.sh.tmpl:2:1: executing {{template \"setup.tmpl\" .}}: template inclusion is not "
                + "supported in the sandbox for \"setup.tmpl\": the sandbox server has no template with that id",
                e.getMessage());
    }

    @Test
    void errorsInsideAnIncludedTemplateNameThatTemplate() {
        GoTemplate template = GoTemplate.parse("main.tmpl", "{{template \"inc.tmpl\" .}}");
        TemplateData data = Renders.data(Map.of(), Map.of("inc.tmpl", "ok\n{{.Param \"nope\"}}"));
        TemplateException e = assertThrows(TemplateException.class, () -> template.render(data));
        assertEquals("inc.tmpl", e.templateName());
        assertEquals(2, e.line());
    }

    @Test
    void selfInclusionStopsWithAClearError() {
        GoTemplate template = GoTemplate.parse("loop.tmpl", "{{define \"l\"}}{{template \"l\" .}}{{end}}{{template \"l\" .}}");
        TemplateException e = assertThrows(TemplateException.class, () -> template.render(Renders.data(Map.of())));
        assertTrue(e.getMessage().contains("exceeded maximum template depth"), e.getMessage());
    }

    @Test
    void failFunctionStopsTheRender() {
        assertTrue(renderError("{{fail \"set demo/color first\"}}", Map.of()).getMessage()
                .endsWith("fail: set demo/color first"));
    }

    @Test
    void nilAsACommandIsAnErrorAsInGo() {
        assertTrue(renderError("{{if nil}}x{{end}}", Map.of()).getMessage().endsWith("nil is not a command"));
    }

    @Test
    void printingTheWholeMachineIsRefused() {
        assertTrue(renderError("{{.Machine}}", Map.of()).getMessage().contains("use toJson"));
    }
}
