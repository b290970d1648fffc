package dev.drpconsole.core.drp;

/**
 * A piece of a job's log, read by byte range.
 *
 * @param text       the bytes from {@code offset} decoded as UTF-8 (a chunk may end inside a line)
 * @param nextOffset where the next read starts (offset + bytes read)
 */
public record JobLogChunk(String text, long nextOffset) {
}
