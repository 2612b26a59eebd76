package dev.fabricscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;

/**
 * Bytes read sequentially through one reused heap buffer: regular files (read() copies, as tcpdump's stdio;
 * on virtual machines this beats memory-mapping, whose page faults cost more than the copy, and memory stays
 * flat whatever the file size; the JDK's extra copy through its cached direct buffer is ~2% of a whole-file
 * run and buys byte-array packets, see {@link Packet}), and streams (stdin, gunzip). The buffer grows only
 * when a larger record arrives, and then only as its bytes actually arrive (a lying length cannot make
 * us allocate more than twice what the input really holds).
 */
final class StreamByteInput extends ByteInput {
    private static final int INITIAL = 1 << 20;

    private final ReadableByteChannel in;
    private final long size;
    private ByteBuffer buf = ByteBuffer.allocate(INITIAL);
    private byte[] array = buf.array();
    private int start;     // first unread byte in buf
    private int end;       // one past the last buffered byte
    private long consumed; // file offset of buf[start]
    private boolean eof;

    /** @param size the input's size when known (a regular file), else -1 */
    StreamByteInput(ReadableByteChannel in, long size) {
        this.in = in;
        this.size = size;
    }

    StreamByteInput(InputStream in) {
        this(Channels.newChannel(in), -1);
    }

    @Override long size() { return size; }

    @Override long position() { return consumed; }

    @Override
    long fill(long n) throws IOException {
        if (n <= end - start) return start;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("fill of " + n + " bytes");
        int need = (int) n;
        if (buf.capacity() - start < need) compact();
        while (end - start < need && !eof) {
            if (end == buf.capacity()) grow(need);
            if (read(end, buf.capacity() - end) < 0) eof = true;
        }
        return end - start >= need ? start : -1;
    }

    /** Reads up to {@code max} bytes into the buffer at {@code at}; returns the count or -1 at the end. */
    private int read(int at, int max) throws IOException {
        buf.limit(at + max).position(at);
        int r = in.read(buf);
        if (r > 0) end = at + r;
        return r;
    }

    private void compact() {
        System.arraycopy(array, start, array, 0, end - start);
        end -= start;
        start = 0;
    }

    private void grow(int need) {
        // start is 0 here: compact() ran because the record did not fit behind start.
        int len = (int) Math.min(Math.max((long) buf.capacity() * 2, INITIAL), need);
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(len, end + 1));
        System.arraycopy(array, 0, bigger.array(), 0, end);
        buf = bigger;
        array = bigger.array();
    }

    @Override byte[] array() { return array; }

    @Override long available() { return end - start; }

    @Override
    void advance(long n) {
        start += (int) n;
        consumed += n;
    }

    @Override
    boolean skip(long n) throws IOException {
        long buffered = end - start;
        if (n <= buffered) {
            advance(n);
            return true;
        }
        advance(buffered);
        long left = n - buffered;
        start = end = 0;
        while (left > 0) {
            int r = read(0, (int) Math.min(buf.capacity(), left));
            if (r < 0) {
                eof = true;
                end = 0;
                return false;
            }
            left -= r;
            consumed += r;
            end = 0;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
