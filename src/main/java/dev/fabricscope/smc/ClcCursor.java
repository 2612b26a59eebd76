package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;
import java.util.Arrays;

/**
 * Bounds-checked big-endian reads over one message's bytes, up to {@code limit} (the start of the trailer).
 * A read past the limit throws {@link Overrun}, which {@link ClcParser} turns into a parse failure.
 */
final class ClcCursor {
    private final byte[] bytes;
    private final int limit;
    private int pos;

    ClcCursor(byte[] bytes, int start, int limit) {
        this.bytes = bytes;
        this.pos = start;
        this.limit = limit;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return limit - pos;
    }

    private int take(int n, String field) {
        return take(n, field, -1, 0);
    }

    /** Field {@code index} of {@code count} ("EID 2 of 3"); the name is only built for the error. */
    private int take(int n, String field, int index, int count) {
        if (n < 0 || n > limit - pos) {
            String name = index < 0 ? field : field + " " + index + " of " + count;
            throw new Overrun(name + " at offset " + pos + " (" + n + " bytes) runs past the trailer at offset "
                + limit);
        }
        int at = pos;
        pos += n;
        return at;
    }

    int u8(String field) {
        return bytes[take(1, field)] & 0xff;
    }

    int u8(String field, int index, int count) {
        return bytes[take(1, field, index, count)] & 0xff;
    }

    int u16(String field) {
        return u16(field, -1, 0);
    }

    int u16(String field, int index, int count) {
        return BigEndian.u16(bytes, take(2, field, index, count));
    }

    int u24(String field) {
        int at = take(3, field);
        return (bytes[at] & 0xff) << 16 | (bytes[at + 1] & 0xff) << 8 | (bytes[at + 2] & 0xff);
    }

    long u32(String field) {
        return BigEndian.u32(bytes, take(4, field));
    }

    long u48(String field) {
        int at = take(6, field);
        long v = 0;
        for (int i = 0; i < 6; i++) v = v << 8 | (bytes[at + i] & 0xff);
        return v;
    }

    long u64(String field) {
        return u64(field, -1, 0);
    }

    long u64(String field, int index, int count) {
        int at = take(8, field, index, count);
        long v = 0;
        for (int i = 0; i < 8; i++) v = v << 8 | (bytes[at + i] & 0xff);
        return v;
    }

    byte[] bytes(int n, String field) {
        return bytes(n, field, -1, 0);
    }

    byte[] bytes(int n, String field, int index, int count) {
        int at = take(n, field, index, count);
        return Arrays.copyOfRange(bytes, at, at + n);
    }

    PeerId peerId() {
        return new PeerId(u16("peer ID"), u48("peer ID"));
    }

    /** Thrown on a read past the limit; carries the reason, no stack trace. */
    static final class Overrun extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Overrun(String reason) {
            super(reason, null, false, false);
        }
    }
}
