package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The Mobile IPv6 mobility header (RFC 6275 6.1) as tcpdump prints it (print-mobility.c): "mobility: BU seq#=1
 * lifetime=4" and the like, with -v the cookies and tokens of the return routability messages and the mobility
 * options. Its checksum is not verified (tcpdump does not either).
 */
final class Ip6MobilityFormatter {
    private static final int MIN_LENGTH = 8;
    private static final String[] NAMES = {"BRR", "HoTI", "CoTI", "HoT", "CoT", "BU", "BA", "BE"};
    /** The smallest header each known message type fits in. */
    private static final int[] MIN_LENGTHS = {8, 16, 16, 24, 24, 12, 12, 24};
    private static final int BINDING_REFRESH_REQUEST = 0, HOME_TEST_INIT = 1, CARE_OF_TEST_INIT = 2, HOME_TEST = 3,
            CARE_OF_TEST = 4, BINDING_UPDATE = 5, BINDING_ACK = 6, BINDING_ERROR = 7;
    private static final int PAD1 = 0, PADN = 1, REFRESH = 2, ALTERNATE_CARE_OF = 3, NONCE_INDICES = 4, AUTH = 5;
    /** The binding update's A, H, L and K flags, highest bit first as tcpdump lists them. */
    private static final String[] BINDING_UPDATE_FLAGS = {"A", "H", "L", "K"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes in = new SnapshotBytes();

    Ip6MobilityFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    void print(Packet p, int at, int end, StringBuilder out) {
        try (var _ = in.reading(p, end)) {
            if (!message(at, out)) out.append(" [|mobility]");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "mobility");
        }
    }

    /** False where tcpdump checks a length, finds it short and prints its marker. */
    private boolean message(int at, StringBuilder out) {
        if (at + 1 >= in.end()) return false;
        int length = (in.u8(at + 1) + 1) << 3;
        int type = in.u8(at + 2);
        if (type < NAMES.length && length < MIN_LENGTHS[type]) {
            out.append("(header length ").append(length).append(" is too small for type ").append(type).append(')');
            return false;
        }
        out.append("mobility: ");
        if (type < NAMES.length) out.append(NAMES[type]);
        else out.append("type-#").append(type);
        boolean verbose = verbosity.verbose();
        int headerLength;
        switch (type) {
            case BINDING_REFRESH_REQUEST -> headerLength = MIN_LENGTH;
            case HOME_TEST_INIT, CARE_OF_TEST_INIT -> {
                if (verbose) pair(out, type == HOME_TEST_INIT ? " Home" : " Care-of", " Init Cookie=", at + 8);
                headerLength = 16;
            }
            case HOME_TEST, CARE_OF_TEST -> {
                int nonce = in.u16(at + 6);
                out.append(" nonce id=0x");
                Text.hex(out, nonce);
                String who = type == HOME_TEST ? " Home" : " Care-of";
                if (verbose) pair(out, who, " Init Cookie=", at + 8);
                if (verbose) pair(out, who, " Keygen Token=", at + 16);
                headerLength = 24;
            }
            case BINDING_UPDATE -> {
                int sequence = in.u16(at + 6);
                out.append(" seq#=").append(sequence);
                if (at + 10 > in.end()) return false;
                int flags = in.u8(at + 8) >>> 4;
                if (flags != 0) {
                    out.append(' ');
                    for (int bit = 0; bit < 4; bit++) {
                        if ((flags & (8 >>> bit)) != 0) out.append(BINDING_UPDATE_FLAGS[bit]);
                    }
                }
                int lifetime = in.u16(at + 10);
                out.append(" lifetime=").append(lifetime << 2);   // in units of 4 seconds
                headerLength = 12;
            }
            case BINDING_ACK -> {
                int status = in.u8(at + 6);
                out.append(" status=").append(status);
                if ((in.u8(at + 7) & 0x80) != 0) out.append(" K");
                int sequence = in.u16(at + 8);
                out.append(" seq#=").append(sequence);
                int lifetime = in.u16(at + 10);
                out.append(" lifetime=").append(lifetime << 2);
                headerLength = 12;
            }
            case BINDING_ERROR -> {
                int status = in.u8(at + 6);
                out.append(" status=").append(status);
                in.u8(at + 8 + 15);
                out.append(" homeaddr ");
                Text.ipv6(out, in.packet(), at + 8);
                headerLength = 24;
            }
            default -> {
                out.append(" len=").append(in.u8(at + 1));
                return true;
            }
        }
        return !verbose || options(at + headerLength, length - headerLength, out);
    }

    /** Two 32-bit words as tcpdump writes a cookie or a token: " Home Init Cookie=01234567:89abcdef". */
    private void pair(StringBuilder out, String who, String what, int at) {
        long first = in.u32(at), second = in.u32(at + 4);
        out.append(who).append(what);
        Text.hex(out, first, 8);
        out.append(':');
        Text.hex(out, second, 8);
    }

    /** The mobility options; false where tcpdump stops on a short one. */
    private boolean options(int at, int len, StringBuilder out) {
        int optionLength;
        for (int i = 0; i < len; i += optionLength) {
            int type = in.u8(at + i);
            if (type == PAD1) optionLength = 1;
            else if (i + 1 < len) optionLength = in.u8(at + i + 1) + 2;
            else return false;
            if (i + optionLength > len) return false;
            if (at + i + optionLength >= in.end()) return false;   // tcpdump checks the byte after the option
            switch (type) {
                case PAD1 -> out.append("(pad1)");
                case PADN -> out.append("(padn)");
                case REFRESH -> {
                    if (len - i < 4) {
                        out.append("(refresh: trunc)");
                        return false;
                    }
                    int refresh = in.u16(at + i + 2) << 2;   // in units of 4 seconds
                    out.append("(refresh: ").append(refresh).append(')');
                }
                case ALTERNATE_CARE_OF -> {
                    if (len - i < 18) {
                        out.append("(altcoa: trunc)");
                        return false;
                    }
                    in.u8(at + i + 2 + 15);
                    out.append("(alt-CoA: ");
                    Text.ipv6(out, in.packet(), at + i + 2);
                    out.append(')');
                }
                case NONCE_INDICES -> {
                    if (len - i < 6) {
                        out.append("(ni: trunc)");
                        return false;
                    }
                    int home = in.u16(at + i + 2), careOf = in.u16(at + i + 4);
                    out.append("(ni: ho=0x");
                    Text.hex(out, home, 4);
                    out.append(" co=0x");
                    Text.hex(out, careOf, 4);
                    out.append(')');
                }
                case AUTH -> {
                    if (len - i < 12) {
                        out.append("(auth: trunc)");
                        return false;
                    }
                    out.append("(auth)");
                }
                default -> {
                    int dataLength = in.u8(at + i + 1);
                    out.append("(type-0x");
                    Text.hex(out, type, 2);
                    out.append(": len=").append(dataLength).append(')');
                }
            }
        }
        return true;
    }
}
