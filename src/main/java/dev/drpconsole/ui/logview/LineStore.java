package dev.drpconsole.ui.logview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's lines, packed: UTF-8 bytes of many lines share one array per block of {@value #BLOCK_LINES} lines,
 * so a line costs its text plus 12 bytes (end offset and time) instead of a String's ~50 bytes of overhead.
 *
 * <p>Lines are addressed by an absolute number that grows forever (the first line ever appended is 0), so a
 * number keeps meaning the same line after older lines are dropped. Past the cap, whole blocks of the oldest
 * lines are dropped at once. Thread-safe: producers append while the UI thread reads; the lock is fair so a
 * producer in a tight loop cannot keep a reader waiting for more than one line's append.
 */
final class LineStore {
    static final int BLOCK_LINES = 8192;
    private static final int FIRST_BLOCK_BYTES = 16 * 1024;

    private final ReentrantLock lock = new ReentrantLock(true);
    private final List<Block> blocks = new ArrayList<>();
    private final long cap;
    private long first;
    private long end;

    /** @param cap most lines kept; older ones are dropped a block at a time (at least one block is kept) */
    LineStore(long cap) {
        this.cap = Math.max(cap, BLOCK_LINES);
    }

    void append(String line, long timeMillis) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        lock.lock();
        try {
            appendLocked(bytes, timeMillis);
        } finally {
            lock.unlock();
        }
    }

    /** Appends in small groups, so a reader never waits for a whole large batch. */
    void appendAll(List<String> lines, long timeMillis) {
        int group = 256;
        byte[][] encoded = new byte[group][];
        for (int from = 0; from < lines.size(); from += group) {
            int to = Math.min(lines.size(), from + group);
            for (int i = from; i < to; i++) {
                encoded[i - from] = lines.get(i).getBytes(StandardCharsets.UTF_8);
            }
            lock.lock();
            try {
                for (int i = 0; i < to - from; i++) {
                    appendLocked(encoded[i], timeMillis);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void appendLocked(byte[] bytes, long timeMillis) {
        Block last = blocks.isEmpty() ? null : blocks.get(blocks.size() - 1);
        if (last == null || last.isFull()) {
            if (last != null) {
                last.trim();
            }
            last = new Block();
            blocks.add(last);
            if (end - first >= cap) {
                blocks.remove(0); // a hundred-odd entries at most: cheap
                first += BLOCK_LINES;
            }
        }
        last.add(bytes, timeMillis);
        end++;
    }

    /** Absolute number of the oldest line kept. */
    long first() {
        lock.lock();
        try {
            return first;
        } finally {
            lock.unlock();
        }
    }

    /** Absolute number one past the newest line. */
    long end() {
        lock.lock();
        try {
            return end;
        } finally {
            lock.unlock();
        }
    }

    /** The line as appended; empty when it has been dropped or cleared since. */
    String text(long line) {
        lock.lock();
        try {
            Block block = blockOf(line);
            return block == null ? "" : block.text(indexInBlock(line));
        } finally {
            lock.unlock();
        }
    }

    /** When the line was appended (epoch millis), or 0 when it is gone. */
    long time(long line) {
        lock.lock();
        try {
            Block block = blockOf(line);
            return block == null ? 0 : block.times[indexInBlock(line)];
        } finally {
            lock.unlock();
        }
    }

    /** Forgets every line; numbering continues, so old numbers never point at new lines. */
    void clear() {
        lock.lock();
        try {
            blocks.clear();
            // The next append opens a fresh block, which must start at a block boundary.
            end = (end + BLOCK_LINES - 1) / BLOCK_LINES * BLOCK_LINES;
            first = end;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Hands lines [from, to) to the visitor one block at a time, holding the lock only for that block.
     * Lines dropped meanwhile are skipped. The visitor gets the raw UTF-8 and must not keep it.
     */
    void visit(long from, long to, LineVisitor visitor) {
        long line = from;
        while (line < to) {
            lock.lock();
            try {
                line = Math.max(line, first);
                Block block = blockOf(line);
                if (block == null) {
                    return;
                }
                long blockEnd = Math.min(to, line - indexInBlock(line) + block.count);
                for (; line < blockEnd; line++) {
                    int i = indexInBlock(line);
                    int start = i == 0 ? 0 : block.ends[i - 1];
                    if (!visitor.visit(line, block.data, start, block.ends[i] - start)) {
                        return;
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** Writes lines [from, to) as UTF-8, each followed by '\n'. */
    void writeTo(OutputStream out, long from, long to) throws IOException {
        IOException[] failure = new IOException[1];
        visit(from, to, (line, bytes, offset, length) -> {
            try {
                out.write(bytes, offset, length);
                out.write('\n');
                return true;
            } catch (IOException e) {
                failure[0] = e;
                return false;
            }
        });
        if (failure[0] != null) {
            throw failure[0];
        }
    }

    private Block blockOf(long line) {
        if (line < first || line >= end) {
            return null;
        }
        return blocks.get((int) ((line - first) / BLOCK_LINES));
    }

    private int indexInBlock(long line) {
        return (int) ((line - first) % BLOCK_LINES);
    }

    /** Receives one line's raw bytes; returns false to stop. */
    @FunctionalInterface
    interface LineVisitor {
        boolean visit(long line, byte[] bytes, int offset, int length);
    }

    private static final class Block {
        private byte[] data = new byte[FIRST_BLOCK_BYTES];
        private final int[] ends = new int[BLOCK_LINES];
        private final long[] times = new long[BLOCK_LINES];
        private int count;

        boolean isFull() {
            return count == BLOCK_LINES;
        }

        void add(byte[] bytes, long timeMillis) {
            int start = count == 0 ? 0 : ends[count - 1];
            if (start + bytes.length > data.length) {
                data = Arrays.copyOf(data, Math.max(data.length * 2, start + bytes.length));
            }
            System.arraycopy(bytes, 0, data, start, bytes.length);
            ends[count] = start + bytes.length;
            times[count] = timeMillis;
            count++;
        }

        /** A full block keeps exactly its bytes: doubling would otherwise waste up to half. */
        void trim() {
            data = Arrays.copyOf(data, ends[count - 1]);
        }

        String text(int i) {
            int start = i == 0 ? 0 : ends[i - 1];
            return new String(data, start, ends[i] - start, StandardCharsets.UTF_8);
        }
    }
}
