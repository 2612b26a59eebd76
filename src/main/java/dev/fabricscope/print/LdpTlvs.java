package dev.fabricscope.print;

import static dev.fabricscope.print.LdpNames.*;

/**
 * One LDP TLV (RFC 5036 3.3) as tcpdump 4.99 prints it with -v (print-ldp.c's ldp_tlv_print): its type, length and
 * U/F flags, then the values it decodes: Common Hello Parameters, the transport addresses, Configuration Sequence
 * Number, Address List (IPv4, IPv6), Common Session Parameters, FEC (its first element only: wildcard, prefix, host
 * address, Martini VC with interface parameters), Generic Label, Status, Fault-Tolerant Session Parameters and MTU.
 * The others are dumped in hex at -v only (-vv dumps whole messages instead). A value shorter than tcpdump wants
 * gets " [tlv length N < M] (invalid)" and the next TLV follows.
 */
final class LdpTlvs {
    private static final int HEADER = 4;
    private static final int AFI_INET = 1, AFI_INET6 = 2;
    private static final String PARAMETER_INDENT = "\n\t\t  ";

    private final Verbosity verbosity;
    private final BgpBytes bytes;
    private final BgpNlri prefixes;
    /** tcpdump's nd_trunc_longjmp where a prefix does not fit its TLV: the same end as a fetch past the capture. */
    private final SnapshotBytes.Jump truncated = new SnapshotBytes.Jump();

    LdpTlvs(Verbosity verbosity, BgpBytes bytes) {
        this.verbosity = verbosity;
        this.bytes = bytes;
        this.prefixes = new BgpNlri(verbosity, bytes);
    }

    /**
     * The TLV at {@code at} with {@code messageLeft} bytes left in its message; how many bytes it took, 0 when its
     * length goes past the message (tcpdump then stops decoding the message's TLVs).
     */
    int print(int at, long messageLeft, StringBuilder out) {
        bytes.need(at, HEADER);
        int rawType = bytes.u16(at);
        int length = bytes.u16(at + 2);
        if (length + (long) HEADER > messageLeft) {
            out.append("\n\t\t TLV contents go past end of message");
            return 0;
        }
        int type = rawType & 0x3fff;
        out.append("\n\t    ").append(or(tlv(type), "Unknown")).append(" TLV (0x");
        Text.hex(out, type, 4);
        out.append("), length: ").append(length).append(", Flags: [")
            .append((rawType & 0x8000) != 0 ? "continue processing" : "ignore").append(" and ")
            .append((rawType & 0x4000) != 0 ? "do" : "don't").append(" forward if unknown]");
        value(type, at + HEADER, length, out);
        return length + HEADER;
    }

    private void value(int type, int v, int left, StringBuilder out) {
        switch (type) {
            case COMMON_HELLO -> {
                if (tooShort(left, 4, out)) return;
                int holdTime = bytes.u16(v), flags = bytes.u16(v + 2);
                out.append("\n\t      Hold Time: ").append(holdTime).append("s, Flags: [")
                    .append((flags & 0x8000) != 0 ? "Targeted" : "Link").append(" Hello")
                    .append((flags & 0x4000) != 0 ? ", Request for targeted Hellos" : "").append(']');
            }
            case IPV4_TRANSPORT_ADDRESS -> {
                if (tooShort(left, 4, out)) return;
                bytes.need(v, 4);
                bytes.ip4(out.append("\n\t      IPv4 Transport Address: "), v);
            }
            case IPV6_TRANSPORT_ADDRESS -> {
                if (tooShort(left, 16, out)) return;
                bytes.need(v, 16);
                bytes.ip6(out.append("\n\t      IPv6 Transport Address: "), v);
            }
            case CONFIG_SEQUENCE_NUMBER -> {
                if (tooShort(left, 4, out)) return;
                long number = bytes.u32(v);
                Text.u32(out.append("\n\t      Sequence Number: "), number);
            }
            case ADDRESS_LIST -> addressList(v, left, out);
            case COMMON_SESSION -> {
                if (tooShort(left, 8, out)) return;
                int version = bytes.u16(v), keepalive = bytes.u16(v + 2), flags = bytes.u16(v + 6);
                out.append("\n\t      Version: ").append(version).append(", Keepalive: ").append(keepalive)
                    .append("s, Flags: [Downstream ").append((flags & 0x8000) != 0 ? "On Demand" : "Unsolicited")
                    .append(", Loop Detection ").append((flags & 0x4000) != 0 ? "Enabled" : "Disabled").append(']');
            }
            case FEC -> fec(v, left, out);
            case GENERIC_LABEL -> {
                if (tooShort(left, 4, out)) return;
                long label = bytes.u32(v) & 0xfffff;
                out.append("\n\t      Label: ").append(label);
            }
            case STATUS -> {
                if (tooShort(left, 8, out)) return;
                long status = bytes.u32(v);
                out.append("\n\t      Status: 0x");
                Text.hex(out, status & 0x3fffffff, 2);
                out.append(", Flags: [").append((status & 0x80000000L) != 0 ? "Fatal error" : "Advisory Notification")
                    .append(" and ").append((status & 0x40000000L) != 0 ? "do" : "don't").append(" forward]");
                long causing = bytes.u32(v + 4);
                if (causing != 0) {
                    out.append(", causing Message ID: 0x");
                    Text.hex(out, causing, 8);
                }
            }
            case FT_SESSION -> faultTolerantSession(v, left, out);
            case MTU -> {
                if (tooShort(left, 2, out)) return;
                int mtu = bytes.u16(v);
                out.append("\n\t      MTU: ").append(mtu);
            }
            default -> {
                if (!verbosity.veryVerbose()) bytes.unknownData(out, v, "\n\t      ", left);
            }
        }
    }

    /** tcpdump's TLV_TCHECK: a value shorter than {@code min} is invalid (and the TLV is skipped). */
    private static boolean tooShort(long left, long min, StringBuilder out) {
        if (left >= min) return false;
        out.append(" [tlv length ").append(left).append(" < ").append(min).append("] (invalid)");
        return true;
    }

    private void addressList(int v, int left, StringBuilder out) {
        if (tooShort(left, 2, out)) return;
        int family = bytes.u16(v);
        v += 2;
        left -= 2;
        String name = BgpNames.family(family);
        out.append("\n\t      Address Family: ");
        if (name != null) out.append(name);
        else out.append("Unknown (").append(family).append(')');
        out.append(", addresses");
        int size = family == AFI_INET ? 4 : family == AFI_INET6 ? 16 : 0;
        if (size == 0) return;
        for (; left >= size; left -= size, v += size) {
            bytes.need(v, size);
            out.append(' ');
            if (size == 4) bytes.ip4(out, v);
            else bytes.ip6(out, v);
        }
    }

    private void fec(int v, int left, StringBuilder out) {
        if (tooShort(left, 1, out)) return;
        int type = bytes.u8(v);
        out.append("\n\t      ").append(or(LdpNames.fec(type), "Unknown")).append(" FEC (0x");
        Text.hex(out, type, 2);
        out.append(')');
        v++;
        left--;
        if (type == FEC_PREFIX) prefix(v, left, out);
        else if (type == FEC_MARTINI_VC) martini(v, left, out);
    }

    private void prefix(int v, int left, StringBuilder out) {
        if (tooShort(left, 2, out)) return;
        int family = bytes.u16(v);
        v += 2;
        left -= 2;
        if (family != AFI_INET && family != AFI_INET6) {
            out.append(": Address family ").append(family).append(" prefix");
            return;
        }
        int used = family == AFI_INET ? prefixes.prefix4(v, left) : prefixes.prefix6(v, left);
        if (used == BgpNlri.TRUNCATED) throw truncated;
        out.append(family == AFI_INET ? ": IPv4 prefix " : ": IPv6 prefix ");
        if (used == BgpNlri.ILLEGAL) out.append("(invalid length)");
        else out.append(prefixes.text());
    }

    /** RFC 4447's PWid FEC element (tcpdump's Martini VC): PW type, group and VC IDs, then interface parameters. */
    private void martini(int v, int left, StringBuilder out) {
        if (tooShort(left, 7, out)) return;
        int infoLength = bytes.u8(v + 2);
        if (infoLength == 0) {
            int pwType = bytes.u16(v);
            long group = bytes.u32(v + 3);
            pseudowire(pwType, group, out);
            out.append(", VC-info-length: 0");
            return;
        }
        if (tooShort(left, 11, out)) return;
        int pwType = bytes.u16(v);
        long group = bytes.u32(v + 3);
        long vcId = bytes.u32(v + 7);
        pseudowire(pwType, group, out);
        Text.u32(out.append(", VC-ID "), vcId);
        out.append(", VC-info-length: ").append(infoLength);
        if (infoLength < 4) {
            out.append(" (invalid, < 4");
            return;
        }
        infoLength -= 4;   // the VC ID's; interface parameters take the rest
        v += 11;
        left -= 11;
        if (tooShort(left, infoLength, out)) return;
        while (infoLength > 2) {
            int type = bytes.u8(v), length = bytes.u8(v + 1);
            if (length < 2 || infoLength < length) break;
            out.append("\n\t\tInterface Parameter: ").append(or(interfaceParameter(type), "Unknown")).append(" (0x");
            Text.hex(out, type, 2);
            out.append("), len ").append(length);
            switch (type) {
                case PARAMETER_MTU -> {
                    int mtu = bytes.u16(v + 2);
                    out.append(": ").append(mtu);
                }
                case PARAMETER_DESCRIPTION -> bytes.printn(out.append(": "), v + 2, length - 2);
                case PARAMETER_VCCV -> {
                    int channels = bytes.u8(v + 2);
                    vccv(out, "\n\t\t  Control Channels (0x", channels, CONTROL_CHANNELS);
                    int verification = bytes.u8(v + 3);
                    vccv(out, "\n\t\t  CV Types (0x", verification, VERIFICATION_TYPES);
                }
                default -> bytes.unknownData(out, v + 2, PARAMETER_INDENT, length - 2);
            }
            infoLength -= length;
            v += length;
        }
    }

    private static void pseudowire(int pwType, long group, StringBuilder out) {
        out.append(": ").append(or(pseudowireType(pwType & 0x7fff), "Unknown")).append(", ")
            .append((pwType & 0x8000) != 0 ? "" : "no ").append("control word, group-ID ");
        Text.u32(out, group);
    }

    private static void vccv(StringBuilder out, String label, int bits, String[] names) {
        out.append(label);
        Text.hex(out, bits, 2);
        out.append(") = [");
        Text.bitNames(out, bits, names);
        out.append(']');
    }

    private void faultTolerantSession(int v, int left, StringBuilder out) {
        if (tooShort(left, 12, out)) return;
        int flags = bytes.u16(v);
        out.append("\n\t      Flags: [").append((flags & 0x8000) != 0 ? "" : "No ").append("Reconnect, ")
            .append((flags & 0x8) != 0 ? "" : "Don't ").append("Save State, ")
            .append((flags & 0x4) != 0 ? "" : "No ").append("All-Label Protection, ")
            .append((flags & 0x2) != 0 ? "Sequence Numbered Label" : "All Labels").append(" Checkpoint, ")
            .append((flags & 0x1) != 0 ? "" : "Don't ").append("Re-Learn State]");
        long reconnect = bytes.u32(v + 4);
        if (reconnect != 0) milliseconds(out, ", Reconnect Timeout: ", reconnect);
        long recovery = bytes.u32(v + 8);
        if (recovery != 0) milliseconds(out, ", Recovery Time: ", recovery);
    }

    private static void milliseconds(StringBuilder out, String label, long value) {
        Text.u32(out.append(label), value);
        out.append("ms");
    }
}
