package dev.fabricscope.rdma;

import dev.fabricscope.capture.Packet;

/**
 * ACK Extended Transport Header (IBTA vol. 1, 9.3.6; 4 bytes): syndrome(8) and MSN(24). The syndrome
 * (table "AETH syndrome field"): bit 7 reserved, bits 6-5 the kind (00 ACK, 01 RNR NAK, 10 reserved,
 * 11 NAK), bits 4-0 the credit count (ACK; 31 = invalid), RNR timer code (RNR NAK) or NAK code.
 */
public record Aeth(int syndrome, int msn) {
    public static final int LENGTH = 4;

    public enum Kind { ACK, RNR_NAK, RESERVED, NAK }

    /** Credit count value meaning "invalid" (end-to-end credits not in use). */
    public static final int CREDITS_INVALID = 31;

    /** NAK codes 0-4 (table "NAK codes"); Wireshark's names. */
    private static final String[] NAK_NAMES = {
        "PSN Sequence Error", "Invalid Request", "Remote Access Error", "Remote Operational Error",
        "Invalid RD Request"};

    /** RNR NAK timer codes 0-31 in microseconds (table "Encoding for RNR NAK timer field"; 0 = 655.36 ms). */
    private static final int[] RNR_TIMER_MICROS = {
        655_360, 10, 20, 30, 40, 60, 80, 120, 160, 240, 320, 480, 640, 960, 1_280, 1_920, 2_560, 3_840,
        5_120, 7_680, 10_240, 15_360, 20_480, 30_720, 40_960, 61_440, 81_920, 122_880, 163_840, 245_760,
        327_680, 491_520};

    public static Aeth read(Packet p, int off) {
        return new Aeth(syndrome(p, off), (int) (p.u32(off) & 0xffffff));
    }

    public static int syndrome(Packet p, int off) {
        return p.u8(off);
    }

    public static Kind kind(int syndrome) {
        return switch ((syndrome >>> 5) & 3) {
            case 0 -> Kind.ACK;
            case 1 -> Kind.RNR_NAK;
            case 2 -> Kind.RESERVED;
            default -> Kind.NAK;
        };
    }

    public Kind kind() {
        return kind(syndrome);
    }

    /** The low five bits: credits, timer code or NAK code depending on {@link #kind()}. */
    public int value() {
        return syndrome & 0x1f;
    }

    public static boolean isNak(int syndrome) {
        return kind(syndrome) == Kind.NAK;
    }

    public static boolean isRnrNak(int syndrome) {
        return kind(syndrome) == Kind.RNR_NAK;
    }

    /** For an RNR NAK, the minimum wait the responder asks for, in microseconds. */
    public int rnrTimerMicros() {
        return RNR_TIMER_MICROS[value()];
    }

    /** Name of a NAK code, or "Reserved (n)". */
    public static String nakName(int code) {
        return code >= 0 && code < NAK_NAMES.length ? NAK_NAMES[code] : "Reserved (" + code + ")";
    }
}
