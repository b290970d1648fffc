package dev.drpconsole.core.drp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import okhttp3.MediaType;
import okhttp3.RequestBody;
import okio.BufferedSink;
import okio.Okio;
import okio.Source;

/** A file sent as {@code application/octet-stream}, read from disk as it goes out, reporting bytes sent. */
final class FileBody extends RequestBody {
    private static final int REPORT_EVERY = 64 * 1024;

    private final Path file;
    private final long size;
    private final TransferProgress progress;

    FileBody(Path file, TransferProgress progress) throws IOException {
        this.file = file;
        this.size = Files.size(file);
        this.progress = progress;
    }

    @Override
    public MediaType contentType() {
        return DrpHttp.OCTET_STREAM;
    }

    @Override
    public long contentLength() {
        return size;
    }

    /** May run twice (a retry after a token renewal): each run reads the file afresh. */
    @Override
    public void writeTo(BufferedSink sink) throws IOException {
        long sent = 0;
        long reported = 0;
        progress.moved(0, size);
        try (Source source = Okio.source(file)) {
            long read;
            while ((read = source.read(sink.getBuffer(), 8192)) != -1) {
                sent += read;
                sink.emitCompleteSegments();
                if (sent - reported >= REPORT_EVERY) {
                    progress.moved(sent, size);
                    reported = sent;
                }
            }
        }
        sink.flush();
        progress.moved(sent, size);
    }
}
