package dev.drpconsole.sandbox.jobs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Job logs, one append-only file per job in the data dir. A log starts with {@code Log for Job: <uuid>} (what
 * DRP writes when a job is created); agents append chunks with {@code PUT /jobs/<uuid>/log}. Appends are forced to
 * disk so a restart keeps every acknowledged line.
 */
public final class JobLogs {

    private final Path directory;

    public JobLogs(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + directory, e);
        }
    }

    public void start(String jobUuid) {
        append(jobUuid, ("Log for Job: " + jobUuid + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public synchronized void append(String jobUuid, byte[] chunk) {
        try (FileChannel channel = FileChannel.open(fileOf(jobUuid), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buffer = ByteBuffer.wrap(chunk);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot append to the log of job " + jobUuid, e);
        }
    }

    public void appendLine(String jobUuid, String line) {
        append(jobUuid, (line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    public long size(String jobUuid) {
        try {
            Path file = fileOf(jobUuid);
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code length} bytes from {@code offset}; the stream must be closed. */
    public InputStream read(String jobUuid, long offset, long length) {
        try {
            Path file = fileOf(jobUuid);
            if (!Files.exists(file)) {
                return InputStream.nullInputStream();
            }
            SeekableByteChannel channel = Files.newByteChannel(file, StandardOpenOption.READ);
            channel.position(offset);
            InputStream whole = java.nio.channels.Channels.newInputStream(channel);
            return new BoundedInputStream(whole, length);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the log of job " + jobUuid, e);
        }
    }

    public String readAll(String jobUuid) {
        try {
            Path file = fileOf(jobUuid);
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String jobUuid) {
        try {
            Files.deleteIfExists(fileOf(jobUuid));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path fileOf(String jobUuid) {
        // Job keys are UUIDs (checked on create), so they are safe file names.
        return directory.resolve(jobUuid + ".log");
    }

    /** Stops after a number of bytes. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int value = super.read();
            if (value >= 0) {
                remaining--;
            }
            return value;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = super.read(buffer, offset, (int) Math.min(length, remaining));
            if (read > 0) {
                remaining -= read;
            }
            return read;
        }
    }
}
