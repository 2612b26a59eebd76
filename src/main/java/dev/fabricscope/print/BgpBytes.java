package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The bytes of a BGP (or ISO) PDU as tcpdump's printers read them ({@link SnapshotBytes}), with a scratch buffer:
 * prefixes are copied into it and masked, as tcpdump does before it formats them, and NSAPs are printed from it. One
 * per printer, refilled for each packet; allocates nothing.
 */
final class BgpBytes extends SnapshotBytes {
    /** tcpdump's ISONSAP_MAX_LENGTH. */
    private static final int NSAP_MAX = 20;

    private final byte[] scratch = new byte[NSAP_MAX];
    private final Packet scratchView = new Packet();

    /** tcpdump's isonsap_string over captured bytes (GET_ISONSAP_STRING: jumps unless all were captured). */
    void nsap(StringBuilder out, long at, int len) {
        need(at, len);
        if (len < 1 || len > NSAP_MAX) {
            out.append("isonsap_string: illegal length");
            return;
        }
        for (int i = 0; i < len; i++) scratch[i] = (byte) packet().u8((int) at + i);
        nsapText(out, len);
    }

    /**
     * A prefix of {@code bits} bits at {@code at} into the zeroed scratch buffer, the bits past it in its last byte
     * cleared (GET_CPY_BYTES then the mask); jumps when the prefix's bytes were not all captured.
     */
    void copyPrefix(long at, int bits) {
        int n = (bits + 7) / 8;
        need(at, n);
        java.util.Arrays.fill(scratch, (byte) 0);
        for (int i = 0; i < n; i++) scratch[i] = (byte) packet().u8((int) at + i);
        if (bits % 8 != 0) scratch[n - 1] &= (byte) (0xff00 >> (bits % 8));
    }

    /** The scratch buffer's byte {@code i}. */
    int scratch(int i) {
        return scratch[i] & 0xff;
    }

    void scratchIp4(StringBuilder out) {
        Text.ipv4(out, view(), 0);
    }

    void scratchIp6(StringBuilder out) {
        Text.ipv6(out, view(), 0);
    }

    /** isonsap_string of the scratch buffer's first {@code len} bytes. */
    void scratchNsap(StringBuilder out, int len) {
        if (len < 1 || len > NSAP_MAX) out.append("isonsap_string: illegal length");
        else nsapText(out, len);
    }

    /** Hex pairs, a dot after the first byte and then after every second one. */
    private void nsapText(StringBuilder out, int len) {
        for (int i = 0; i < len; i++) {
            Text.hex(out, scratch[i] & 0xff, 2);
            if ((i & 1) == 0 && i + 1 < len) out.append('.');
        }
    }

    private Packet view() {
        return scratchView.set(scratch, 0, scratch.length, scratch.length, 0, 0, 0, 0);
    }

}
