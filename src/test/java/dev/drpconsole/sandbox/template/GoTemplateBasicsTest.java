package dev.drpconsole.sandbox.template;

import static dev.drpconsole.sandbox.template.Renders.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoTemplateBasicsTest {

    @Test
    void plainTextIsCopiedUnchanged() {
        String script = "#!/bin/bash\necho \"} { }} {\" $HOME\n";
        assertEquals(script, render(script));
    }

    @Test
    void emptyTemplateRendersEmpty() {
        assertEquals("", render(""));
    }

    @Test
    void machineFields() {
        assertEquals("example.lab.local " + Renders.UUID + " 10.0.0.21 amd64 runner",
                render("{{.Machine.Name}} {{.Machine.Uuid}} {{.Machine.Address}} {{.Machine.Arch}} {{.Machine.Context}}"));
    }

    @Test
    void machineStructIntegersPrintAsInts() {
        assertEquals("2 true", render("{{.Machine.CurrentTask}} {{.Machine.Runnable}}"));
    }

    @Test
    void machineGoMethods() {
        assertEquals(Renders.UUID + " example 0A000015 machines/" + Renders.UUID,
                render("{{.Machine.UUID}} {{.Machine.ShortName}} {{.Machine.HexAddress}} {{.Machine.Path}}"));
        assertEquals("http://10.0.0.2:8091/machines/" + Renders.UUID, render("{{.Machine.Url}}"));
        assertEquals("true false", render("{{.Machine.HasProfile \"context-demo-example\"}} {{.Machine.HasProfile \"x\"}}"));
    }

    @Test
    void nestedMachineMapsAreReachable() {
        assertEquals("green orange", render("{{.Machine.Meta.color}} {{index .Machine.Params \"context-demo/color\"}}"));
    }

    @Test
    void renderDataMembers() {
        assertEquals("https://10.0.0.2:8092 http://10.0.0.2:8091 10.0.0.2 token-1h token-3y context-demo-example",
                render("{{.ApiURL}} {{.ProvisionerURL}} {{.ProvisionerAddress}} {{.GenerateToken}} "
                        + "{{.GenerateInfiniteToken}} {{.Task.Name}}"));
    }

    @Test
    void paramAndParamExists() {
        Map<String, Object> params = Map.of("demo/color", "purple");
        assertEquals("purple true false",
                render("{{.Param \"demo/color\"}} {{.ParamExists \"demo/color\"}} {{.ParamExists \"demo/icon\"}}", params));
    }

    @Test
    void paramNumbersAreFloat64LikeInDrp() {
        Map<String, Object> params = Map.of("n", 3, "big", 1000000, "half", 0.5, "tiny", 0.00001);
        assertEquals("3 1e+06 0.5 1e-05",
                render("{{.Param \"n\"}} {{.Param \"big\"}} {{.Param \"half\"}} {{.Param \"tiny\"}}", params));
    }

    @Test
    void listsAndMapsPrintTheWayGoDoes() {
        Map<String, Object> params = Map.of("list", List.of("a", 1, true), "map", Map.of("b", "x", "a", List.of()));
        assertEquals("[a 1 true] map[a:[] b:x]", render("{{.Param \"list\"}} {{.Param \"map\"}}", params));
    }

    @Test
    void paramMapFieldsByDotAndIndex() {
        Map<String, Object> params = Map.of("net", Map.of("gateway", "10.0.0.1", "dns", List.of("1.1.1.1", "8.8.8.8")));
        assertEquals("10.0.0.1 8.8.8.8",
                render("{{(.Param \"net\").gateway}} {{index (.Param \"net\") \"dns\" 1}}", params));
    }

    @Test
    void literals() {
        assertEquals("a\tb\"c ra\\w\\n 42 -7 255 8 1.5 true false 97",
                render("{{\"a\\tb\\\"c\"}} {{`ra\\w\\n`}} {{42}} {{-7}} {{0xff}} {{0o10}} {{1.5}} {{true}} {{false}} {{'a'}}"));
    }

    @Test
    void unicodeEscapesInStrings() {
        assertEquals("é😀A", render("{{\"\\u00e9\\U0001F600\\x41\"}}"));
    }

    @Test
    void commentsVanish() {
        assertEquals("ab", render("a{{/* a comment */}}b"));
        assertEquals("a\nb", render("a\n{{- /* multi\nline */}}\nb"));
    }

    @Test
    void trimMarkersEatWhitespaceAndNewlines() {
        assertEquals("a=1;", render("a= \n\t {{- 1 -}} \n ;"));
        assertEquals("x\ny", render("x\n{{- \"\" }}\ny"));
        assertEquals("x\ny", render("x\n{{ \"\" -}}\n\ny"));
    }

    @Test
    void trimMarkerNeedsASpaceSoMinusNumbersStillWork() {
        assertEquals("a -3 b", render("a {{-3}} b"));
    }

    @Test
    void commentWithTrimMarkers() {
        assertEquals("ab", render("a  {{- /* gone */ -}}  b"));
    }

    @Test
    void actionsMaySpanLines() {
        assertEquals("purple", render("{{ .Param\n   \"c\" }}", Map.of("c", "purple")));
    }

    @Test
    void pipelinesPassTheValueAsLastArgument() {
        assertEquals("\"PURPLE\"", render("{{.Param \"c\" | upper | quote}}", Map.of("c", "purple")));
        assertEquals("x-purple", render("{{.Param \"c\" | printf \"x-%s\"}}", Map.of("c", "purple")));
    }

    @Test
    void parenthesizedPipelines() {
        assertEquals("3", render("{{len (list 1 2 (print \"x\"))}}"));
    }

    @Test
    void nilPrintsAsNoValue() {
        assertEquals("<no value>", render("{{index (.Param \"m\") \"missing\"}}", Map.of("m", Map.of())));
    }
}
