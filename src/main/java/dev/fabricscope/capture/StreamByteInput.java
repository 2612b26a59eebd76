package dev.fabricscope.capture;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.MemorySegment;

/**
 * Bytes from a stream (stdin, gunzip) through one reused buffer that grows only when a larger record
 * arrives, and then only as its bytes actually arrive (a lying length cannot make us allocate more
 * than twice what the stream really holds).
 */
final class StreamByteInput extends ByteInput {
    private static final int INITIAL = 1 << 20;

    private final InputStream in;
    private byte[] buf = new byte[INITIAL];
    private MemorySegment seg = MemorySegment.ofArray(buf);
    private int start;     // first unread byte in buf
    private int end;       // one past the last buffered byte
    private long consumed; // file offset of buf[start]
    private boolean eof;

    StreamByteInput(InputStream in) {
        this.in = in;
    }

    @Override long position() { return consumed; }

    @Override
    long fill(long n) throws IOException {
        if (n <= end - start) return start;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("fill of " + n + " bytes");
        int need = (int) n;
        if (buf.length - start < need) compact();
        while (end - start < need && !eof) {
            if (end == buf.length) grow(need);
            int r = in.read(buf, end, buf.length - end);
            if (r < 0) eof = true;
            else end += r;
        }
        return end - start >= need ? start : -1;
    }

    private void compact() {
        System.arraycopy(buf, start, buf, 0, end - start);
        end -= start;
        start = 0;
    }

    private void grow(int need) {
        // start is 0 here: compact() ran because the record did not fit behind start.
        int len = (int) Math.min(Math.max((long) buf.length * 2, INITIAL), need);
        byte[] bigger = new byte[Math.max(len, end + 1)];
        System.arraycopy(buf, 0, bigger, 0, end);
        buf = bigger;
        seg = MemorySegment.ofArray(buf);
    }

    @Override MemorySegment segment() { return seg; }

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
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                eof = true;
                return false;
            }
            left -= r;
            consumed += r;
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
