package dev.fabricscope.capture;

import java.io.Closeable;
import java.io.IOException;

/**
 * Sequential bytes of a capture file (a regular file, stdin, gunzipped data) through a reused buffer,
 * so that each format has one parser for every kind of input. A parser asks for {@code n} contiguous bytes at the
 * current position ({@link #fill}), reads them from {@link #array()}, then {@link #advance}s.
 * Bytes obtained by {@code fill} stay valid until the next {@code fill} or {@code skip}.
 */
abstract sealed class ByteInput implements Closeable permits StreamByteInput {

    /** Size of the whole input in bytes, -1 when unknown (a stream). */
    abstract long size();

    /** Offset in the (decompressed) file of the next unread byte; used in problem messages. */
    abstract long position();

    /**
     * Makes the {@code n} bytes at {@link #position()} readable in {@link #array()} and returns the
     * array index of the first one, or -1 when the input ends before {@code n} bytes
     * ({@link #available()} then says how many are left). Callers cap {@code n} (at most about 2^31).
     */
    abstract long fill(long n) throws IOException;

    /** The buffer that the last successful {@link #fill} refers to (it changes when the buffer grows). */
    abstract byte[] array();

    /** Bytes known to be readable at the position; after a failed {@link #fill}, all that is left. */
    abstract long available();

    /** Consumes {@code n} bytes that a previous {@link #fill} made readable. */
    abstract void advance(long n);

    /** Consumes {@code n} bytes without buffering them; false when the input ends first. */
    abstract boolean skip(long n) throws IOException;
}
