package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * OSPFv3 (RFC 5340; IP protocol 89 over IPv6) as tcpdump 4.99 prints it (print-ospf6.c): "OSPFv3, Hello, length 36";
 * -v adds the router, area and instance, the Hello options, timers and designated routers, the DD options, flags, MTU
 * and sequence, and the trailer (the LLS header of RFC 5613, the authentication trailer of RFC 6506); -vv adds the
 * Hello neighbours, the LSA headers of DD, LS-Request and LS-Ack packets and every LSA of an LS-Update
 * ({@link Ospf6Lsa}). Where tcpdump's own length checks stop it the line ends with " [|ospf3]"; a fetch past the
 * snapshot end ends it the same way and also counts as an early end ({@link EarlyEnd}).
 */
final class Ospf6Formatter {
    private static final int HEADER = 16;
    private static final int HELLO = 1, DD = 2, LS_REQUEST = 3, LS_UPDATE = 4, LS_ACK = 5;
    private static final int OPTION_LLS = 0x200;
    private static final int AUTH_TRAILER_HEADER = 16;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final OspfBytes b = new OspfBytes();
    private final OspfBytes.Stop stop = new OspfBytes.Stop();
    private final Ospf6Lsa lsa;

    Ospf6Formatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.lsa = new Ospf6Lsa(verbosity, b, stop);
    }

    /**
     * The packet at {@code off} of {@code length} bytes (the IP payload), taken unsigned (tcpdump's u_int: an IPv6
     * jumbogram's passes 2^31); {@code end} is the snapshot end.
     */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = b.reading(p, end)) {
            packet(off, Integer.toUnsignedLong(length), out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ospf3");
        } catch (OspfBytes.Stop s) {
            out.append(" [|ospf3]");
        }
    }

    private void packet(int bp, long length, StringBuilder out) {
        int type = b.u8(bp + 1);
        int version = b.u8(bp);
        out.append("OSPFv").append(version).append(", ");
        String name = OspfNames.type(type);
        if (name == null) {
            out.append("unknown packet type (").append(type).append("), length ").append(length);
            return;
        }
        out.append(name).append(", length ").append(length);
        if (!verbosity.verbose()) return;
        int declared = b.u16(bp + 2);
        if (declared > length) {
            out.append(" [len ").append(declared).append(']');
            return;
        }
        int dataEnd = bp + declared;
        b.need(bp + 4, 4);
        b.ip4(out.append("\n\tRouter-ID "), bp + 4);
        if (b.u32(bp + 8) != 0) b.ip4(out.append(", Area "), bp + 8);
        else out.append(", Backbone Area");
        int instance = b.u8(bp + 14);
        if (instance != 0) out.append(", Instance ").append(instance);
        if (version != 3) return;
        int body = bp + HEADER;
        switch (type) {
            case HELLO -> hello(body, dataEnd, out);
            case DD -> databaseDescription(body, dataEnd, out);
            case LS_REQUEST -> {
                if (!verbosity.veryVerbose()) break;
                for (int at = body; at < dataEnd; at += 12) {
                    if (!b.has(at, 12)) throw stop;
                    b.ip4(out.append("\n\t  Advertising Router "), at + 8);
                    lsa.type(b.u16(at + 2), at + 4, out);
                }
            }
            case LS_UPDATE -> {
                if (!verbosity.veryVerbose()) break;
                int count = (int) b.u32(body);
                for (long at = body + 4; at < dataEnd && count-- != 0; ) {
                    lsa.lsa((int) at, dataEnd, out);
                    at += b.u16((int) at + 18);
                }
            }
            case LS_ACK -> {
                if (!verbosity.veryVerbose()) break;
                for (int at = body; at < dataEnd; at += Ospf6Lsa.HEADER) lsa.header(at, dataEnd, out);
            }
            default -> { }
        }
        trailer(bp, type, dataEnd, length - declared, out);
    }

    private void hello(int h, int dataEnd, StringBuilder out) {
        options(out, b.u32(h + 4), "\n\tOptions [");
        b.need(h, 12);
        out.append("\n\t  Hello Timer ").append(b.u16(h + 8)).append("s, Dead Timer ").append(b.u16(h + 10))
            .append("s, Interface-ID ");
        b.ip4(out, h);
        out.append(", Priority ").append(b.u8(h + 4));
        if (b.u32(h + 12) != 0) b.ip4(out.append("\n\t  Designated Router "), h + 12);
        if (b.u32(h + 16) != 0) b.ip4(out.append(", Backup Designated Router "), h + 16);
        if (!verbosity.veryVerbose()) return;
        out.append("\n\t  Neighbor List:");
        for (int at = h + 20; at < dataEnd; at += 4) {
            b.need(at, 4);
            b.ip4(out.append("\n\t    "), at);
        }
    }

    private void databaseDescription(int d, int dataEnd, StringBuilder out) {
        options(out, b.u32(d), "\n\tOptions [");
        int flags = b.u8(d + 7);
        out.append(", DD Flags [");
        LldpText.bits(out, flags, Ospf6Names.DD_FLAG_MASKS, Ospf6Names.DD_FLAGS, "none");
        out.append(']');
        int mtu = b.u16(d + 4);
        long sequence = b.u32(d + 8);
        out.append(", MTU ").append(mtu).append(", DD-Sequence ");
        LldpText.hex(out, sequence, 8);
        if (!verbosity.veryVerbose()) return;
        for (int at = d + 12; at < dataEnd; at += Ospf6Lsa.HEADER) lsa.header(at, dataEnd, out);
    }

    /** "{prefix}names]" for the 24-bit options field (already fetched). */
    static void options(StringBuilder out, long options, String prefix) {
        out.append(prefix);
        LldpText.bits(out, (int) options, Ospf6Names.OPTION_MASKS, Ospf6Names.OPTIONS, "none");
        out.append(']');
    }

    /** What follows the declared length: an LLS block (Hello and DD with the L option), then an authentication trailer. */
    private void trailer(int bp, int type, int at, long len, StringBuilder out) {
        boolean lls = false;
        if (type == HELLO) lls = (b.u32(bp + HEADER + 4) & OPTION_LLS) != 0;
        else if (type == DD) lls = (b.u32(bp + HEADER) & OPTION_LLS) != 0;
        int llsLength = 0;
        if (lls && len != 0) {
            if (len < 4) throw stop;
            int checksum = b.u16(at);
            out.append("\n\tLLS Checksum ");
            LldpText.hex(out, checksum, 4);
            llsLength = b.u16(at + 2);
            out.append(", Data Length ").append(llsLength);
            if (llsLength < 4 || llsLength > len || !b.has(at + 4, llsLength - 4)) throw stop;
        }
        authenticationTrailer(at + llsLength, len - llsLength, out);
    }

    private void authenticationTrailer(int at, long len, StringBuilder out) {
        if (len == 0) return;
        if (len < AUTH_TRAILER_HEADER) throw stop;
        int type = b.u16(at);
        out.append("\n\tAuthentication Type ");
        if (type == 1) {
            out.append("HMAC");
        } else {
            out.append("unknown (");
            LldpText.hex(out, type, 4);
            out.append(')');
        }
        int authLength = b.u16(at + 2);
        out.append(", Length ").append(authLength);
        if (authLength < AUTH_TRAILER_HEADER || authLength > len) throw stop;
        int said = b.u16(at + 6);
        out.append(", SAID ").append(said);
        long high = b.u32(at + 8);
        out.append(", CSN ");
        LldpText.hex(out, high, 8);
        long low = b.u32(at + 12);
        out.append(':');
        Text.hex(out, low, 8);
        if (!b.has(at + 16, authLength - AUTH_TRAILER_HEADER)) throw stop;
        if (verbosity.veryVerbose()) {
            b.unknownData(at + 16, authLength - AUTH_TRAILER_HEADER, "\n\tAuthentication Data ", out);
        }
    }
}
