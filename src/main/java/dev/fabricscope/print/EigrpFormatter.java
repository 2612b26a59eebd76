package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * EIGRP (RFC 7868; IP protocol 88 over IPv4 and IPv6) as tcpdump 4.99 prints it (print-eigrp.c). By default the
 * opcode and the IP payload length: {@code EIGRP Hello, length: 40}. With -v the header (version, opcode, checksum,
 * flags, sequence and acknowledgement numbers, virtual router ID, AS, the TLVs' length), then every TLV: General
 * Parameters (K values, hold time), Software Version, the IPv4 internal and external routes and the AppleTalk ones
 * decoded; the others (Authentication, Sequence, Next Multicast Sequence, IPX, IPv6 routes, ...) in hex. With -vv
 * every TLV is also dumped in hex.
 *
 * <p>As tcpdump: a header or TLV not all captured ends the packet with " [|eigrp]" (printed there, the link-level
 * header still counting for -x); a route's destination reaching past the captured bytes ends it as a fetch does
 * ({@link EarlyEnd}); a TLV shorter than its header or longer than what is left dumps the rest in hex and ends it.
 */
final class EigrpFormatter {
    static final int PROTOCOL = 88;
    private static final int HEADER = 20, TLV_HEADER = 4;
    private static final int GENERAL_PARAMETERS = 0x0001, SOFTWARE_VERSION = 0x0004, IP_INTERNAL = 0x0102,
        IP_EXTERNAL = 0x0103, APPLETALK_INTERNAL = 0x0202, APPLETALK_EXTERNAL = 0x0203, APPLETALK_CABLE = 0x0204;
    private static final String[] FLAGS = {"Init", "Conditionally Received", "Restart", "End-of-Table"};
    private static final String INDENT = "\n\t    ";

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes bytes = new SnapshotBytes();

    EigrpFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
    }

    /**
     * The packet at {@code off}, {@code length} bytes of IP payload taken unsigned (tcpdump's u_int: an IPv6
     * jumbogram's passes 2^31); {@code end} is the snapshot end.
     */
    void format(Packet packet, int off, int length, int end, StringBuilder out) {
        try (var _ = bytes.reading(packet, end)) {
            // tcpdump's ND_TCHECK: no jump
            if (!message(off, Integer.toUnsignedLong(length), out)) out.append(" [|eigrp]");
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "eigrp");
        }
    }

    /** False where tcpdump's length checks find the header or a TLV not all captured. */
    private boolean message(int bp, long len, StringBuilder out) {
        if (!bytes.has(bp, HEADER)) return false;
        int version = bytes.u8(bp), opcode = bytes.u8(bp + 1);
        if (version != 2) {
            out.append("EIGRP version ").append(version).append(" packet not supported");
            return true;
        }
        if (!verbosity.verbose() || len < HEADER) {
            out.append("EIGRP ");
            String name = opcode(opcode);
            if (name != null) out.append(name);
            else out.append("unknown (").append(opcode).append(')');
            out.append(", length: ").append(len);
            if (verbosity.verbose()) out.append(" (too short, < ").append(HEADER).append(')');
            return true;
        }
        long tlen = len - HEADER;
        String name = opcode(opcode);
        out.append("\n\tEIGRP v").append(version).append(", opcode: ");
        if (name != null) out.append(name);
        else out.append("unknown, type: ").append(opcode);
        out.append(" (").append(opcode).append("), chksum: 0x");
        Text.hex(out, bytes.u16(bp + 2), 4);
        out.append(", Flags: [");
        Text.bitNames(out, (int) bytes.u32(bp + 4), FLAGS);
        out.append("]\n\tseq: 0x");
        Text.hex(out, bytes.u32(bp + 8), 8);
        out.append(", ack: 0x");
        Text.hex(out, bytes.u32(bp + 12), 8);
        out.append(", VRID: ").append(bytes.u16(bp + 16)).append(", AS: ").append(bytes.u16(bp + 18))
            .append(", length: ").append(tlen);
        int tptr = bp + HEADER;
        while (tlen > 0) {
            if (!bytes.has(tptr, TLV_HEADER)) return false;
            int tlvLength = bytes.u16(tptr + 2), type = bytes.u16(tptr);
            if (tlvLength < TLV_HEADER || tlvLength > tlen) {
                // its dump ends with the capture: a length past 2^31 (a jumbogram's) as 2^31-1 prints the same
                bytes.unknownData(out, tptr + TLV_HEADER, INDENT, UnsignedLength.clamped(tlen));
                return true;
            }
            out.append("\n\t  ").append(tlvName(type)).append(" TLV (0x");
            Text.hex(out, type, 4);
            out.append("), length: ").append(tlvLength);
            int value = tptr + TLV_HEADER, valueLength = tlvLength - TLV_HEADER;
            if (!bytes.has(tptr, tlvLength)) return false;
            switch (type) {
                case GENERAL_PARAMETERS -> {
                    if (tooShort(valueLength, 8, out)) break;
                    out.append(INDENT).append("holdtime: ").append(bytes.u16(value + 6)).append("s, k1 ")
                        .append(bytes.u8(value)).append(", k2 ").append(bytes.u8(value + 1)).append(", k3 ")
                        .append(bytes.u8(value + 2)).append(", k4 ").append(bytes.u8(value + 3)).append(", k5 ")
                        .append(bytes.u8(value + 4));
                }
                case SOFTWARE_VERSION -> {
                    if (tooShort(valueLength, 4, out)) break;
                    out.append(INDENT).append("IOS version: ").append(bytes.u8(value)).append('.')
                        .append(bytes.u8(value + 1)).append(", EIGRP version ").append(bytes.u8(value + 2)).append('.')
                        .append(bytes.u8(value + 3));
                }
                case IP_INTERNAL -> ipRoute(value, valueLength, false, out);
                case IP_EXTERNAL -> ipRoute(value, valueLength, true, out);
                case APPLETALK_CABLE -> {
                    if (tooShort(valueLength, 8, out)) break;
                    out.append(INDENT).append("Cable-range: ").append(bytes.u16(value)).append('-')
                        .append(bytes.u16(value + 2)).append(", Router-ID ");
                    Text.u32(out, bytes.u32(value + 4));
                }
                case APPLETALK_INTERNAL -> {
                    if (tooShort(valueLength, 24, out)) break;
                    appleTalkNextHop(value, value + 20, out);
                    metric(value + 4, out);
                }
                case APPLETALK_EXTERNAL -> {
                    if (tooShort(valueLength, 40, out)) break;
                    appleTalkNextHop(value, value + 36, out);
                    out.append("\n\t      origin-router ");
                    Text.u32(out, bytes.u32(value + 4));
                    out.append(", origin-as ");
                    Text.u32(out, bytes.u32(value + 8));
                    origin(bytes.u8(value + 16), bytes.u8(value + 17), bytes.u32(value + 12), out);
                    out.append(bytes.u16(value + 18));
                    metric(value + 20, out);
                }
                default -> {   // the TLVs tcpdump has no decoder for
                    if (!verbosity.veryVerbose()) bytes.unknownData(out, value, INDENT, valueLength);
                }
            }
            if (verbosity.veryVerbose()) bytes.unknownData(out, value, INDENT, valueLength);
            tptr += tlvLength;
            tlen -= tlvLength;
        }
        return true;
    }

    /** Whether a TLV's value is shorter than its structure: then tcpdump says so (counting the header) and goes on. */
    private static boolean tooShort(int valueLength, int size, StringBuilder out) {
        if (valueLength >= size) return false;
        out.append(" (too short, < ").append(TLV_HEADER + size).append(')');
        return true;
    }

    /** An IPv4 internal (next hop, metric, prefix) or external (also origin router, AS, tag, protocol) route. */
    private void ipRoute(int v, int valueLength, boolean external, StringBuilder out) {
        if (tooShort(valueLength, external ? 42 : 22, out)) return;
        int metric = external ? v + 24 : v + 4, prefixLength = metric + 16;
        int bits = bytes.u8(prefixLength);
        if (bits > 32) {
            out.append(INDENT).append("illegal prefix length ").append(bits);
            return;
        }
        int destination = prefixLength + 1, byteLength = (bits + 7) / 8;
        bytes.need(destination, byteLength);   // GET_CPY_BYTES: may reach past the TLV, not past the capture
        out.append(INDENT).append("IPv4 prefix: ");
        int width = 3;
        for (int i = 0; i < 4; i++) width += digits(i < byteLength ? bytes.u8(destination + i) : 0);
        for (int i = width; i < 15; i++) out.append(' ');
        for (int i = 0; i < 4; i++) {
            if (i > 0) out.append('.');
            out.append(i < byteLength ? bytes.u8(destination + i) : 0);
        }
        out.append('/').append(bits).append(", nexthop: ");
        if (bytes.u32(v) == 0) out.append("self");
        else bytes.ip4(out, v);
        if (external) {
            bytes.ip4(out.append("\n\t      origin-router "), v + 4);
            out.append(", origin-as ");
            Text.u32(out, bytes.u32(v + 8));
            origin(bytes.u8(v + 22), bytes.u8(v + 23), bytes.u32(v + 12), out);
            Text.u32(out, bytes.u32(v + 16));
        }
        metric(metric, out);
    }

    /** The external routes' origin protocol, flags and tag, up to the metric (printed by the caller). */
    private static void origin(int protocol, int flags, long tag, StringBuilder out) {
        out.append(", origin-proto ").append(originProtocol(protocol)).append(", flags [0x");
        Text.hex(out, flags, 2);
        out.append("], tag 0x");
        Text.hex(out, tag, 8);
        out.append(", metric ");
    }

    private void appleTalkNextHop(int nextHop, int cable, StringBuilder out) {
        out.append("\n\t     Cable-Range: ").append(bytes.u16(cable)).append('-').append(bytes.u16(cable + 2))
            .append(", nexthop: ");
        if (bytes.u32(nextHop) == 0) out.append("self");
        else out.append(bytes.u16(nextHop)).append('.').append(bytes.u16(nextHop + 2));
    }

    /** Delay (tens of microseconds, printed in ms), bandwidth, MTU, hop count, reliability, load. */
    private void metric(int at, StringBuilder out) {
        out.append("\n\t      delay ");
        Text.u32(out, bytes.u32(at) / 100);
        out.append(" ms, bandwidth ");
        Text.u32(out, bytes.u32(at + 4));
        out.append(" Kbps, mtu ").append(bytes.u24(at + 8)).append(", hop ").append(bytes.u8(at + 11))
            .append(", reliability ").append(bytes.u8(at + 12)).append(", load ").append(bytes.u8(at + 13));
    }

    private static int digits(int octet) {
        return octet >= 100 ? 3 : octet >= 10 ? 2 : 1;
    }

    private static String opcode(int opcode) {
        return switch (opcode) {
            case 1 -> "Update";
            case 3 -> "Query";
            case 4 -> "Reply";
            case 5 -> "Hello";
            case 6 -> "IPX SAP";
            case 7 -> "Probe";
            default -> null;
        };
    }

    private static String originProtocol(int id) {
        return switch (id) {
            case 1 -> "IGRP";
            case 2 -> "EIGRP";
            case 3 -> "Static";
            case 4 -> "RIP";
            case 5 -> "Hello";
            case 6 -> "OSPF";
            case 7 -> "IS-IS";
            case 8 -> "EGP";
            case 9 -> "BGP";
            case 10 -> "IDRP";
            case 11 -> "Connected";
            default -> "unknown";
        };
    }

    private static String tlvName(int type) {
        return switch (type) {
            case GENERAL_PARAMETERS -> "General Parameters";
            case 0x0002 -> "Authentication";
            case 0x0003 -> "Sequence";
            case SOFTWARE_VERSION -> "Software Version";
            case 0x0005 -> "Next Multicast Sequence";
            case IP_INTERNAL -> "IP Internal routes";
            case IP_EXTERNAL -> "IP External routes";
            case APPLETALK_INTERNAL -> "AppleTalk Internal routes";
            case APPLETALK_EXTERNAL -> "AppleTalk External routes";
            case APPLETALK_CABLE -> "AppleTalk Cable setup";
            case 0x0302 -> "IPX Internal routes";
            case 0x0303 -> "IPX External routes";
            default -> "Unknown";
        };
    }
}
