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
    /** Scratch room for a line's chars while appending; under the lock. */
    private char[] chars = new char[1024];

    /** @param cap lines kept at least; beyond it and a block more, the oldest block is dropped */
    LineStore(long cap) {
        this.cap = Math.max(cap, BLOCK_LINES);
    }

    void append(String line, long timeMillis) {
        writeLock.lock();
        try {
            // Most log lines are ASCII: copied straight into the block, with no byte[] per line.
            if (chars.length < line.length()) {
                chars = new char[Math.max(line.length(), chars.length * 2)];
            }
            if (!blockFor(line.length()).addAscii(line, chars, timeMillis)) {
                appendLocked(line.getBytes(StandardCharsets.UTF_8), timeMillis);
                return;
            }
            end = end + 1; // publishes the line
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
        blockFor(bytes.length).add(bytes, timeMillis);
        end = end + 1; // publishes the line
    }

    /** The block the next line goes to, opening one when the last is full. Under the lock. */
    private Block blockFor(int lengthHint) {
        Blocks current = blocks;
        Block last = current.last();
        if (last == null || last.isFull()) {
            int capacity = FIRST_BLOCK_BYTES;
            if (last != null) {
                int used = last.trim();
                // Sized like the last block plus a little: one array per block, not a chain of doublings.
                capacity = Math.max(FIRST_BLOCK_BYTES, used + used / 32);
            }
            last = new Block(Math.max(capacity, lengthHint));
            boolean dropOldest = end - current.first - BLOCK_LINES >= cap; // keep at least cap lines
            blocks = current.with(last, dropOldest);
        }
        return last;
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
        long line = Math.max(from, first());
        while (line < limit) {
            Block block = blockOf(line);
            if (block == null) {
                long oldest = first();
                if (oldest <= line) {
                    return; // cleared meanwhile: nothing left below the limit
                }
                line = oldest; // dropped while visiting: go on from the oldest kept
                continue;
            }
            // The rest of this block in one go: its arrays read once, not per line.
            byte[] data = block.data;
            int[] ends = block.ends;
            int i = indexInBlock(line);
            int last = (int) Math.min(BLOCK_LINES, i + (limit - line));
            int start = i == 0 ? 0 : ends[i - 1];
            for (; i < last; i++, line++) {
                int stop = ends[i];
                if (!visitor.visit(line, data, start, stop - start)) {
                    return;
                }
                start = stop;
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
        private volatile byte[] data;
        private final int[] ends = new int[BLOCK_LINES];
        private final long[] times = new long[BLOCK_LINES];
        private int count; // written under the store's lock only

        Block(int capacity) {
            data = new byte[capacity];
        }

        boolean isFull() {
            return count == BLOCK_LINES;
        }

        void add(byte[] bytes, long timeMillis) {
            int start = count == 0 ? 0 : ends[count - 1];
            System.arraycopy(bytes, 0, room(start, bytes.length), start, bytes.length);
            ends[count] = start + bytes.length;
            times[count] = timeMillis;
            count++;
        }

        /**
         * Adds an ASCII line, its chars copied as bytes (UTF-8 of ASCII is ASCII); returns false, having added
         * nothing, when the line has a character beyond ASCII (the caller then encodes it as UTF-8).
         * {@code chars} is scratch room of at least the line's length.
         */
        boolean addAscii(String line, char[] chars, long timeMillis) {
            int start = count == 0 ? 0 : ends[count - 1];
            int length = line.length();
            line.getChars(0, length, chars, 0);
            for (int i = 0; i < length; i++) {
                if (chars[i] >= 0x80) {
                    return false;
                }
            }
            byte[] target = room(start, length);
            for (int i = 0; i < length; i++) {
                target[start + i] = (byte) chars[i];
            }
            ends[count] = start + length;
            times[count] = timeMillis;
            count++;
            return true;
        }

        /** The data array, grown when {@code length} more bytes after {@code start} do not fit. */
        private byte[] room(int start, int length) {
            byte[] target = data;
            if (start + length > target.length) {
                target = Arrays.copyOf(target, Math.max(target.length + target.length / 2, start + length));
                data = target; // a copy holding every published line, published whole
            }
            return target;
        }

        /**
         * A full block gives back its spare room when that is worth a copy (more than 1/16); returns the bytes
         * it holds.
         */
        int trim() {
            int used = ends[count - 1];
            if (data.length - used > data.length / 16) {
                data = Arrays.copyOf(data, used);
            }
            return used;
        }

        String text(int i) {
            int start = i == 0 ? 0 : ends[i - 1];
            return new String(data, start, ends[i] - start, StandardCharsets.UTF_8);
        }
    }
}
