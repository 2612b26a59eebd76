package dev.fabricscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.Charset;

/**
 * A Writer for bulk text output (smc-clc prints ~400 bytes per message, 125 MB on the benchmark): each
 * string is encoded whole with {@link String#getBytes(Charset)}, which copies ASCII/Latin-1 text in one
 * vectorized step, into a byte buffer. OutputStreamWriter inflates every string to chars and encodes them
 * again through a CharsetEncoder, which was a third of smc-clc's run time. Same bytes as OutputStreamWriter
 * with the same charset. Not thread-safe on its own; PrintWriter serializes calls.
 */
final class ByteBufferedWriter extends Writer {
    private final OutputStream out;
    private final Charset charset;
    private final byte[] buffer;
    private int used;

    ByteBufferedWriter(OutputStream out, Charset charset, int bufferBytes) {
        this.out = out;
        this.charset = charset;
        this.buffer = new byte[bufferBytes];
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        String part = off == 0 && len == s.length() ? s : s.substring(off, off + len);
        put(part.getBytes(charset));
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        put(new String(chars, off, len).getBytes(charset));
    }

    @Override
    public void write(int c) throws IOException {
        write(String.valueOf((char) c), 0, 1);
    }

    private void put(byte[] bytes) throws IOException {
        writeBytes(bytes, 0, bytes.length);
    }

    /** Bytes as they are, in order with the text written before and after. */
    void writeBytes(byte[] bytes, int offset, int length) throws IOException {
        java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
        if (length > buffer.length - used) {
            drain();
            if (length > buffer.length) {
                out.write(bytes, offset, length);
                return;
            }
        }
        System.arraycopy(bytes, offset, buffer, used, length);
        used += length;
    }

    private void drain() throws IOException {
        if (used > 0) {
            out.write(buffer, 0, used);
            used = 0;
        }
    }

    @Override
    public void flush() throws IOException {
        drain();
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
