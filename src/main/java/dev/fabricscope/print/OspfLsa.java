package dev.fabricscope.print;

/**
 * OSPFv2 LSA headers and bodies as tcpdump 4.99 prints them (print-ospf.c's ospf_print_lshdr and ospf_print_lsa):
 * router links with their per-topology metrics, network, summary, ASBR summary, AS external and NSSA, group
 * membership, and opaque LSAs (traffic engineering and grace in {@link OspfOpaque}, router information here); -vv
 * adds a hex dump of every body. Returns tell the caller where tcpdump goes on, or that it gives up (-1).
 */
final class OspfLsa {
    static final int HEADER = 20;
    static final int ROUTER = 1, NETWORK = 2, SUMMARY = 3, ASBR_SUMMARY = 4, EXTERNAL = 5, GROUP = 6, NSSA = 7,
        OPAQUE_LINK = 9, OPAQUE_AREA = 10, OPAQUE_DOMAIN = 11;
    private static final int OPAQUE_TE = 1, OPAQUE_GRACE = 3, OPAQUE_RI = 4;

    private final Verbosity verbosity;
    private final OspfBytes b;
    private final OspfOpaque opaque;

    OspfLsa(Verbosity verbosity, OspfBytes b) {
        this.verbosity = verbosity;
        this.b = b;
        this.opaque = new OspfOpaque(verbosity, b);
    }

    /** The LSA header at {@code at}: its length field, or -1 after "Bogus length" when that is below the header's. */
    int header(int at, StringBuilder out) {
        int length = b.u16(at + 18);
        if (length < HEADER) {
            out.append("\n\t    Bogus length ").append(length).append(" < header (").append(HEADER).append(')');
            return -1;
        }
        out.append("\n\t  Advertising Router ");
        b.ip4(out, at + 8);
        out.append(", seq ");
        LldpText.hex(out, b.u32(at + 12), 8);
        out.append(", age ").append(b.u16(at)).append("s, length ").append(length - HEADER);
        int type = b.u8(at + 3);
        out.append("\n\t    ").append(OspfNames.lsa(type)).append(" LSA (").append(type).append(')');
        if (type >= OPAQUE_LINK && type <= OPAQUE_DOMAIN) {
            int opaqueType = b.u8(at + 4);
            out.append(", Opaque-Type ").append(OspfNames.opaque(opaqueType)).append(" LSA (").append(opaqueType)
                .append("), Opaque-ID ").append(b.u24(at + 5));
        } else {
            b.ip4(out.append(", LSA-ID: "), at + 4);
        }
        out.append("\n\t    Options: [");
        Text.bitNames(out, b.u8(at + 2), OspfNames.OPTIONS);
        out.append(']');
        return length;
    }

    /** The LSA at {@code at}: where it ends (tcpdump goes on there), or -1 where tcpdump stops the packet. */
    long lsa(int at, StringBuilder out) {
        int length = header(at, out);
        if (length < 0) return -1;
        long end = (long) at + length;
        int bodyLength = length - HEADER;
        int body = at + HEADER;
        if (!body(at, body, end, bodyLength, out)) return end;
        if (verbosity.veryVerbose()) b.unknownData(body, bodyLength, "\n\t    ", out);
        return end;
    }

    /** False where tcpdump returns from ospf_print_lsa early (no -vv dump). */
    private boolean body(int at, int body, long end, int length, StringBuilder out) {
        switch (b.u8(at + 3)) {
            case ROUTER -> {
                return routerLinks(body, out);
            }
            case NETWORK -> {
                b.need(body, 4);
                b.ip4(out.append("\n\t    Mask "), body);
                out.append("\n\t    Connected Routers:");
                for (long r = body + 4; r < end; r += 4) {
                    b.need((int) r, 4);
                    b.ip4(out.append("\n\t      "), (int) r);
                }
            }
            case SUMMARY, ASBR_SUMMARY -> {
                if (b.u8(at + 3) == SUMMARY) {
                    b.need(body, 4);
                    b.ip4(out.append("\n\t    Mask "), body);
                }
                b.need(body + 4, 4);
                for (long m = body + 4; m < end; m += 4) {
                    long metric = b.u32((int) m);
                    long topology = (metric & 0x7f000000L) >>> 24;
                    out.append("\n\t\ttopology ").append(OspfNames.topology(topology)).append(" (").append(topology)
                        .append(") metric ").append(metric & 0xffffff);
                }
            }
            case EXTERNAL, NSSA -> external(body, end, out);
            case GROUP -> {
                for (long m = body; m < end; m += 8) {
                    long vertex = b.u32((int) m);
                    if (vertex == 1 || vertex == 2) b.need((int) m + 4, 4);
                    if (vertex == 1) b.ip4(out.append("\n\t    Router Router-ID "), (int) m + 4);
                    else if (vertex == 2) b.ip4(out.append("\n\t    Network Designated Router "), (int) m + 4);
                    else {
                        Text.u32(out.append("\n\t    unknown VertexType ("), vertex);
                        out.append(')');
                    }
                }
            }
            case OPAQUE_LINK, OPAQUE_AREA, OPAQUE_DOMAIN -> {
                return switch (b.u8(at + 4)) {
                    case OPAQUE_RI -> routerInformation(body, length, out);
                    case OPAQUE_GRACE -> opaque.grace(body, length, out);
                    case OPAQUE_TE -> opaque.trafficEngineering(body, length, out);
                    default -> !verbosity.veryVerbose() ? b.unknownData(body, length, "\n\t    ", out) : true;
                };
            }
            default -> { }
        }
        return true;
    }

    private boolean routerLinks(int body, StringBuilder out) {
        int flags = b.u8(body);
        out.append("\n\t    Router LSA Options: [");
        LldpText.bits(out, flags, OspfNames.ROUTER_FLAG_MASKS, OspfNames.ROUTER_FLAGS, "none");
        out.append(']');
        int count = b.u16(body + 2);
        b.need(body + 4, 12);
        long link = body + 4;
        for (int i = count; i != 0; i--) {
            b.need(link, 12);
            int l = (int) link;
            int type = b.u8(l + 8);
            String what = switch (type) {
                case 4 -> "\n\t      Virtual Link: Neighbor Router-ID: ";
                case 1 -> "\n\t      Neighbor Router-ID: ";
                case 2 -> "\n\t      Neighbor Network-ID: ";
                case 3 -> "\n\t      Stub Network: ";
                default -> null;
            };
            if (what == null) {
                out.append("\n\t      Unknown Router Link Type (").append(type).append(')');
                return false;
            }
            b.ip4(out.append(what), l);
            b.ip4(out.append(type == 3 ? ", Mask: " : ", Interface Address: "), l + 4);
            int metrics = b.u8(l + 9) + 1;
            for (int k = 0; k < metrics; k++) {
                int tos = l + 8 + 4 * k;
                int topology = k == 0 ? 0 : b.u8(tos);
                if (k == 0) b.u8(tos);
                int metric = b.u16(tos + 2);
                out.append("\n\t\ttopology ").append(OspfNames.topology(topology)).append(" (").append(topology)
                    .append("), metric ").append(metric);
            }
            link += 12 + 4L * b.u8(l + 9);
        }
        return true;
    }

    private void external(int body, long end, StringBuilder out) {
        b.need(body, 4);
        b.ip4(out.append("\n\t    Mask "), body);
        b.need(body + 4, 4);
        for (long m = body + 4; m < end; m += 12) {
            int a = (int) m;
            long metric = b.u32(a);
            long topology = (metric & 0x7f000000L) >>> 24;
            out.append("\n\t\ttopology ").append(OspfNames.topology(topology)).append(" (").append(topology)
                .append("), type ").append((metric & 0x80000000L) != 0 ? 2 : 1).append(", metric");
            if ((metric & 0xffffff) == 0xffffff) out.append(" infinite");
            else out.append(' ').append(metric & 0xffffff);
            if (b.u32(a + 4) != 0) b.ip4(out.append(", forward "), a + 4);
            if (b.u32(a + 8) != 0) b.ip4(out.append(", tag "), a + 8);
        }
    }

    /** Router information TLVs (RFC 7770); false where tcpdump returns from the LSA. */
    private boolean routerInformation(int at, int length, StringBuilder out) {
        long tlv = at;
        int remaining = length;
        while (remaining != 0) {
            b.need(tlv, 4);
            if (remaining < 4) {
                out.append("\n\t    Remaining LS length ").append(remaining).append(" < 4");
                return false;
            }
            int t = (int) tlv;
            int type = b.u16(t), len = b.u16(t + 2);
            tlv += 4;
            remaining -= 4;
            out.append("\n\t    ").append(type == 1 ? "Router Capabilities" : "unknown").append(" TLV (").append(type)
                .append("), length: ").append(len).append(", value: ");
            if (len > remaining) {
                out.append("\n\t    Bogus length ").append(len).append(" > remaining LS length ").append(remaining);
                return false;
            }
            b.need(tlv, len);
            if (type == 1) {
                if (len != 4) {
                    out.append("\n\t    Bogus length ").append(len).append(" != 4");
                    return false;
                }
                out.append("Capabilities: ");
                LldpText.bits(out, (int) b.u32((int) tlv), OspfNames.RI_CAPABILITY_MASKS, OspfNames.RI_CAPABILITIES, "Unknown");
            } else if (!verbosity.veryVerbose() && !b.unknownData((int) tlv, len, "\n\t      ", out)) {
                return false;
            }
            tlv += len;
            remaining -= len;
        }
        return true;
    }
}
