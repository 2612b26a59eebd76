package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * OSPFv3 LSA headers and bodies as tcpdump 4.99 prints them (print-ospf6.c's ospf6_print_lshdr and ospf6_print_lsa):
 * router, network, inter-area prefix, AS external, link and intra-area prefix LSAs, grace and intra-area TE LSAs
 * (their TLVs as OSPFv2's, {@link OspfOpaque}), a hex dump of any other. tcpdump's quirks are kept: a header length
 * below 20 prints as a 64-bit wrap, the intra-area prefix LSA counts 6 bytes of its 12-byte preamble against its
 * length. Where tcpdump gives up it throws the formatter's {@link OspfBytes.Stop}.
 */
final class Ospf6Lsa {
    static final int HEADER = 20;
    private static final int ROUTER = 0x2001, NETWORK = 0x2002, INTER_AREA_PREFIX = 0x2003, EXTERNAL = 0x4005,
        LINK = 0x0008, INTRA_AREA_PREFIX = 0x2009, GRACE = 0x000b, INTRA_AREA_TE = 0x000a;
    private static final int EXTERNAL_FORWARD = 0x02000000, EXTERNAL_TAG = 0x01000000;

    private final OspfBytes b;
    private final OspfOpaque opaque;
    private final OspfBytes.Stop stop;
    /** A prefix's bytes, zero-filled to an address, read by {@link Text#ipv6} through {@link #prefixView}. */
    private final byte[] prefix = new byte[16];
    private final Packet prefixView = new Packet();

    Ospf6Lsa(Verbosity verbosity, OspfBytes b, OspfBytes.Stop stop) {
        this.b = b;
        this.stop = stop;
        this.opaque = new OspfOpaque(verbosity, b);
        prefixView.set(prefix, 0, prefix.length, prefix.length, 0, 0, LinkType.RAW, 0);
    }

    /** "Router LSA (1), Area Local Scope, LSA-ID 0.0.0.1" on its own line. */
    void type(int type, int id, StringBuilder out) {
        b.need(id, 4);
        out.append("\n\t    ").append(Ospf6Names.lsa(type & 0x1fff)).append(" LSA (").append(type & 0x1fff).append("), ")
            .append(Ospf6Names.scope(type & 0x6000)).append(" Scope").append((type & 0x8000) != 0 ? ", transitive" : "")
            .append(", LSA-ID ");
        b.ip4(out, id);
    }

    void header(int at, int dataEnd, StringBuilder out) {
        if (at + HEADER > dataEnd) throw stop;
        b.need(at, HEADER);
        int length = b.u16(at + 18);
        out.append("\n\t  Advertising Router ");
        b.ip4(out, at + 8);
        out.append(", seq ");
        LldpText.hex(out, b.u32(at + 12), 8);
        out.append(", age ").append(b.u16(at)).append("s, length ");
        if (length >= HEADER) out.append(length - HEADER);
        else out.append("1844674407370955").append(1616 - (HEADER - length));   // 2^64 - (20 - length): size_t
        type(b.u16(at + 2), at + 4, out);
    }

    void lsa(int at, int dataEnd, StringBuilder out) {
        header(at, dataEnd, out);
        int length = b.u16(at + 18);
        if (length < HEADER || (long) at + length > dataEnd) throw stop;
        int left = length - HEADER;
        int body = at + HEADER;
        switch (b.u16(at + 2)) {
            case ROUTER -> router(body, left, out);
            case NETWORK -> {
                if (left < 4) throw stop;
                left -= 4;
                Ospf6Formatter.options(out, b.u32(body), "\n\t      Options [");
                out.append("\n\t      Connected Routers:");
                for (int r = body + 4; left != 0; r += 4) {
                    if (left < 4) throw stop;
                    left -= 4;
                    b.need(r, 4);
                    b.ip4(out.append("\n\t\t"), r);
                }
            }
            case INTER_AREA_PREFIX -> {
                if (left < 4) throw stop;
                left -= 4;
                long metric = b.u32(body) & 0xffffff;
                out.append(", metric ").append(metric);
                for (int p = body + 4; left != 0; ) {
                    int size = prefix(p, left, out);
                    left -= size;
                    p += size;
                }
            }
            case EXTERNAL -> external(body, left, out);
            case LINK -> {
                if (left < 4) throw stop;
                left -= 4;
                if (!b.has(body, 4)) throw stop;
                Ospf6Formatter.options(out, b.u32(body), "\n\t      Options [");
                if (left < 20) throw stop;
                left -= 20;
                long prefixes = b.u32(body + 20);
                int priority = b.u8(body);
                b.need(body + 4, 16);
                out.append("\n\t      Priority ").append(priority).append(", Link-local address ");
                b.ip6(out, body + 4);
                out.append(", Prefixes ");
                Text.u32(out, prefixes);
                out.append(':');
                prefixes(body + 24, left, prefixes, out);
            }
            case INTRA_AREA_PREFIX -> {
                if (left < 4) throw stop;
                left -= 4;
                if (!b.has(body + 8, 4)) throw stop;
                type(b.u16(body + 2), body + 4, out);
                if (left < 2) throw stop;
                left -= 2;
                int prefixes = b.u16(body);
                out.append("\n\t      Prefixes ").append(prefixes).append(':');
                prefixes(body + 12, left, prefixes, out);
            }
            case GRACE -> {
                if (!opaque.grace(body, left, out)) throw stop;
            }
            case INTRA_AREA_TE -> {
                if (!opaque.trafficEngineering(body, left, out)) throw stop;
            }
            default -> {
                if (!b.unknownData(body, left, "\n\t      ", out)) throw stop;
            }
        }
    }

    private void prefixes(int p, int left, long count, StringBuilder out) {
        for (; count > 0; count--) {
            int size = prefix(p, left, out);
            left -= size;
            p += size;
        }
    }

    private void router(int body, int left, StringBuilder out) {
        if (left < 4) throw stop;
        left -= 4;
        Ospf6Formatter.options(out, b.u32(body), "\n\t      Options [");
        int flags = b.u8(body);
        out.append(", RLA-Flags [");
        Text.bitNames(out, flags & 0x1f, Ospf6Names.ROUTER_FLAGS);
        out.append(']');
        for (int link = body + 4; left != 0; link += 16) {
            if (left < 16) throw stop;
            left -= 16;
            if (!b.has(link, 16)) throw stop;
            int type = b.u8(link);
            String what = switch (type) {
                case 4 -> "\n\t      Virtual Link: Neighbor Router-ID ";
                case 1 -> "\n\t      Neighbor Router-ID ";
                case 2 -> "\n\t      Neighbor Network-ID ";
                default -> null;
            };
            if (what == null) {
                out.append("\n\t      Unknown Router Links Type 0x");
                Text.hex(out, type, 2);
                return;
            }
            b.ip4(out.append(what), link + 12);
            b.ip4(out.append("\n\t      Neighbor Interface-ID "), link + 8);
            b.ip4(out.append(", Interface "), link + 4);
            out.append(", metric ").append(b.u16(link + 2));
        }
    }

    private void external(int body, int left, StringBuilder out) {
        if (left < 4) throw stop;
        left -= 4;
        long flags = b.u32(body);
        out.append("\n\t     Flags [");
        LldpText.bits(out, (int) flags, Ospf6Names.EXTERNAL_FLAG_MASKS, Ospf6Names.EXTERNAL_FLAGS, "none");
        out.append("] metric ").append(flags & 0xffffff);
        int p = body + 4;
        int size = prefix(p, left, out);
        left -= size;
        int at = p + size;
        if ((flags & EXTERNAL_FORWARD) != 0) {
            if (left < 16) throw stop;
            left -= 16;
            b.need(at, 16);
            b.ip6(out.append(" forward "), at);
            at += 16;
        }
        if ((flags & EXTERNAL_TAG) != 0) {
            if (left < 4) throw stop;
            left -= 4;
            b.need(at, 4);
            b.ip4(out.append(" tag "), at);
            at += 4;
        }
        if (b.u8(p + 2) != 0) {
            if (left < 4) throw stop;
            b.need(at, 4);
            b.ip4(out.append(" RefLSID: "), at);
        }
    }

    /** One address prefix (RFC 5340 A.4.1): its size in bytes; throws where tcpdump gives up. */
    private int prefix(int at, int left, StringBuilder out) {
        if (left < 4) throw stop;
        left -= 4;
        if (!b.has(at, 4)) throw stop;
        int length = b.u8(at);
        int words = (length + 31) / 32;
        if (words * 4 > 16) {
            out.append(" bogus prefixlen /").append(length);
            throw stop;
        }
        if (left < words * 4) throw stop;
        java.util.Arrays.fill(prefix, (byte) 0);
        for (int i = 0; i < words * 4; i++) prefix[i] = (byte) b.u8(at + 4 + i);
        out.append("\n\t\t");
        Text.ipv6(out, prefixView, 0);
        out.append('/').append(length);
        int options = b.u8(at + 1);
        if (options != 0) {
            out.append(", Options [");
            Text.bitNames(out, options, Ospf6Names.PREFIX_OPTIONS);
            out.append(']');
        }
        out.append(", metric ").append(b.u16(at + 2));
        return 4 + words * 4;
    }
}
