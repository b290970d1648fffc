package dev.drpconsole.core.drp;

/** A file stored on the endpoint, as an upload reports it ({@code {"Path":"/a/b","Size":N}}). */
public record StoredFile(String path, long size) {
}
