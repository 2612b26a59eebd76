package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;

/**
 * OSPFv2 (RFC 2328; IP protocol 89 over IPv4) as tcpdump 4.99 prints it (print-ospf.c): "OSPFv2, Hello, length 44";
 * -v adds the router and area, the authentication (simple password, MD5 key and sequence), then per packet type the
 * Hello timers and neighbours, the Database Description flags and LSA headers, the LS requests, every LSA of an
 * LS-Update ({@link OspfLsa}: router, network, summary, ASBR summary, external, NSSA, group membership, opaque TE,
 * grace and router-information), the LS-Ack headers, and the LLS block (RFC 5613) after a Hello or DD; -vv adds
 * a hex dump of each LSA body. As tcpdump does, an MD5 digest is cut off the end before anything is read, and an
 * LS-Ack always runs on until the snapshot end. Fetches past the snapshot end close the line with " [|ospf2]".
 */
final class OspfFormatter {
    static final int PROTOCOL = 89;
    private static final int HELLO = 1, DD = 2, LS_REQUEST = 3, LS_UPDATE = 4, LS_ACK = 5;
    private static final int AUTH_NONE = 0, AUTH_SIMPLE = 1, AUTH_MD5 = 2;
    private static final int MD5_DIGEST = 16;
    private static final int OPTION_LLS = 0x10;

    private final Verbosity verbosity;
    private final EarlyEnd earlyEnd;
    private final OspfBytes b = new OspfBytes();
    private final OspfLsa lsa;

    OspfFormatter(Verbosity verbosity, EarlyEnd earlyEnd) {
        this.verbosity = verbosity;
        this.earlyEnd = earlyEnd;
        this.lsa = new OspfLsa(verbosity, b);
    }

    /** The packet at {@code off} of {@code length} bytes (the IP payload); {@code end} is the snapshot end. */
    void format(Packet p, int off, int length, int end, StringBuilder out) {
        try (var _ = b.reading(p, end)) {
            packet(p, off, Integer.toUnsignedLong(length), end, out);
        } catch (SnapshotBytes.Jump j) {
            earlyEnd.mark(out, "ospf2");
        }
    }

    private void packet(Packet p, int bp, long length, int end, StringBuilder out) {
        int authType = b.u16(bp + 14);
        if (authType == AUTH_MD5) {
            length = (length - MD5_DIGEST) & 0xffffffffL;
            b.set(p, end - MD5_DIGEST);
        }
        int type = b.u8(bp + 1);
        int version = b.u8(bp);
        String name = OspfNames.type(type);
        out.append("OSPFv").append(version).append(", ");
        if (name == null) {
            out.append("unknown LS-type ").append(type).append(", length ").append(length);
            return;
        }
        out.append(name).append(", length ").append(length);
        if (!verbosity.verbose()) return;
        int declared = b.u16(bp + 2);
        if (length != declared) out.append(" [len ").append(declared).append(']');
        long dataEnd = bp + Math.min(length, declared);
        b.need(bp + 4, 4);
        out.append("\n\tRouter-ID ");
        b.ip4(out, bp + 4);
        if (b.u32(bp + 8) != 0) b.ip4(out.append(", Area "), bp + 8);
        else out.append(", Backbone Area");
        b.need(bp + 16, 8);
        out.append(", Authentication Type: ").append(OspfNames.authentication(authType)).append(" (").append(authType)
            .append(')');
        switch (authType) {
            case AUTH_NONE -> { }
            case AUTH_SIMPLE -> {
                out.append("\n\tSimple text password: ");
                LldpText.untilNul(b, bp + 16, 8, out);
            }
            case AUTH_MD5 -> {
                int key = b.u8(bp + 18), authLength = b.u8(bp + 19);
                long sequence = b.u32(bp + 20);
                out.append("\n\tKey-ID: ").append(key).append(", Auth-Length: ").append(authLength)
                    .append(", Crypto Sequence Number: ");
                LldpText.hex(out, sequence, 8);
            }
            default -> {
                return;
            }
        }
        if (version != 2) {
            out.append(" ospf [version ").append(version).append(']');
            return;
        }
        switch (type) {
            case HELLO -> hello(bp, dataEnd, out);
            case DD -> databaseDescription(bp, dataEnd, out);
            case LS_REQUEST -> requests(bp, dataEnd, out);
            case LS_UPDATE -> update(bp, out);
            case LS_ACK -> {
                for (int at = bp + 24; lsa.header(at, out) >= 0; at += OspfLsa.HEADER) { }
            }
            default -> { }
        }
        if (length > declared) linkLocalSignaling(bp, type, length, out);
    }

    private void hello(int bp, long dataEnd, StringBuilder out) {
        int options = b.u8(bp + 30);
        out.append("\n\tOptions [");
        Text.bitNames(out, options, OspfNames.OPTIONS);
        out.append(']');
        b.need(bp + 24, 12);
        out.append("\n\t  Hello Timer ").append(b.u16(bp + 28)).append("s, Dead Timer ");
        Text.u32(out, b.u32(bp + 32));
        b.ip4(out.append("s, Mask "), bp + 24);
        out.append(", Priority ").append(b.u8(bp + 31));
        if (b.u32(bp + 36) != 0) b.ip4(out.append("\n\t  Designated Router "), bp + 36);
        if (b.u32(bp + 40) != 0) b.ip4(out.append(", Backup Designated Router "), bp + 40);
        int at = bp + 44;
        if (at < dataEnd) out.append("\n\t  Neighbor List:");
        for (; at < dataEnd; at += 4) {
            b.need(at, 4);
            b.ip4(out.append("\n\t    "), at);
        }
    }

    private void databaseDescription(int bp, long dataEnd, StringBuilder out) {
        int options = b.u8(bp + 26);
        out.append("\n\tOptions [");
        Text.bitNames(out, options, OspfNames.OPTIONS);
        out.append(']');
        int flags = b.u8(bp + 27);
        out.append(", DD Flags [");
        LldpText.bits(out, flags, OspfNames.DD_FLAG_MASKS, OspfNames.DD_FLAGS, "none");
        out.append(']');
        int mtu = b.u16(bp + 24);
        if (mtu != 0) out.append(", MTU: ").append(mtu);
        long sequence = b.u32(bp + 28);
        out.append(", Sequence: ");
        LldpText.hex(out, sequence, 8);
        for (int at = bp + 32; at < dataEnd && lsa.header(at, out) >= 0; at += OspfLsa.HEADER) { }
    }

    private void requests(int bp, long dataEnd, StringBuilder out) {
        for (int at = bp + 24; at < dataEnd; at += 12) {
            b.need(at, 12);
            long type = b.u32(at);
            out.append("\n\t  Advertising Router: ");
            b.ip4(out, at + 8);
            out.append(", ").append(OspfNames.lsa(type)).append(" LSA (");
            Text.u32(out, type);
            out.append(')');
            if (type >= OspfLsa.OPAQUE_LINK && type <= OspfLsa.OPAQUE_DOMAIN) {
                int opaque = b.u8(at + 4), id = b.u24(at + 5);
                out.append(", Opaque-Type: ").append(OspfNames.opaque(opaque)).append(" LSA (").append(opaque)
                    .append("), Opaque-ID: ").append(id);
            } else {
                b.need(at + 4, 4);
                b.ip4(out.append(", LSA-ID: "), at + 4);
            }
        }
    }

    private void update(int bp, StringBuilder out) {
        long count = b.u32(bp + 24);
        out.append(", ");
        Text.u32(out, count);
        out.append(" LSA").append(count != 1 ? "s" : "");
        long at = bp + 28;
        for (long n = 1; n <= count; n++) {
            out.append("\n\t  LSA #").append(n);
            at = lsa.lsa((int) Math.min(at, Integer.MAX_VALUE), out);
            if (at < 0) b.need(Integer.MAX_VALUE, 1);   // tcpdump's "trunc": the rest is not printed
        }
    }

    /** The LLS data block (RFC 5613) after the packet's declared length, when a Hello or DD's L option says so. */
    private void linkLocalSignaling(int bp, int type, long length, StringBuilder out) {
        int options;
        if (type == HELLO) options = b.u8(bp + 30);
        else if (type == DD) options = b.u8(bp + 26);
        else return;
        if ((options & OPTION_LLS) == 0) return;
        long declared = b.u16(bp + 2);
        long at = bp + declared;
        long dataEnd = bp + length;
        if (b.u16(bp + 14) == AUTH_MD5) {
            int authLength = b.u8(bp + 19);
            at += authLength;
            declared += authLength;
        }
        if (declared >= length) {
            out.append("\n\t[LLS truncated]");
            return;
        }
        int checksum = b.u16(addr(at));
        out.append("\n\t  LLS: checksum: ");
        LldpText.hex(out, checksum, 4);
        at += 2;
        int blockLength = b.u16(addr(at));
        out.append(", length: ").append(blockLength);
        at += 2;
        while (at < dataEnd) {
            int tlv = b.u16(addr(at));
            out.append("\n\t    ").append(OspfNames.llsTlv(tlv)).append(" (").append(tlv).append(')');
            at += 2;
            int len = b.u16(addr(at));
            out.append(", length: ").append(len);
            at += 2;
            switch (tlv) {
                case 1 -> {
                    if (len != 4) {
                        out.append(" [should be 4]");
                        len = 4;
                    }
                    long flags = b.u32(addr(at));
                    out.append("\n\t      Options: ");
                    LldpText.hex(out, flags, 8);
                    out.append(" [");
                    LldpText.bits(out, (int) flags, OspfNames.LLS_EO_MASKS, OspfNames.LLS_EO, "?");
                    out.append(']');
                }
                case 2 -> {
                    if (len != 20) {
                        out.append(" [should be 20]");
                        len = 20;
                    }
                    long sequence = b.u32(addr(at));
                    out.append("\n\t      Sequence number: ");
                    LldpText.hex(out, sequence, 8);
                }
                default -> { }
            }
            at += len;
        }
    }

    /** An offset past the int range reads as past the snapshot end. */
    private static int addr(long at) {
        return at > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) at;
    }
}
