package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * The IPv6 extension header chain as tcpdump prints it (print-ip6.c's loop over next headers): hop-by-hop and
 * destination options ({@link Ip6OptionsFormatter}), routing headers "RT6 (len=.., type=.., segleft=.., [0]a) "
 * (print-rt6.c, types 0, 2 and 4), fragment headers "frag (off|len) " (print-frag6.c; a later fragment ends the
 * line) and the mobility header ({@link Ip6MobilityFormatter}, after which tcpdump prints nothing more). It walks
 * the bytes itself, so a chain the dissector rejected still prints as far as tcpdump prints it.
 *
 * <p>After {@link #print} returns true, {@link #protocol}, {@link #offset} and {@link #length} name what follows
 * the chain, and the {@link IpContext} holds the snapshot end (a jumbo payload changes it), whether a fragment
 * header was seen, and the pseudo-header destination (the final segment of a routing header).
 */
final class Ip6ExtensionHeaders {
    static final int HOP_BY_HOP = 0, ROUTING = 43, FRAGMENT = 44, DESTINATION = 60, MOBILITY_OLD = 62,
            MOBILITY = 135;
    private static final int IPV6_HEADER = 40, FRAGMENT_HEADER = 8;
    private static final int TCP = 6, UDP = 17, DCCP = 33, SCTP = 132;
    private static final int ROUTING_TYPE_0 = 0, ROUTING_TYPE_2 = 2, SEGMENT_ROUTING = 4;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final SnapshotBytes in = new SnapshotBytes();
    private final Ip6OptionsFormatter options;
    private final Ip6MobilityFormatter mobility;

    /** After {@link #print}: the protocol after the chain. */
    int protocol;
    /** After {@link #print}: where that protocol starts. */
    int offset;
    /** After {@link #print}: its length per the IPv6 header (unsigned 32 bits, as tcpdump's). */
    long length;

    Ip6ExtensionHeaders(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.options = new Ip6OptionsFormatter(verbosity, earlyEnd);
        this.mobility = new Ip6MobilityFormatter(verbosity, earlyEnd);
    }

    /**
     * Prints "src > dst: " (unless TCP, UDP, DCCP or SCTP follows the IPv6 header directly: they print their own)
     * and the extension headers.
     *
     * @param off        the IPv6 header, whose 40 bytes are captured
     * @param wireLength bytes on the wire from {@code off}, unsigned (tcpdump's u_int)
     * @param ipLength   tcpdump's provisional IP length: payload length + 40, or wire length + 40 when it is 0
     * @param ctx        addresses filled in, {@code end} the snapshot end clipped to {@code ipLength}
     * @return whether the caller prints the protocol that follows
     */
    boolean print(Packet p, IpContext ctx, int off, int wireLength, long ipLength, StringBuilder out) {
        int nh = p.u8(off + 6);
        long payloadLength = p.u16(off + 4);
        long len = ipLength;
        boolean foundExtension = false, foundHopByHop = false, foundJumbo = false;
        ctx.fragmented = false;
        int cp = off;
        int advance = IPV6_HEADER;
        long total = 0;
        while (true) {   // tcpdump's loop condition always holds: each header read its own bytes
            if (len < advance) {
                out.append(" [|ip6]");
                return false;
            }
            cp += advance;
            len -= advance;
            total += advance;
            if (cp == off + IPV6_HEADER && nh != TCP && nh != UDP && nh != DCCP && nh != SCTP) {
                ctx.appendAddresses(out, p);
                out.append(' ');
            }
            switch (nh) {
                case HOP_BY_HOP -> {
                    if (foundHopByHop) {
                        out.append("[The Hop-by-Hop Options header was already found] (invalid)");
                        return false;
                    }
                    if (foundExtension) {
                        out.append("[The Hop-by-Hop Options header don't follow the IPv6 header] (invalid)");
                        return false;
                    }
                    advance = options.hopByHop(p, cp, ctx.end, payloadLength, out);
                    if (advance == Ip6OptionsFormatter.JUMPED) return false;
                    payloadLength = options.payloadLength;
                    foundJumbo = options.foundJumbo;
                    if (payloadLength == 0 && !foundJumbo) {
                        out.append("[No valid Jumbo Payload Hop-by-Hop option found] (invalid)");
                        return false;
                    }
                    if (advance < 0) return false;
                    foundHopByHop = true;
                }
                case DESTINATION -> {
                    advance = options.destination(p, cp, ctx.end, out);
                    if (advance < 0) return false;
                }
                case FRAGMENT -> {
                    advance = fragment(p, cp, off, ctx.end, out);
                    if (advance < 0 || ctx.end <= cp + advance) return false;  // nothing after it is captured
                    ctx.fragmented = true;
                }
                case MOBILITY_OLD, MOBILITY -> {
                    mobility.print(p, cp, ctx.end, out);
                    return false;   // tcpdump goes no further
                }
                case ROUTING -> {
                    if (cp >= ctx.end) {
                        out.append(" [|ip6]");
                        return false;
                    }
                    advance = routing(p, cp, ctx.end, out);
                    if (advance < 0) return false;
                }
                default -> {
                    return afterChain(p, ctx, off, wireLength, nh, cp, len, total, payloadLength, foundJumbo,
                                      foundExtension, out);
                }
            }
            foundExtension = true;
            nh = p.u8(cp);
        }
    }

    /** What follows the chain: its length settled by a jumbo option or a zero payload length. */
    private boolean afterChain(Packet p, IpContext ctx, int off, int wireLength, int nh, int cp, long len, long total,
                               long payloadLength, boolean foundJumbo, boolean foundExtension, StringBuilder out) {
        if (foundJumbo) {
            long ipLength = (payloadLength + IPV6_HEADER) & 0xffffffffL;
            if (ipLength < total) {
                out.append(" [|ip6]");
                return false;
            }
            long wire = Integer.toUnsignedLong(wireLength);   // a jumbogram in a jumbogram's Ethernet frame: past 2^31
            if (wire < ipLength) {
                out.append("truncated-ip6 - ").append(ipLength - wire).append(" bytes missing!");
            }
            ctx.end = (int) Math.min(ctx.end, off + ipLength);
            len = ipLength - total;
        } else if (payloadLength == 0) {
            if (foundExtension) {
                out.append(" [|ip6]");   // no payload to hold them
                return false;
            }
            ctx.end = Math.min(ctx.end, off + IPV6_HEADER);
            len = 0;
        }
        ctx.pseudoDstOffset = finalDestination(p, off, ctx.end);
        protocol = nh;
        offset = cp;
        length = len;
        return true;
    }

    /** A fragment header; -1 for a later fragment (the line ends there) or a truncation. */
    private int fragment(Packet p, int at, int ipOff, int end, StringBuilder out) {
        try (var _ = in.reading(p, end)) {
            long identification = verbosity.verbose() ? in.u32(at + 4) : 0;
            int fragmentOffset = in.u16(at + 2) & 0xfff8;
            // what tcpdump computes in size_t: the payload length less the headers so far, wrapping below zero
            long rest = IPV6_HEADER + in.u16(ipOff + 4) - (long) (at - ipOff) - FRAGMENT_HEADER;
            out.append("frag (");
            if (verbosity.verbose()) {
                out.append("0x");
                Text.hex(out, identification, 8);
                out.append(':');
            }
            out.append(fragmentOffset).append('|');
            Text.u64(out, rest);   // no String for the wrapped value
            out.append(')');
            if (fragmentOffset != 0) return -1;
            out.append(' ');
            return FRAGMENT_HEADER;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "frag6");
            return -1;
        }
    }

    /** A routing header; -1 where tcpdump stops (an odd length, an unknown type, a truncation). */
    private int routing(Packet p, int at, int end, StringBuilder out) {
        out.append("RT6");
        try (var _ = in.reading(p, end)) {
            int len = in.u8(at + 1);
            out.append(" (len=").append(len);
            int type = in.u8(at + 2);
            out.append(", type=").append(type);
            if (type == ROUTING_TYPE_0) out.append(" [Deprecated]");
            int segmentsLeft = in.u8(at + 3);
            out.append(", segleft=").append(segmentsLeft);
            switch (type) {
                case ROUTING_TYPE_0, ROUTING_TYPE_2 -> {
                    long reserved = in.u32(at + 4);
                    if (reserved != 0 || verbosity.verbose()) {
                        out.append(", rsv=0x");
                        Text.hex(out, reserved);
                    }
                }
                case SEGMENT_ROUTING -> {
                    int lastEntry = in.u8(at + 4);
                    out.append(", last-entry=").append(lastEntry);
                    int flags = in.u8(at + 5);
                    if (flags != 0 || verbosity.verbose()) {
                        out.append(", flags=0x");
                        Text.hex(out, flags);
                    }
                    int tag = in.u16(at + 6);
                    out.append(", tag=");
                    Text.hex(out, tag);
                }
                default -> {
                    out.append(" (unknown type) (invalid)");
                    return -1;
                }
            }
            if (len % 2 == 1) {
                out.append(" (invalid length ").append(len).append(") (invalid)");
                return -1;
            }
            for (int i = 0; i < len / 2; i++) {
                int address = at + 8 + 16 * i;
                in.u8(address + 15);   // the whole address is fetched before it is printed
                out.append(", [").append(i).append(']');
                Text.ipv6(out, p, address);
            }
            out.append(") ");
            return (len + 1) << 3;
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "rt6");
            return -1;
        }
    }

    /**
     * tcpdump's pseudo-header destination (ip6_finddst): the last address of a type 0 or 2 routing header, the
     * first segment (the final destination) of a segment routing header, else the IPv6 destination. Only
     * options, fragment and mobility headers are passed on the way to the routing header; an address the
     * capture does not hold is not taken.
     */
    static int finalDestination(Packet p, int off, int end) {
        int dst = off + 24;
        int nh = p.u8(off + 6);
        int cp = off;
        int advance = IPV6_HEADER;
        while (cp < end) {
            cp += advance;
            switch (nh) {
                case HOP_BY_HOP, DESTINATION, MOBILITY_OLD, MOBILITY -> {
                    if (cp + 2 > end) return dst;
                    advance = (p.u8(cp + 1) + 1) << 3;
                    nh = p.u8(cp);
                }
                case FRAGMENT -> {
                    if (cp + 1 > end) return dst;
                    advance = FRAGMENT_HEADER;
                    nh = p.u8(cp);
                }
                case ROUTING -> {
                    if (cp + 4 > end) return dst;
                    int len = p.u8(cp + 1);
                    int type = p.u8(cp + 2);
                    if (len % 2 == 1) return dst;
                    int addresses = switch (type) {
                        case ROUTING_TYPE_0, ROUTING_TYPE_2 -> len / 2;
                        case SEGMENT_ROUTING -> 1;   // segments run backwards: the first is the last hop
                        default -> 0;
                    };
                    for (int i = 0; i < addresses; i++) {
                        int address = cp + 8 + 16 * i;
                        if (address + 16 > end) return dst;
                        dst = address;
                    }
                    return dst;
                }
                default -> {
                    return dst;
                }
            }
        }
        return dst;
    }
}
