package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * The Network Service Header (RFC 8300; ethertype 0x894f, VXLAN-GPE next protocol 4) as tcpdump 4.99 prints it
 * (print-nsh.c): {@code NSH, flags [none], service-path-id 0x000001, service-index 0xff: } then the carried IPv4,
 * IPv6 or Ethernet packet, printed like any (with -v on a new line). -vv adds the version and the next protocol's
 * name, -vvv the TTL, length and MD type and the context headers: MD type 1's four words, MD type 2's TLVs with
 * their values. Other next protocols (NSH, MPLS, ...) print {@code ERROR: unknown-next-protocol}, as tcpdump 4.99's
 * do. tcpdump's reads jump out of its printer: a cut header ends with " [|nsh]" and the raw dump starts at byte 0
 * ({@link EarlyEnd}).
 */
final class NshFormatter {
    private static final int BASE_AND_PATH = 8;
    private static final int WORD = 4;
    private static final int MD_TYPE_1 = 1, MD_TYPE_2 = 2, MD_TYPE_1_LENGTH = 6;
    private static final int IPV4 = 1, IPV6 = 2, ETHERNET = 3;
    private static final String[] NEXT_PROTOCOLS = {null, "IPv4", "IPv6", "Ethernet", "NSH", "MPLS"};

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final Encapsulated inner;

    NshFormatter(Verbosity verbosity, EarlyEnd earlyEnd, Encapsulated inner) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.inner = inner;
    }

    /** The header at {@code off} of a packet {@code length} bytes long; {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        // the length unsigned, as tcpdump's u_int: a carried Ethernet frame's printers take it so (a jumbogram's)
        if (Integer.compareUnsigned(length, BASE_AND_PATH) < 0) {
            out.append(" (packet length ").append(length).append(" < ").append(BASE_AND_PATH).append(") (invalid)");
            return;
        }
        if (off + WORD > end) {
            earlyEnd.mark(out, "nsh");
            return;
        }
        long base = p.u32(off);
        int version = (int) (base >>> 30);
        int words = (int) (base >>> 16) & 0x3f;
        int mdType = (int) (base >>> 8) & 0xf;
        int nextProtocol = (int) base & 0xff;
        boolean mostVerbose = verbosity.mostVerbose();
        out.append("NSH, ");
        if (verbosity.veryVerbose()) out.append("ver ").append(version).append(", ");
        if (version != 0) return;
        out.append("flags [").append((base & 0x20000000L) != 0 ? "O" : "none").append("], ");
        if (mostVerbose) {
            out.append("TTL ").append((base >>> 22) & 0x3f).append(", length ").append(words).append(", md type ");
            switch (mdType) {
                case 0 -> out.append("reserved");
                case MD_TYPE_1 -> out.append('1');
                case MD_TYPE_2 -> out.append('2');
                case 0xf -> out.append("experimental");
                default -> unknown(mdType, out);
            }
            out.append(", ");
        }
        if (verbosity.veryVerbose()) {
            out.append("next-protocol ");
            if (nextProtocol < NEXT_PROTOCOLS.length && NEXT_PROTOCOLS[nextProtocol] != null) {
                out.append(NEXT_PROTOCOLS[nextProtocol]);
            } else if (nextProtocol == 0xfe || nextProtocol == 0xff) {
                out.append("Experiment ").append(nextProtocol - 0xfd);
            } else {
                unknown(nextProtocol, out);
            }
            out.append(", ");
        }
        if (Integer.compareUnsigned(length, words * WORD) < 0) {
            out.append(" (too many headers for packet length ").append(length).append(") (invalid)");
            return;
        }
        if (off + BASE_AND_PATH - 1 > end) {
            earlyEnd.mark(out, "nsh");
            return;
        }
        out.append("service-path-id 0x");
        Text.hex(out, p.u24(off + 4), 6);
        out.append(", ");
        if (off + BASE_AND_PATH > end) {
            earlyEnd.mark(out, "nsh");
            return;
        }
        out.append("service-index 0x");
        Text.hex(out, p.u8(off + 7));
        if (words < 2) {
            out.append(" (less than two headers) (invalid)");
            return;
        }
        int at = off + BASE_AND_PATH;
        int contextWords = words - 2;
        if (mostVerbose && mdType == MD_TYPE_1) {
            if (words != MD_TYPE_1_LENGTH) {
                out.append(" (invalid length for the MD type) (invalid)");
                return;
            }
            for (int n = 0; n < contextWords; n++, at += WORD) {
                if (at + WORD > end) {
                    earlyEnd.mark(out, "nsh");
                    return;
                }
                out.append("\n        Context[");
                Text.twoDigits(out, n);
                out.append("]: 0x");
                Text.hex(out, p.u32(at), 8);
            }
        } else if (mostVerbose && mdType == MD_TYPE_2) {
            at = tlvs(p, at, contextWords, end, out);
            if (at < 0) return;
        } else {
            if ((long) at + contextWords * WORD > end) {
                earlyEnd.mark(out, "nsh");
                return;
            }
            at += contextWords * WORD;
        }
        out.append(verbosity.verbose() ? "\n    " : ": ");
        int payloadLength = length - words * WORD;
        int linkType = switch (nextProtocol) {
            case IPV4 -> LinkType.IPV4;
            case IPV6 -> LinkType.IPV6;
            case ETHERNET -> LinkType.EN10MB;
            default -> -1;
        };
        if (linkType < 0) out.append("ERROR: unknown-next-protocol");
        else if (!inner.print(p, at, payloadLength, end - at, linkType, out)) out.append(" [|nsh]");
    }

    /**
     * MD type 2's context headers ({@code words} 4-byte words at {@code at}): "TLV Class C, Type T, Len L" and the
     * value's bytes per TLV. Where the payload starts, or -1 when the printing ended (marker printed).
     */
    private int tlvs(Packet p, int at, int words, int end, StringBuilder out) {
        int n = 0;
        while (n < words) {
            if (at + WORD > end) {
                earlyEnd.mark(out, "nsh");
                return -1;
            }
            int tlvLength = p.u8(at + 3) & 0x7f;
            int padded = (tlvLength + WORD - 1) & ~(WORD - 1);
            out.append("\n        TLV Class ").append(p.u16(at)).append(", Type ").append(p.u8(at + 2))
                .append(", Len ").append(tlvLength);
            at += WORD;
            n++;
            if (words < n + padded / WORD) {
                out.append(" (length too big) (invalid)");
                return -1;
            }
            if (tlvLength == 0) continue;
            out.append("\n            Value: ");
            for (int i = 0; i < tlvLength; i++, at++) {
                if (at >= end) {
                    earlyEnd.mark(out, "nsh");
                    return -1;
                }
                out.append(i == 0 ? "0x" : ":");
                Text.hex(out, p.u8(at), 2);
            }
            if (at + padded - tlvLength > end) {   // the padding after the value
                earlyEnd.mark(out, "nsh");
                return -1;
            }
            at += padded - tlvLength;
            n += padded / WORD;
        }
        return at;
    }

    /** tok2str's "unknown (0x%02x)". */
    private static void unknown(int value, StringBuilder out) {
        out.append("unknown (0x");
        Text.hex(out, value, 2);
        out.append(')');
    }
}
