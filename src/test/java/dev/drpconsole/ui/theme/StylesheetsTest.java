package dev.drpconsole.ui.theme;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javafx.css.CssParser;
import org.junit.jupiter.api.Test;

/** A broken rule silently drops the rules after it (a missing brace once took the log view's colours). */
class StylesheetsTest {

    @Test
    void everyStylesheetParsesWithoutErrors() throws IOException {
        List<Path> sheets;
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources"))) {
            sheets = files.filter(file -> file.toString().endsWith(".css")).toList();
        }
        assertFalse(sheets.isEmpty());
        for (Path sheet : sheets) {
            CssParser.errorsProperty().clear();
            new CssParser().parse(sheet.toUri().toURL());
            assertEquals(List.of(), CssParser.errorsProperty().stream().map(Object::toString).toList(),
                    sheet.toString());
        }
    }
}
