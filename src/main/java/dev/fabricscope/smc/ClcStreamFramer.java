package dev.fabricscope.smc;

import dev.fabricscope.capture.BigEndian;

/**
 * Cuts CLC messages out of one direction's reassembled TCP byte stream. A message starts with an
 * eyecatcher (SMC-R {@code E2 D4 C3 D9} or SMC-D {@code E2 D4 C3 C4}); its 8-byte header holds the type
 * (byte 4) and the total length (bytes 5-6, big-endian); it ends with a 4-byte trailer equal to the
 * eyecatcher. Messages may arrive in pieces of any size or several per piece: a message inside one piece
 * is handed out as a slice of it (no copy), one spread over pieces is collected in a 1024-byte buffer.
 *
 * <p>Framing stops for good (this direction only; the framer reports why) at: bytes at a message start
 * that are not an eyecatcher (plain TCP data), a Length below 8 or above 1024 (malformed: we do not
 * hunt for the next eyecatcher, because after a bad length any match would be a guess), a Decline
 * (the connection falls back to TCP), or a stream gap. A trailer that differs from the eyecatcher
 * (e.g. zeroed) is reported, and the message is still handed out.
 */
public final class ClcStreamFramer {
    public static final int EYECATCHER_SMC_R = 0xE2D4C3D9;
    public static final int EYECATCHER_SMC_D = 0xE2D4C3C4;
    public static final int HEADER_LENGTH = 8;
    public static final int MAX_LENGTH = 1024;
    public static final int TYPE_PROPOSAL = 1;
    public static final int TYPE_ACCEPT = 2;
    public static final int TYPE_CONFIRM = 3;
    public static final int TYPE_DECLINE = 4;

    /** Why framing stopped. */
    public enum Stop {
        /** Still framing. */
        NONE,
        /** Bytes at a message start were not an eyecatcher. */
        NOT_CLC,
        /** A header with an impossible Length. */
        MALFORMED,
        /** A Decline was framed: fallback to TCP. */
        DECLINE,
        /** Bytes of the stream were missing. */
        GAP
    }

    /** Receives what the framer finds; called from {@link #feed}. */
    public interface Events {
        /** A complete message of {@code type}: {@code length} bytes at {@code offset}, valid during the call. */
        void message(byte[] bytes, int offset, int length, int type, long timestampNanos, long frameNumber);

        /** A problem; {@code stopped} tells whether framing of this direction ended with it. */
        void problem(String reason, long timestampNanos, long frameNumber, boolean stopped);

        /** Framing stopped on bytes that are not CLC (plain TCP data); not a problem by itself. */
        void notClc(long timestampNanos, long frameNumber);
    }

    private byte[] buffer;
    private int filled;
    private int expected;
    private int messages;
    private Stop stop = Stop.NONE;

    public Stop stop() { return stop; }
    public boolean stopped() { return stop != Stop.NONE; }
    /** Messages handed out so far. */
    public int messages() { return messages; }
    /**
     * What the stream ending now would cut short, for a report ("68 of the 70 bytes of a CLC message", "4 bytes of
     * a CLC header"), or null when no message is pending.
     */
    public String pendingText() {
        if (filled == 0 || stop != Stop.NONE) return null;
        return expected == 0 ? filled + " bytes of a CLC header"
            : filled + " of the " + expected + " bytes of a CLC message";
    }

    /** Stops framing because stream bytes are missing (reported by the caller). */
    public void gap() {
        if (stop == Stop.NONE) stop = Stop.GAP;
        filled = 0;
    }

    /** Feeds {@code len} stream bytes at {@code off} of {@code src}. */
    public void feed(byte[] src, int off, int len, long time, long frame, Events events) {
        int pos = off;
        int end = off + len;
        while (pos < end && stop == Stop.NONE) {
            int rem = end - pos;
            if (filled == 0 && rem >= HEADER_LENGTH) {
                int eye = BigEndian.i32(src, pos);
                if (eye != EYECATCHER_SMC_R && eye != EYECATCHER_SMC_D) {
                    notClc(time, frame, events);
                    return;
                }
                int length = BigEndian.u16(src, pos + 5);
                if (!lengthOk(length, time, frame, events)) return;
                if (rem >= length) {
                    emit(src, pos, length, time, frame, events);
                    pos += length;
                    continue;
                }
            }
            // collect a piece of a message
            if (buffer == null) buffer = new byte[MAX_LENGTH];
            int want = (expected == 0 ? HEADER_LENGTH : expected) - filled;
            int k = Math.min(want, rem);
            System.arraycopy(src, pos, buffer, filled, k);
            pos += k;
            filled += k;
            if (expected == 0) {
                if (!eyecatcherPrefix()) {
                    filled = 0;
                    notClc(time, frame, events);
                    return;
                }
                if (filled == HEADER_LENGTH) {
                    int length = BigEndian.u16(buffer, 5);
                    if (!lengthOk(length, time, frame, events)) {
                        filled = 0;
                        return;
                    }
                    expected = length;
                }
            }
            if (expected > 0 && filled == expected) {
                int n = expected;
                filled = 0;
                expected = 0;
                emit(buffer, 0, n, time, frame, events);
            }
        }
    }

    private boolean eyecatcherPrefix() {
        int n = Math.min(filled, 4);
        for (int i = 0; i < n; i++) {
            int b = buffer[i] & 0xff;
            int r = (EYECATCHER_SMC_R >>> (24 - 8 * i)) & 0xff;
            int d = (EYECATCHER_SMC_D >>> (24 - 8 * i)) & 0xff;
            if (b != r && b != d) return false;
        }
        return true;
    }

    private boolean lengthOk(int length, long time, long frame, ClcStreamFramer.Events events) {
        if (length >= HEADER_LENGTH && length <= MAX_LENGTH) return true;
        stop = Stop.MALFORMED;
        String why = length < HEADER_LENGTH ? "is less than the " + HEADER_LENGTH + "-byte header"
            : "exceeds the maximum of " + MAX_LENGTH;
        events.problem("CLC header Length " + length + " " + why + "; stopped decoding this direction",
            time, frame, true);
        return false;
    }

    private void notClc(long time, long frame, Events events) {
        stop = Stop.NOT_CLC;
        events.notClc(time, frame);
    }

    private void emit(byte[] src, int pos, int length, long time, long frame, Events events) {
        int eye = BigEndian.i32(src, pos);
        int trailer = BigEndian.i32(src, pos + length - 4);
        int type = src[pos + 4] & 0xff;
        messages++;
        if (type == TYPE_DECLINE) stop = Stop.DECLINE;
        events.message(src, pos, length, type, time, frame);
        if (trailer != eye) {
            String what = trailer == 0 ? "zeroed trailer" : String.format("trailer %08X", trailer);
            events.problem(what + " does not match eyecatcher " + String.format("%08X", eye), time, frame, false);
        }
    }
}
