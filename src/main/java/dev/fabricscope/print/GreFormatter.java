package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * GRE (IP protocol 47) as tcpdump 4.99 prints it (print-gre.c): version 0 (RFC 1701/2784/2890: with -v its flags and
 * checksum; offset, key, sequence number and source routes) and version 1 (PPTP's enhanced GRE, RFC 2637: call id,
 * sequence and acknowledgement numbers), with -e the protocol's ethertype name, then the carried packet: IPv4, IPv6,
 * MPLS, an Ethernet frame (transparent Ethernet bridging, 0x6558), an ISO PDU (0x00fe, {@link OsiFormatter}) or, in
 * version 1, a PPP frame. tcpdump checks each
 * field before it prints it, so a cut header ends with " [|gre]".
 *
 * <p>tcpdump 4.99 has no ERSPAN (0x88be, 0x22eb) or WCCP (0x883e) printer: those print as {@code gre-proto-0x88be}
 * like any protocol it does not decode, and so do they here. IPX (0x8137) is {@link IpxFormatter}'s, AppleTalk
 * (0x809b) {@link AtalkFormatter}'s.
 */
final class GreFormatter {
    private static final int CHECKSUM = 0x8000, ROUTING = 0x4000, KEY = 0x2000, SEQUENCE = 0x1000,
            STRICT_SOURCE_ROUTE = 0x0800, ACK = 0x0080;
    /** print-gre.c's flag table, in its order. */
    private static final int[] FLAG_BITS = {CHECKSUM, ROUTING, KEY, SEQUENCE, STRICT_SOURCE_ROUTE, ACK};
    private static final String[] FLAG_NAMES = {"checksum present", "routing present", "key present",
        "sequence# present", "source routing present", "ack present"};
    private static final int SRE_IP = 0x0800, SRE_ASN = 0xfffe;
    private static final int IPV4 = 0x0800, IPV6 = 0x86dd, MPLS = 0x8847, TEB = 0x6558, PPP = 0x880b,
            OSI = 0x00fe;

    private final Verbosity verbosity;
    private final boolean linkHeaders;
    private final Encapsulated inner;

    /** The header being read: its packet, the snapshot end, and where and how much is left. */
    private Packet p;
    private int end;
    private int at;
    private int left;

    /** Thrown when the header runs past the capture or the GRE length: tcpdump's "goto trunc". */
    private static final class Truncated extends RuntimeException {
        Truncated() {
            super(null, null, false, false);
        }
    }

    private final Truncated truncated = new Truncated();

    GreFormatter(Verbosity verbosity, boolean linkHeaders, Encapsulated inner) {
        this.verbosity = verbosity;
        this.linkHeaders = linkHeaders;
        this.inner = inner;
    }

    /** The GRE packet at {@code off}: {@code length} bytes on the wire, {@code end} the snapshot end (IP-clipped). */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        this.p = p;
        this.end = end;
        this.at = off;
        this.left = length;
        try {
            int flags = take(2);
            int version = flags & 7;
            out.append("GREv").append(version);
            switch (version) {
                case 0 -> version0(flags, length, out);
                case 1 -> version1(flags, length, out);
                default -> out.append(" ERROR: unknown-version");
            }
        } catch (Truncated t) {
            out.append(" [|gre]");
        } finally {
            this.p = null;
        }
    }

    private void version0(int flags, int length, StringBuilder out) {
        if (verbosity.verbose()) flagNames(flags, out);
        int protocol = take(2);
        if ((flags & (CHECKSUM | ROUTING)) != 0) {
            int sum = take(2);
            if (verbosity.verbose()) {
                out.append(", sum 0x");
                Text.hex(out, sum);
            }
            int offset = take(2);
            out.append(", off 0x");
            Text.hex(out, offset);
        }
        if ((flags & KEY) != 0) {
            long key = take4();
            out.append(", key=0x");
            Text.hex(out, key);
        }
        if ((flags & SEQUENCE) != 0) {
            long sequence = take4();
            out.append(", seq ").append(sequence);
        }
        if ((flags & ROUTING) != 0) sourceRoutes(out);
        protocolAndLength(protocol, length, out);
        out.append(verbosity.verbose() ? "\n\t" : ": ");
        int linkType = switch (protocol) {
            case IPV4 -> LinkType.IPV4;
            case IPV6 -> LinkType.IPV6;
            case MPLS -> Encapsulated.MPLS;
            case TEB -> LinkType.EN10MB;
            case OSI -> Encapsulated.OSI;
            case IpxFormatter.ETHERTYPE -> Encapsulated.IPX;
            case AtalkFormatter.ETHERTYPE -> Encapsulated.ATALK;
            default -> -1;
        };
        carried(linkType, protocol, out);
    }

    private void version1(int flags, int length, StringBuilder out) {
        if (verbosity.verbose()) flagNames(flags, out);
        int protocol = take(2);
        if ((flags & KEY) != 0) {
            long key = take4();   // payload length, then call id
            out.append(", call ").append(key & 0xffff);
        }
        if ((flags & SEQUENCE) != 0) {
            long sequence = take4();
            out.append(", seq ").append(sequence);
        }
        if ((flags & ACK) != 0) {
            long ack = take4();
            out.append(", ack ").append(ack);
        }
        if ((flags & SEQUENCE) == 0) out.append(", no-payload");
        protocolAndLength(protocol, length, out);
        if ((flags & SEQUENCE) == 0) return;
        out.append(verbosity.verbose() ? "\n\t" : ": ");
        carried(protocol == PPP ? Encapsulated.PPP : -1, protocol, out);
    }

    private void protocolAndLength(int protocol, int length, StringBuilder out) {
        if (linkHeaders) {
            String name = EtherTypeNames.of(protocol);
            out.append(", proto ").append(name == null ? "unknown" : name).append(" (0x");
            Text.hex(out, protocol, 4);
            out.append(')');
        }
        out.append(", length ").append(Integer.toUnsignedLong(length));   // tcpdump's u_int (a jumbogram's)
    }

    /**
     * The rest of the GRE packet as {@code linkType}, or tcpdump's "gre-proto-0x..." when it has no printer. Last
     * thing read from the header fields: a carried packet may itself hold GRE, printed by this same instance.
     */
    private void carried(int linkType, int protocol, StringBuilder out) {
        if (linkType < 0) {
            out.append("gre-proto-0x");
            Text.hex(out, protocol);
            return;
        }
        // tcpdump's u_int (a jumbogram's passes 2^31), as the carried packet's printer takes it
        if (!inner.print(p, at, left, end - at, linkType, out)) out.append(" [|gre]");
    }

    /** Source route entries (RFC 1701) until the null one: address family, offset, length, then the route. */
    private void sourceRoutes(StringBuilder out) {
        while (true) {   // terminates: each entry consumes at least 4 bytes of a bounded length
            int family = take(2);
            int offset = take(1);
            int length = take(1);
            if (family == 0 && length == 0) return;
            switch (family) {
                case SRE_IP -> {
                    out.append(", (rtaf=ip");
                    boolean whole = route(offset, length, 3, 4, out);
                    out.append(')');
                    if (!whole) throw truncated;
                }
                case SRE_ASN -> {
                    out.append(", (rtaf=asn");
                    boolean whole = route(offset, length, 1, 2, out);
                    out.append(')');
                    if (!whole) throw truncated;
                }
                default -> {
                    out.append(", (rtaf=0x");
                    Text.hex(out, family);
                    out.append(')');
                }
            }
            skip(length);
        }
    }

    /**
     * The hops of one route entry (IPv4 addresses or 2-byte AS numbers), the current one starred; false when they run
     * past the capture or the GRE length. Reads ahead without consuming: the caller skips the entry.
     */
    private boolean route(int offset, int length, int alignment, int size, StringBuilder out) {
        if ((offset & alignment) != 0) {
            out.append(", badoffset=").append(offset);
            return true;
        }
        if ((length & alignment) != 0) {
            out.append(", badlength=").append(length);
            return true;
        }
        if (offset >= length) {
            out.append(", badoff/len=").append(offset).append('/').append(length);
            return true;
        }
        for (int hop = 0; hop < length; hop += size) {
            int here = at + hop;
            // unsigned: a jumbogram's length passes 2^31 (signed, every entry said "[|gre]")
            if (here + size > end || Integer.compareUnsigned(left - hop, size) < 0) return false;
            out.append(' ');
            if (hop == offset) out.append('*');
            if (size == 4) Text.ipv4(out, p, here);
            else Text.hex(out, p.u16(here));
        }
        return true;
    }

    /** ", Flags [names]" of the set bits tcpdump names, in its table's order; "none" when there are none. */
    private static void flagNames(int flags, StringBuilder out) {
        out.append(", Flags [");
        boolean any = false;
        for (int i = 0; i < FLAG_BITS.length; i++) {
            if ((flags & FLAG_BITS[i]) == 0) continue;
            if (any) out.append(", ");
            out.append(FLAG_NAMES[i]);
            any = true;
        }
        if (!any) out.append("none");
        out.append(']');
    }

    /** The next {@code n} (1 or 2) bytes as a number; truncated past the capture or the GRE length. */
    private int take(int n) {
        if (at + n > end || Integer.compareUnsigned(left, n) < 0) throw truncated;   // unsigned: a jumbogram's
        int value = n == 1 ? p.u8(at) : p.u16(at);
        at += n;
        left -= n;
        return value;
    }

    private long take4() {
        if (at + 4 > end || Integer.compareUnsigned(left, 4) < 0) throw truncated;
        long value = p.u32(at);
        at += 4;
        left -= 4;
        return value;
    }

    private void skip(int n) {
        if (Integer.compareUnsigned(left, n) < 0) throw truncated;
        at += n;
        left -= n;
    }
}
