package dev.fabricscope.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

/**
 * The PrintWriter for standard output of bulk text commands: chars are encoded in {@code charset} by a
 * {@link ByteBufferedWriter}, and {@link #writeBytes} puts ready-made bytes into the same buffer, in order with
 * the chars (smc-clc's lines are built as bytes, written as Go writes them). Errors set {@link #checkError()}, as
 * for every PrintWriter.
 */
final class BytePrintWriter extends java.io.PrintWriter {
    private final ByteBufferedWriter buffered;

    BytePrintWriter(OutputStream out, Charset charset, int bufferBytes) {
        this(new ByteBufferedWriter(out, charset, bufferBytes));
    }

    private BytePrintWriter(ByteBufferedWriter buffered) {
        super(buffered, false);
        this.buffered = buffered;
    }

    /** {@code length} bytes at {@code offset}, as they are. */
    void writeBytes(byte[] bytes, int offset, int length) {
        synchronized (lock) {
            if (out == null) {   // closed
                setError();
                return;
            }
            try {
                buffered.writeBytes(bytes, offset, length);
            } catch (IOException e) {
                setError();
            }
        }
    }
}
