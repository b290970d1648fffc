package dev.drpconsole.ui.logview;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The log's lines, packed: UTF-8 bytes of many lines share one array per block of {@value #BLOCK_LINES} lines,
 * so a line costs its text plus 12 bytes (end offset and time) instead of a String's ~50 bytes of overhead.
 *
 * <p>Lines are addressed by an absolute number that grows forever (the first line ever appended is 0), so a
 * number keeps meaning the same line after older lines are dropped. Past the cap, whole blocks of the oldest
 * lines are dropped at once.
 *
 * <p>Thread-safe. Writers take a lock; readers take none, so the UI thread never waits behind a producer that
 * appends in a tight loop. That is safe because a line is never changed once its number is published: a
 * writer fills the bytes, then publishes through the volatile {@code end}; a grown byte array is a copy
 * published through a volatile field; and the block list is replaced, never changed in place.
 */
final class LineStore {
    static final int BLOCK_LINES = 8192;
    private static final int FIRST_BLOCK_BYTES = 16 * 1024;

    private final ReentrantLock writeLock = new ReentrantLock();
    private final long cap;
    private volatile Blocks blocks = new Blocks(0, new Block[0]);
    private volatile long end;

    /** @param cap lines kept at least; beyond it and a block more, the oldest block is dropped */
    LineStore(long cap) {
        this.cap = Math.max(cap, BLOCK_LINES);
    }

    void append(String line, long timeMillis) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        writeLock.lock();
        try {
            appendLocked(bytes, timeMillis);
        } finally {
            writeLock.unlock();
        }
    }

    /** Appends in groups, encoding outside the lock so concurrent producers wait little. */
    void appendAll(List<String> lines, long timeMillis) {
        int group = 256;
        byte[][] encoded = new byte[group][];
        for (int from = 0; from < lines.size(); from += group) {
            int to = Math.min(lines.size(), from + group);
            for (int i = from; i < to; i++) {
                encoded[i - from] = lines.get(i).getBytes(StandardCharsets.UTF_8);
            }
            writeLock.lock();
            try {
                for (int i = 0; i < to - from; i++) {
                    appendLocked(encoded[i], timeMillis);
                }
            } finally {
                writeLock.unlock();
            }
        }
    }

    private void appendLocked(byte[] bytes, long timeMillis) {
        Blocks current = blocks;
        Block last = current.last();
        if (last == null || last.isFull()) {
            if (last != null) {
                last.trim();
            }
            last = new Block();
            boolean dropOldest = end - current.first - BLOCK_LINES >= cap; // keep at least cap lines
            blocks = current.with(last, dropOldest);
        }
        last.add(bytes, timeMillis);
        end = end + 1; // publishes the line
    }

    /** Absolute number of the oldest line kept. */
    long first() {
        return Math.min(blocks.first, end);
    }

    /** Absolute number one past the newest line. */
    long end() {
        return end;
    }

    /** The line as appended; empty when it has been dropped or cleared since. */
    String text(long line) {
        Block block = blockOf(line);
        return block == null ? "" : block.text(indexInBlock(line));
    }

    /** When the line was appended (epoch millis), or 0 when it is gone. */
    long time(long line) {
        Block block = blockOf(line);
        return block == null ? 0 : block.times[indexInBlock(line)];
    }

    /** Forgets every line; numbering continues, so old numbers never point at new lines. */
    void clear() {
        writeLock.lock();
        try {
            // The next append opens a fresh block, which must start at a block boundary.
            long next = (end + BLOCK_LINES - 1) / BLOCK_LINES * BLOCK_LINES;
            blocks = new Blocks(next, new Block[0]);
            end = next;
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Hands lines [from, to) to the visitor, in order. Lines dropped meanwhile are skipped. The visitor gets the
     * raw UTF-8 and must not keep it.
     */
    void visit(long from, long to, LineVisitor visitor) {
        long limit = Math.min(to, end);
        for (long line = Math.max(from, first()); line < limit; line++) {
            Block block = blockOf(line);
            if (block == null) {
                line = first() - 1; // dropped while visiting: go on from the oldest kept
                continue;
            }
            int i = indexInBlock(line);
            byte[] data = block.data;
            int start = i == 0 ? 0 : block.ends[i - 1];
            if (!visitor.visit(line, data, start, block.ends[i] - start)) {
                return;
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
        if (line >= end) {
            return null; // read end first: every line below it is fully written
        }
        Blocks current = blocks;
        long index = line < current.first ? -1 : (line - current.first) / BLOCK_LINES;
        return index < 0 || index >= current.blocks.length ? null : current.blocks[(int) index];
    }

    private static int indexInBlock(long line) {
        return (int) (line % BLOCK_LINES); // blocks start at multiples of BLOCK_LINES
    }

    /** Receives one line's raw bytes; returns false to stop. */
    @FunctionalInterface
    interface LineVisitor {
        boolean visit(long line, byte[] bytes, int offset, int length);
    }

    /** The kept blocks and the number of the first line in them; replaced whole, never changed. */
    private record Blocks(long first, Block[] blocks) {
        Block last() {
            return blocks.length == 0 ? null : blocks[blocks.length - 1];
        }

        Blocks with(Block added, boolean dropOldest) {
            int from = dropOldest ? 1 : 0;
            Block[] next = Arrays.copyOfRange(blocks, from, blocks.length + 1);
            next[next.length - 1] = added;
            return new Blocks(dropOldest ? first + BLOCK_LINES : first, next);
        }
    }

    private static final class Block {
        private volatile byte[] data = new byte[FIRST_BLOCK_BYTES];
        private final int[] ends = new int[BLOCK_LINES];
        private final long[] times = new long[BLOCK_LINES];
        private int count; // written under the store's lock only

        boolean isFull() {
            return count == BLOCK_LINES;
        }

        void add(byte[] bytes, long timeMillis) {
            int start = count == 0 ? 0 : ends[count - 1];
            byte[] target = data;
            if (start + bytes.length > target.length) {
                target = Arrays.copyOf(target, Math.max(target.length * 2, start + bytes.length));
            }
            System.arraycopy(bytes, 0, target, start, bytes.length);
            data = target;
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
