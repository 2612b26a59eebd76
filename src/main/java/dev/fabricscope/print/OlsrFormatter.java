package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * OLSR (RFC 3626 and olsr.org's extensions) on UDP 698 as tcpdump 4.99 prints it (print-olsr.c): {@code OLSRv4} or
 * {@code OLSRv6} by the IP version, the packet's sequence number and length; with -v each message: HELLO and LQ-HELLO
 * with their link codes and neighbours, TC and LQ-TC, MID, HNA (IPv4 smart-gateway entries and their link speeds,
 * IPv6 masks as prefix lengths), name service, others as hex. tcpdump's quirks kept: plain HELLO and TC neighbours
 * are IPv4 addresses over IPv6 too, IPv6 HNA entries are all numbered #0, a message is valid when it fits the whole
 * packet (not what is left of it), a mask that is not a prefix prints as 4294967295. Where tcpdump checks the
 * capture itself it prints " [|olsr]"; where its fetch jumps out (TC neighbours, name-service counts) the same
 * marker goes through {@link EarlyEnd}.
 */
final class OlsrFormatter {
    static final int PORT = 698;
    private static final int HELLO = 1, TC = 2, MID = 3, HNA = 4, POWERINFO = 128, NAMESERVICE = 130,
        HELLO_LQ = 201, TC_LQ = 202;
    private static final String TRUNC = " [|olsr]";
    /** The smart-gateway flags in an IPv4 HNA entry's mask, second byte. */
    private static final int GW_LINKSPEED = 1, GW_IPV4 = 2, GW_IPV4_NAT = 4, GW_IPV6 = 8, GW_IPV6_PREFIX = 16;
    private static final long MAX_GW_SPEED = 320_000_000;
    /** What a message printer returns: go on with the next message, or stop the packet (marker printed or not). */
    private static final int NEXT = 0, TRUNCATED = 1, JUMPED = 2;

    private final boolean verbose;
    private final EarlyEnd earlyEnd;

    OlsrFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbose = verbosity.verbose();
        this.earlyEnd = earlyEnd;
    }

    /** The datagram at {@code off}, {@code length} bytes by the UDP header, captured to {@code end}. */
    void format(Packet p, int off, int length, int end, boolean v6, StringBuilder out) {
        out.append("OLSRv").append(v6 ? '6' : '4');
        if (length < 4 || off + 4 > end) {
            out.append(TRUNC);
            return;
        }
        length = Math.min(length, p.u16(off));
        out.append(", seq 0x");
        Text.hex(out, p.u16(off + 2), 4);
        out.append(", length ").append(length);
        if (!verbose) return;
        int header = v6 ? 24 : 12, addr = v6 ? 16 : 4;
        for (int t = off + 4; t < off + length; ) {
            if (t + header > end) {
                out.append(TRUNC);
                return;
            }
            int type = p.u8(t), msgLen = p.u16(t + 2);
            boolean valid = msgLen >= header && msgLen <= length;
            if (type == 0 || msgLen == 0) return;   // tcpdump's guard against looping forever
            out.append("\n\t").append(name(type)).append(" Message (0x");
            Text.hex(out, type, 2);
            out.append("), originator ");
            address(p, t + 4, v6, out);
            out.append(", ttl ").append(p.u8(t + 4 + addr)).append(", hop ").append(p.u8(t + 5 + addr))
                .append("\n\t  vtime ");
            time(p.u8(t + 1), out);
            out.append("s, msg-seq 0x");
            Text.hex(out, p.u16(t + 6 + addr), 4);
            out.append(", length ").append(msgLen);
            if (!valid) {
                out.append(" (invalid)");
                return;
            }
            int result = message(p, type, t + header, msgLen - header, end, v6, out);
            if (result == TRUNCATED) out.append(TRUNC);
            if (result != NEXT) return;
            t += msgLen;
        }
    }

    private int message(Packet p, int type, int data, int tlen, int end, boolean v6, StringBuilder out) {
        int addr = v6 ? 16 : 4;
        switch (type) {
            case HELLO, HELLO_LQ -> {
                if (tlen < 4 || data + 4 > end) return TRUNCATED;
                out.append("\n\t  hello-time ");
                time(p.u8(data + 2), out);
                out.append("s, MPR willingness ").append(p.u8(data + 3));
                data += 4;
                tlen -= 4;
                while (tlen >= 4) {
                    if (data + 4 > end) return TRUNCATED;
                    int code = p.u8(data), helloLen = p.u16(data + 2);
                    boolean valid = helloLen <= tlen && helloLen >= 4;
                    out.append("\n\t    link-type ").append(linkType(code & 3)).append(", neighbor-type ")
                        .append(neighborType(code >> 2)).append(", len ").append(helloLen);
                    if (!valid) {
                        out.append(" (invalid)");
                        break;
                    }
                    data += 4;
                    tlen -= 4;
                    helloLen -= 4;
                    if (data + helloLen > end) return TRUNCATED;
                    int result = type == HELLO ? neighbors(p, data, helloLen, end, out)
                        : lqNeighbors(p, data, helloLen, end, v6, out);
                    if (result != NEXT) return result;
                    data += helloLen;
                    tlen -= helloLen;
                }
                return NEXT;
            }
            case TC, TC_LQ -> {
                if (tlen < 4 || data + 4 > end) return TRUNCATED;
                out.append("\n\t    advertised neighbor seq 0x");
                Text.hex(out, p.u16(data), 4);
                return type == TC ? neighbors(p, data + 4, tlen - 4, end, out)
                    : lqNeighbors(p, data + 4, tlen - 4, end, v6, out);
            }
            case MID -> {
                for (; tlen >= addr; data += addr, tlen -= addr) {
                    if (data + addr > end) return TRUNCATED;
                    out.append("\n\t  interface address ");
                    address(p, data, v6, out);
                }
                return NEXT;
            }
            case HNA -> {
                return v6 ? hna6(p, data, tlen, end, out) : hna4(p, data, tlen, end, out);
            }
            case NAMESERVICE -> {
                return names(p, data, tlen, end, addr, v6, out);
            }
            default -> {   // print_unknown_data
                if (data > end) {
                    out.append("\n\t    Dissector error: print_unknown_data called with pointer past end of packet");
                } else {
                    HexDump.hex(p, data, Math.min(tlen, end - data), "\n\t    ", out);
                }
                return NEXT;
            }
        }
    }

    /** Plain neighbours: IPv4 addresses whatever the IP version, each fetched (tcpdump checked HELLO's, not TC's). */
    private int neighbors(Packet p, int data, int len, int end, StringBuilder out) {
        out.append("\n\t      neighbor\n\t\t");
        for (; len >= 4; data += 4, len -= 4) {
            if (data + 4 > end) {
                earlyEnd.mark(out, "olsr");
                return JUMPED;
            }
            Text.ipv4(out, p, data);
            out.append(' ');   // tcpdump means four a line but never counts them
        }
        return NEXT;
    }

    /** Neighbours with link qualities: address, then two bytes of quality out of 255 as percentages, two reserved. */
    private static int lqNeighbors(Packet p, int data, int len, int end, boolean v6, StringBuilder out) {
        int size = v6 ? 20 : 8, addr = v6 ? 16 : 4;
        for (; len >= size; data += size, len -= size) {
            if (data + size > end) return TRUNCATED;
            out.append("\n\t      neighbor ");
            address(p, data, v6, out);
            out.append(", link-quality ");
            Text.twoDecimals(out, p.u8(data + addr) / 2.55);
            out.append("%, neighbor-link-quality ");
            Text.twoDecimals(out, p.u8(data + addr + 1) / 2.55);
            out.append('%');
        }
        return NEXT;
    }

    private static int hna6(Packet p, int data, int tlen, int end, StringBuilder out) {
        out.append("\n\t  Advertised networks (total ").append(tlen / 32).append(')');
        for (; tlen >= 32; data += 32, tlen -= 32) {
            if (data + 32 > end) return TRUNCATED;
            out.append("\n\t    #0: ");   // tcpdump never advances its counter
            Text.ipv6(out, p, data);
            out.append('/').append(prefixLength6(p, data + 16));
        }
        return NEXT;
    }

    /** Four entries a line; a zero network with a zero first mask byte and flags in the second is a smart gateway. */
    private static int hna4(Packet p, int data, int tlen, int end, StringBuilder out) {
        out.append("\n\t  Advertised networks (total ").append(tlen / 8).append(')');
        for (int col = 0; tlen >= 8; data += 8, tlen -= 8, col = (col + 1) % 4) {
            if (data + 8 > end) return TRUNCATED;
            out.append(col == 0 ? "\n\t    " : ", ");
            int flags = p.u8(data + 5);
            if (p.u32(data) == 0 && p.u8(data + 4) == 0 && flags != 0) {
                out.append("Smart-Gateway:");
                if ((flags & GW_LINKSPEED) != 0) out.append(" LINKSPEED");
                if ((flags & GW_IPV4) != 0) out.append(" IPV4");
                if ((flags & GW_IPV4_NAT) != 0) out.append(" IPV4-NAT");
                if ((flags & GW_IPV6) != 0) out.append(" IPV6");
                if ((flags & GW_IPV6_PREFIX) != 0) out.append(" IPv6-PREFIX");
                boolean speeds = (flags & GW_LINKSPEED) != 0;
                out.append(' ').append(speeds ? speed(p.u8(data + 6)) : 0)
                    .append('/').append(speeds ? speed(p.u8(data + 7)) : 0);
            } else {
                Text.ipv4(out, p, data);
                int plen = prefixLength4(p.u32(data + 4));
                out.append('/').append(plen & 0xffffffffL);
            }
        }
        return NEXT;
    }

    /** olsr.org's name service: version, entry count, then each entry's type, length, address and padded name. */
    private int names(Packet p, int data, int tlen, int end, int addr, boolean v6, StringBuilder out) {
        if (tlen < 4) return TRUNCATED;
        if (data + 4 > end) {
            earlyEnd.mark(out, "olsr");
            return JUMPED;
        }
        int entries = p.u16(data + 2);
        boolean valid = entries > 0 && entries * (4 + addr) <= tlen;
        out.append("\n\t  Version ").append(p.u16(data)).append(", Entries ").append(entries);
        if (!valid) {
            out.append(" (invalid)");
            return NEXT;
        }
        data += 4;
        tlen -= 4;
        for (int i = 0; i < entries && tlen >= 4; i++) {
            if (data + 4 > end) {
                earlyEnd.mark(out, "olsr");
                return JUMPED;
            }
            int entryType = p.u16(data), entryLen = p.u16(data + 2);
            data += 4;
            tlen -= 4;
            boolean entryValid = entryLen > 0 && addr + entryLen <= tlen;
            out.append("\n\t    #").append(i).append(": type ");
            if (entryType == 0) {
                out.append("000000");   // C's %#06x prints no 0x for zero
            } else {
                out.append("0x");
                Text.hex(out, entryType, 4);
            }
            out.append(", length ").append(entryLen);
            if (!entryValid) {
                out.append(" (invalid)");
                return NEXT;
            }
            int padded = addr + entryLen + (entryLen % 4 != 0 ? 4 - entryLen % 4 : 0);   // names end 32-bit aligned
            if (tlen < padded || data + padded > end) return TRUNCATED;
            out.append(", address ");
            address(p, data, v6, out);
            out.append(", name \"");
            for (int k = 0; k < entryLen; k++) Text.printableChar(out, p.u8(data + addr + k));
            out.append('"');
            data += padded;
            tlen -= padded;
        }
        return NEXT;
    }

    private static void address(Packet p, int at, boolean v6, StringBuilder out) {
        if (v6) Text.ipv6(out, p, at);
        else Text.ipv4(out, p, at);
    }

    /**
     * An 8-bit mantissa/exponent time (RFC 3626 section 18.3: 1/16 s times (1 + a/16) times 2^b) as C's %.3f: the
     * value is k/256 exactly, rounded half to even as glibc does.
     */
    static void time(int me, StringBuilder out) {
        long k = (16L + (me >> 4)) << (me & 0xf);
        long scaled = k * 125, thousandths = scaled / 32, rest = scaled % 32;   // k/256 s in thousandths: k*125/32
        if (rest > 16 || rest == 16 && (thousandths & 1) == 1) thousandths++;
        out.append(thousandths / 1000).append('.');
        Text.zeroPadded(out, thousandths % 1000, 3);
    }

    /** A smart gateway's link speed in kbit/s: 5 bits of mantissa minus one, 3 of decimal exponent; 255 the most. */
    static long speed(int value) {
        if (value == 0) return 0;
        if (value == 0xff) return MAX_GW_SPEED;
        long speed = (value >> 3) + 1;
        for (int exp = value & 7; exp > 0; exp--) speed *= 10;
        return speed;
    }

    /** tcpdump's mask2plen: the prefix length of a contiguous mask, else -1. */
    private static int prefixLength4(long mask) {
        for (int plen = 32; plen >= 0; plen--) {
            if (((0xffffffff00000000L >>> plen) & 0xffffffffL) == mask) return plen;
        }
        return -1;
    }

    /** tcpdump's mask62plen: the bits of the leading 0xff bytes, plus those of the first other byte if it is a prefix. */
    private static int prefixLength6(Packet p, int at) {
        int plen = 0;
        for (int i = 0; i < 16; i++) {
            int b = p.u8(at + i);
            if (b == 0xff) {
                plen += 8;
                continue;
            }
            int ones = Integer.numberOfLeadingZeros(~(b << 24));
            if (((0xff00 >> ones) & 0xff) == b) plen += ones;
            break;
        }
        return plen;
    }

    private static String name(int type) {
        return switch (type) {
            case HELLO -> "Hello";
            case TC -> "TC";
            case MID -> "MID";
            case HNA -> "HNA";
            case POWERINFO -> "Powerinfo";
            case NAMESERVICE -> "Nameservice";
            case HELLO_LQ -> "Hello-LQ";
            case TC_LQ -> "TC-LQ";
            default -> "Unknown";
        };
    }

    private static String linkType(int type) {
        return switch (type) {
            case 0 -> "Unspecified";
            case 1 -> "Asymmetric";
            case 2 -> "Symmetric";
            default -> "Lost";
        };
    }

    private static String neighborType(int type) {
        return switch (type) {
            case 0 -> "Not-Neighbor";
            case 1 -> "Symmetric";
            case 2 -> "Symmetric-MPR";
            default -> "Unknown";
        };
    }
}
