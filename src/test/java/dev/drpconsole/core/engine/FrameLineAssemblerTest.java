package dev.drpconsole.core.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameLineAssemblerTest {

    final List<LogLine> lines = new ArrayList<>();
    final FrameLineAssembler assembler = new FrameLineAssembler(lines::add);

    @Test
    void lineSplitAcrossFramesIsDeliveredOnceWhole() {
        frame(LogStream.STDOUT, "hel");
        frame(LogStream.STDOUT, "lo wor");
        assertEquals(List.of(), lines);

        frame(LogStream.STDOUT, "ld\n");

        assertEquals(List.of(LogLine.of(LogStream.STDOUT, "hello world")), lines);
    }

    @Test
    void severalLinesInOneFrameAreDeliveredSeparatelyAndTheRestWaits() {
        frame(LogStream.STDOUT, "one\ntwo\nthr");

        assertEquals(texts("one", "two"), textsOf(lines));

        frame(LogStream.STDOUT, "ee\n");

        assertEquals(texts("one", "two", "three"), textsOf(lines));
    }

    @Test
    void carriageReturnLineFeedEndsALineWithoutLeavingTheCarriageReturn() {
        frame(LogStream.STDOUT, "dos line\r\nnext\r");
        frame(LogStream.STDOUT, "\n");

        assertEquals(texts("dos line", "next"), textsOf(lines));
    }

    @Test
    void emptyLinesAreKept() {
        frame(LogStream.STDOUT, "a\n\nb\n");

        assertEquals(texts("a", "", "b"), textsOf(lines));
    }

    @Test
    void finalLineWithoutLineBreakIsDeliveredWhenTheLogEnds() {
        frame(LogStream.STDOUT, "done\nno newline at the end");
        assertEquals(texts("done"), textsOf(lines));

        assembler.finish();

        assertEquals(texts("done", "no newline at the end"), textsOf(lines));
    }

    @Test
    void finishingWithNothingPendingDeliversNothing() {
        frame(LogStream.STDOUT, "whole\n");

        assembler.finish();

        assertEquals(texts("whole"), textsOf(lines));
    }

    @Test
    void stdoutAndStderrKeepTheirOwnUnfinishedLines() {
        frame(LogStream.STDOUT, "out-start ");
        frame(LogStream.STDERR, "err-start ");
        frame(LogStream.STDOUT, "out-end\n");
        frame(LogStream.STDERR, "err-end\n");

        assertEquals(List.of(LogLine.of(LogStream.STDOUT, "out-start out-end"),
                LogLine.of(LogStream.STDERR, "err-start err-end")), lines);
    }

    @Test
    void multiByteCharacterSplitAcrossFramesDecodesCorrectly() {
        byte[] bytes = "grüße\n".getBytes(StandardCharsets.UTF_8);
        int insideTheU = 3; // "gr" is 2 bytes, "ü" is 2 bytes: split between them
        assembler.accept(LogStream.STDOUT, Arrays.copyOfRange(bytes, 0, insideTheU));
        assembler.accept(LogStream.STDOUT, Arrays.copyOfRange(bytes, insideTheU, bytes.length));

        assertEquals(texts("grüße"), textsOf(lines));
    }

    @Test
    void enginesTimestampIsParsedOffTheLine() {
        frame(LogStream.STDERR, "2026-11-25T08:00:01.123456789Z something failed\n");

        assertEquals(List.of(new LogLine(LogStream.STDERR, "something failed",
                Optional.of(Instant.parse("2026-11-25T08:00:01.123456789Z")))), lines);
    }

    @Test
    void lineTheEngineSplitIntoSeveralMessagesComesBackWholeWithTheFirstMessagesTime() {
        String first = "2026-11-25T09:33:53.777785090Z";
        frame(LogStream.STDOUT, first + " " + "a".repeat(16384));
        frame(LogStream.STDERR, "2026-11-25T09:33:53.800000000Z meanwhile\n");
        frame(LogStream.STDOUT, "2026-11-25T09:33:53.900000000Z " + "a".repeat(3616) + "\n");

        assertEquals(List.of(new LogLine(LogStream.STDERR, "meanwhile",
                        Optional.of(Instant.parse("2026-11-25T09:33:53.800000000Z"))),
                new LogLine(LogStream.STDOUT, "a".repeat(20000), Optional.of(Instant.parse(first)))), lines);
    }

    @Test
    void lineWithoutATimestampIsKeptWhole() {
        frame(LogStream.STDOUT, "not-a-time text\n");

        assertEquals(List.of(LogLine.of(LogStream.STDOUT, "not-a-time text")), lines);
    }

    private void frame(LogStream stream, String text) {
        assembler.accept(stream, text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(String... texts) {
        return List.of(texts);
    }

    private static List<String> textsOf(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}
