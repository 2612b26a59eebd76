package dev.fabricscope.capture;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.util.Arrays;

/**
 * Buffered output of whole capture records (file header, pcap record, pcapng block). Records are
 * appended to a buffer and reach the channel only by {@link #flush()}, so a failed write (disk full)
 * can be undone: a file is truncated back to the end of the last record that was written completely,
 * a pipe simply stops. Either way the caller gets one {@link IOException} naming the output and the
 * reason; later writes fail with the same message.
 *
 * <p>Usage per record: {@code ByteBuffer b = begin(len); b.putInt(..); putBytes(packet); end();}.
 */
final class RecordOutput {
    static final int DEFAULT_BUFFER_BYTES = 1 << 18;

    private final String name;
    private final WritableByteChannel channel;
    private final FileChannel truncatable;   // non-null when we own a regular file and may shrink it
    private final boolean closeChannel;
    private ByteBuffer buffer;
    private int[] recordEnds = new int[1024]; // buffer offsets where buffered records end
    private int records;
    private int recordStart = -1;
    private int recordLength;
    private long written;                     // bytes of complete records already handed to the channel
    private IOException failure;
    private boolean closed;

    /**
     * @param name         what messages call this output (the file name, "-" for stdout)
     * @param channel      where records go
     * @param truncatable  true when {@code channel} is a {@link FileChannel} on a file we created, which may be
     *                     truncated to the last complete record after a failed write
     * @param closeChannel false for stdout, which stays open for the rest of the process
     */
    RecordOutput(String name, WritableByteChannel channel, boolean truncatable, boolean closeChannel, int bufferBytes) {
        this.name = name;
        this.channel = channel;
        this.truncatable = truncatable && channel instanceof FileChannel fc ? fc : null;
        this.closeChannel = closeChannel;
        allocate(bufferBytes);
    }

    String name() { return name; }

    /** Bytes of the output so far, buffered records included (what ftell on a stdio stream reports). */
    long size() { return written + buffer.position(); }

    /** Starts a record of exactly {@code length} bytes; returns the buffer to fill (little-endian). */
    ByteBuffer begin(int length) throws IOException {
        checkUsable();
        if (recordStart >= 0) throw new IllegalStateException("record not ended");
        if (length < 0) throw new IllegalArgumentException("negative record length");
        if (buffer.remaining() < length) {
            flush();
            if (buffer.capacity() < length) allocate(length); // one oversized record: grow once, keep it
        }
        recordStart = buffer.position();
        recordLength = length;
        return buffer;
    }

    /** Copies {@code length} bytes of {@code source} at {@code offset} into the current record. */
    void putBytes(byte[] source, int offset, int length) {
        buffer.put(source, offset, length);
    }

    /** Appends zero bytes (padding) to the current record. */
    void putZeros(int count) {
        for (int i = 0; i < count; i++) buffer.put((byte) 0);
    }

    /** Ends the record begun by {@link #begin}; its length must be what was announced. */
    void end() {
        if (recordStart < 0 || buffer.position() - recordStart != recordLength) {
            throw new IllegalStateException("record length mismatch: announced " + recordLength
                    + ", wrote " + (buffer.position() - recordStart));
        }
        if (records == recordEnds.length) recordEnds = Arrays.copyOf(recordEnds, records * 2);
        recordEnds[records++] = buffer.position();
        recordStart = -1;
    }

    /** Hands all buffered (complete) records to the channel. */
    void flush() throws IOException {
        checkUsable();
        if (recordStart >= 0) throw new IllegalStateException("flush inside a record");
        buffer.flip();
        try {
            while (buffer.hasRemaining()) channel.write(buffer);
        } catch (IOException e) {
            fail(e);
        }
        written += buffer.limit();
        buffer.clear();
        records = 0;
    }

    /** Flushes, then closes the channel (stdout stays open). After a failure it only closes. */
    void close() throws IOException {
        if (closed) return;
        try {
            if (failure == null) flush();
        } finally {
            closed = true;
            if (closeChannel) channel.close();
        }
    }

    private void fail(IOException cause) throws IOException {
        int reached = buffer.position();          // bytes of this flush the channel accepted
        int keep = 0;
        for (int i = 0; i < records && recordEnds[i] <= reached; i++) keep = recordEnds[i];
        long end = written + keep;
        String where;
        if (truncatable != null) {
            try {
                truncatable.truncate(end);
                truncatable.position(end);
                where = "file ends after the last complete record, at byte " + end;
            } catch (IOException t) {
                cause.addSuppressed(t);
                where = "could not truncate it to the last complete record at byte " + end;
            }
        } else {
            where = "output stopped";
        }
        written = end;
        buffer.clear();
        records = 0;
        failure = new IOException(name + ": " + reason(cause) + "; " + where, cause);
        throw failure;
    }

    private static String reason(IOException e) {
        String m = String.valueOf(e.getMessage());
        boolean full = m.contains("No space left") || m.contains("Disk quota exceeded") || m.contains("ENOSPC");
        return (full ? "disk full (" : "write failed (") + m + ")";
    }

    private void checkUsable() throws IOException {
        if (failure != null) throw new IOException(failure.getMessage(), failure);
        if (closed) throw new IOException(name + ": already closed");
    }

    private void allocate(int bytes) {
        ByteBuffer old = buffer;
        buffer = ByteBuffer.allocateDirect(Math.max(bytes, 64)).order(ByteOrder.LITTLE_ENDIAN);
        if (old != null) {
            old.flip();
            buffer.put(old);
        }
    }
}
