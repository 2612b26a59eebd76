package dev.fabricscope.web;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;

/**
 * Text printed so far, kept for HTTP clients (smc-clc's -http buffer) but bounded: past
 * {@code limitBytes} the oldest writes are dropped whole, and every snapshot says how much was dropped,
 * so a long-running monitor cannot exhaust memory. Thread-safe: the capture thread appends while the
 * HTTP threads take snapshots; a snapshot-and-clear is one atomic step, so no line written between the
 * copy and the clear is lost (smc-clc copies, sends, then resets, losing such lines).
 */
public final class TextBuffer {
    /** The default bound: room for about half a million smc-clc lines. */
    public static final long DEFAULT_LIMIT_BYTES = 64L << 20;

    /** A copy of the buffer: {@code text} (UTF-8) and how much older text was dropped before it. */
    public record Snapshot(byte[] text, long droppedBytes, long droppedWrites) { }

    private final long limitBytes;
    private final Runnable onFirstDrop;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private long size;
    private long droppedBytes;
    private long droppedWrites;
    private boolean everDropped;

    /**
     * @param limitBytes  the most bytes kept (1 .. 2^31-9: a snapshot is one array)
     * @param onFirstDrop run once, the first time older text has to be dropped (e.g. a warning on stderr);
     *                    called while the buffer is locked, so it must not use the buffer
     */
    public TextBuffer(long limitBytes, Runnable onFirstDrop) {
        if (limitBytes < 1 || limitBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("limit must be between 1 byte and 2 GiB: " + limitBytes);
        }
        this.limitBytes = limitBytes;
        this.onFirstDrop = onFirstDrop;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /** Appends {@code text} (any number of lines, UTF-8) as one write. */
    public void append(CharSequence text) {
        add(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** Appends {@code length} bytes at {@code offset}, as they are, as one write. */
    public void append(byte[] text, int offset, int length) {
        add(java.util.Arrays.copyOfRange(text, offset, offset + length));
    }

    private void add(byte[] bytes) {
        if (bytes.length == 0) return;
        synchronized (this) {
            if (bytes.length > limitBytes) {
                // one write larger than the whole buffer: keep its end
                droppedBytes += bytes.length - limitBytes;
                bytes = java.util.Arrays.copyOfRange(bytes, (int) (bytes.length - limitBytes), bytes.length);
                noteDrop();
            }
            chunks.addLast(bytes);
            size += bytes.length;
            while (size > limitBytes) {
                byte[] oldest = chunks.removeFirst();
                size -= oldest.length;
                droppedBytes += oldest.length;
                droppedWrites++;
                noteDrop();
            }
        }
    }

    private void noteDrop() {
        if (!everDropped) {
            everDropped = true;
            onFirstDrop.run();
        }
    }

    /** A copy of what is kept; with {@code clear}, the buffer is emptied in the same step. */
    public synchronized Snapshot snapshot(boolean clear) {
        byte[] text = new byte[(int) size];
        int at = 0;
        for (byte[] c : chunks) {
            System.arraycopy(c, 0, text, at, c.length);
            at += c.length;
        }
        Snapshot s = new Snapshot(text, droppedBytes, droppedWrites);
        if (clear) {
            chunks.clear();
            size = 0;
            droppedBytes = 0;
            droppedWrites = 0;
        }
        return s;
    }

    /** Bytes currently kept. */
    public synchronized long size() {
        return size;
    }
}
