package dev.drpconsole.sandbox.template;

import static dev.drpconsole.sandbox.template.Renders.render;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FunctionsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
        "{{printf \"%s-%d-%v\" \"a\" 3 true}}             => a-3-true",
        "{{printf \"%5s|%-5s|%05d\" \"ab\" \"cd\" 42}}    => '   ab|cd   |00042'",
        "{{printf \"%q\" \"a\\\"b\\n\"}}                  => \"a\\\"b\\n\"",
        "{{printf \"%x %X %#x %o %b\" 255 255 255 8 5}}   => ff FF 0xff 10 101",
        "{{printf \"%.2f %f %e\" 3.14159 2.0 123456.0}}   => 3.14 2.000000 1.234560e+05",
        "{{printf \"%.2f\" 0.125}}                        => 0.12",
        "{{printf \"%v %v\" 1000000.0 100000.0}}          => 1e+06 100000",
        "{{printf \"%t %c %%\" false 65}}                 => false A %",
        "{{printf \"%.3s\" \"abcdef\"}}                   => abc",
    })
    void printf(String template, String expected) {
        assertEquals(expected.replace("'", ""), render(template));
    }

    @Test
    void printfWithAFloatParamNeedsAFloatVerb() {
        assertEquals("8", render("{{printf \"%.0f\" (.Param \"n\")}}", Map.of("n", 8)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '~', value = {
        "{{print \"a\" 1 2 \"b\"}}               => a1 2b",
        "{{println 1 \"x\"}}=>~1 x\n~",
        "{{len \"héllo\"}} {{len (list 1 2)}}   => 6 2",
        "{{index (list \"a\" \"b\") 1}}          => b",
        "{{eq 1 1}} {{eq 1 2 3 1}} {{ne \"a\" \"b\"}} => true true true",
        "{{lt 1 2}} {{le 2 2}} {{gt \"b\" \"a\"}} {{ge 1.5 2.5}} => true true true false",
        "{{eq nil nil}} {{eq \"\" nil}}          => true false",
        "{{default \"dflt\" \"\"}} {{default \"dflt\" \"set\"}} {{\"\" | default \"p\"}} => dflt set p",
        "{{empty \"\"}} {{empty (list)}} {{empty 0}} {{empty \"x\"}} => true true true false",
        "{{coalesce \"\" 0 \"c\"}}               => c",
        "{{ternary \"y\" \"n\" true}}            => y",
        "{{lower \"AbC\"}} {{upper \"AbC\"}} {{trim \"  x \\n\"}} => abc ABC x",
        "{{trimPrefix \"v\" \"v4.8\"}} {{trimSuffix \".tmpl\" \"a.sh.tmpl\"}} => 4.8 a.sh",
        "{{replace \" \" \"-\" \"a b c\"}}       => a-b-c",
        "{{contains \"cat\" \"catch\"}} {{hasPrefix \"ca\" \"cat\"}} {{hasSuffix \"x\" \"cat\"}} => true true false",
        "{{join \",\" (list \"a\" 1 nil true)}} => a,1,true",
        "{{quote \"a\" \"b\\\"\"}} {{squote \"c\"}} => \"a\" \"b\\\"\" 'c'",
        "{{splitList \",\" \"a,b,,c\"}}          => [a b  c]",
        "{{toString 42}}                        => 42",
        "{{b64enc \"drp\"}} {{b64dec \"ZHJw\"}}  => ZHJw drp",
        "{{add 1 2 3}} {{add1 1}} {{sub 5 7}}   => 6 2 -2",
        "{{hasKey (dict \"a\" 1) \"a\"}}         => true",
    })
    void builtinsAndSprig(String template, String expected) {
        assertEquals(expected, render(template));
    }

    @Test
    void toJsonMatchesGoEncoding() {
        Map<String, Object> params = Map.of("cfg", Map.of("z", List.of(1, 2.5), "a", "<b>&", "n", 1e21));
        assertEquals("{\"a\":\"\\u003cb\\u003e\\u0026\",\"n\":1e+21,\"z\":[1,2.5]}",
                render("{{.Param \"cfg\" | toJson}}", params));
    }

    @Test
    void toPrettyJsonIndentsTwoSpaces() {
        assertEquals("{\n  \"a\": [\n    1\n  ],\n  \"b\": {}\n}",
                render("{{toPrettyJson (.Param \"cfg\")}}", Map.of("cfg", Map.of("a", List.of(1), "b", Map.of()))));
    }

    @Test
    void toJsonOfTheMachineUsesItsFields() {
        assertEquals("\"amd64\"", render("{{toJson .Machine.Arch}}"));
        assertEquals(true, render("{{toJson .Machine}}").contains("\"Name\":\"example.lab.local\""));
    }
}
