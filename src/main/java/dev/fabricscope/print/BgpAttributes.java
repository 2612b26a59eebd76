package dev.fabricscope.print;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The path attributes of a BGP UPDATE as tcpdump 4.99's bgp_attr_print shows them after each attribute's header
 * line: ORIGIN, AS_PATH and AS4_PATH (2- or 4-byte AS numbers guessed as tcpdump guesses them, sets and
 * confederation segments bracketed), NEXT_HOP, MED, LOCAL_PREF, ATOMIC_AGGREGATE, AGGREGATOR(4), COMMUNITIES,
 * ORIGINATOR_ID, CLUSTER_LIST, MP_REACH/MP_UNREACH ({@link BgpNlri} for next hops and NLRI), extended communities
 * (RFC 4360), PMSI tunnel, AIGP, ATTR_SET (nested, ten levels at most) and large communities; others as a hex dump.
 * With -vv each attribute is dumped after its text, as tcpdump does.
 */
final class BgpAttributes {
    private static final int ORIGIN = 1, AS_PATH = 2, NEXT_HOP = 3, MED = 4, LOCAL_PREF = 5, ATOMIC_AGGREGATE = 6,
        AGGREGATOR = 7, COMMUNITIES = 8, ORIGINATOR_ID = 9, CLUSTER_LIST = 10, MP_REACH = 14, MP_UNREACH = 15,
        EXTENDED_COMMUNITIES = 16, AS4_PATH = 17, AGGREGATOR4 = 18, PMSI_TUNNEL = 22, AIGP = 26,
        LARGE_COMMUNITY = 32, ATTR_SET = 128;
    private static final int AS_SET = 1, AS_SEQUENCE = 2, CONFED_SEQUENCE = 3, CONFED_SET = 4;
    private static final String[] SEGMENT_OPEN = {"?", "{ ", "", "( ", "({ "};
    private static final String[] SEGMENT_CLOSE = {"?", "}", "", ")", "})"};
    private static final int MAX_ATTR_SET_LEVEL = 10;
    /** End-of-RIB: an MP_UNREACH_NLRI holding its AFI and SAFI only. */
    private static final int MP_NLRI_MIN_SIZE = 3;

    private final Verbosity verbosity;
    private final BgpBytes bytes;
    private final BgpNlri nlri;

    /** -b: AS numbers above 65535 in ASDOT notation. */
    private final boolean asdot;

    BgpAttributes(Verbosity verbosity, boolean asdot, BgpBytes bytes, BgpNlri nlri) {
        this.verbosity = verbosity;
        this.asdot = asdot;
        this.bytes = bytes;
        this.nlri = nlri;
    }

    /** Bytes of the attribute length: two with the extended-length flag. */
    static int lengthLength(int flags) {
        return (flags & 0x10) != 0 ? 2 : 1;
    }

    /** "NAME (type), length: n" after {@code indent}. */
    static void header(StringBuilder out, String indent, int type, int length) {
        String name = BgpNames.attribute(type);
        out.append(indent).append(name != null ? name : "Unknown Attribute").append(" (").append(type)
            .append("), length: ").append(length);
    }

    /** ", Flags [OTPE+x]" of non-zero flags. */
    static void flags(StringBuilder out, int flags) {
        out.append(", Flags [");
        if ((flags & 0x80) != 0) out.append('O');
        if ((flags & 0x40) != 0) out.append('T');
        if ((flags & 0x20) != 0) out.append('P');
        if ((flags & 0x10) != 0) out.append('E');
        if ((flags & 0xf) != 0) Text.hex(out.append('+'), flags & 0xf);
        out.append(']');
    }

    /**
     * One attribute's value of {@code len} bytes at {@code at}; false where tcpdump gives up on the message
     * (its caller then prints " [|bgp]").
     */
    boolean print(int type, int at, int len, int level, StringBuilder out) {
        int p = at;
        int left = len;
        switch (type) {
            case ORIGIN -> {
                if (len != 1) {
                    out.append("invalid len");
                } else {
                    String name = BgpNames.origin(bytes.u8(p));
                    out.append(name != null ? name : "Unknown Origin Typecode");
                }
            }
            case AS4_PATH, AS_PATH -> {
                if (len % 2 != 0) {
                    out.append("invalid len");
                    break;
                }
                if (len == 0) {
                    out.append("empty");
                    break;
                }
                int asSize = asSize(type, p, len);
                while (p < at + len) {
                    int segment = bytes.u8(p);
                    out.append(segment <= CONFED_SET ? SEGMENT_OPEN[segment] : "?");
                    for (int i = 0; i < bytes.u8(p + 1) * asSize; i += asSize) {
                        if (!bytes.has(p + 2 + i, asSize)) return false;
                        BgpNlri.asNumber(out, asSize == 2 ? bytes.u16(p + 2 + i) : bytes.u32(p + 2 + i), asdot);
                        out.append(' ');
                    }
                    segment = bytes.u8(p);
                    out.append(segment <= CONFED_SET ? SEGMENT_CLOSE[segment] : "?");
                    p += 2 + bytes.u8(p + 1) * asSize;
                }
            }
            case NEXT_HOP, ORIGINATOR_ID -> {
                if (len != 4) out.append("invalid len");
                else bytes.ip4(out, p);
            }
            case MED, LOCAL_PREF -> {
                if (len != 4) out.append("invalid len");
                else Text.u32(out, bytes.u32(p));
            }
            case ATOMIC_AGGREGATE -> {
                if (len != 0) out.append("invalid len");
            }
            case AGGREGATOR -> {
                if (len != 6 && len != 8) {
                    out.append("invalid len");
                    break;
                }
                if (!bytes.has(p, len)) return false;
                int asLength = len - 4;
                BgpNlri.asNumber(out.append(" AS #"), asLength == 2 ? bytes.u16(p) : bytes.u32(p), asdot);
                bytes.ip4(out.append(", origin "), p + asLength);
            }
            case AGGREGATOR4 -> {
                if (len != 8) {
                    out.append("invalid len");
                    break;
                }
                bytes.need(p, 8);
                BgpNlri.asNumber(out.append(" AS #"), bytes.u32(p), asdot);
                bytes.ip4(out.append(", origin "), p + 4);
            }
            case COMMUNITIES -> {
                if (len % 4 != 0) {
                    out.append("invalid len");
                    break;
                }
                for (; left != 0; left -= 4, p += 4) {
                    if (!bytes.has(p, 4)) return false;
                    long community = bytes.u32(p);
                    if (community == 0xffffff01L) {
                        out.append(" NO_EXPORT");
                    } else if (community == 0xffffff02L) {
                        out.append(" NO_ADVERTISE");
                    } else if (community == 0xffffff03L) {
                        out.append(" NO_EXPORT_SUBCONFED");
                    } else {
                        out.append(community >>> 16).append(':').append(community & 0xffff);
                        if (left > 4) out.append(", ");
                    }
                }
            }
            case CLUSTER_LIST -> {
                if (len % 4 != 0) {
                    out.append("invalid len");
                    break;
                }
                for (; left != 0; left -= 4, p += 4) {
                    bytes.ip4(out, p);
                    if (left > 4) out.append(", ");
                }
            }
            case MP_REACH -> {
                if (!reach(at, len, out)) return false;
            }
            case MP_UNREACH -> {
                if (!bytes.has(p, MP_NLRI_MIN_SIZE)) return false;
                int family = nlri.family(p, left, out);
                if (family == BgpNlri.TRUNCATED) return false;
                if (family < 0) break;
                if (len == MP_NLRI_MIN_SIZE) out.append("\n\t      End-of-Rib Marker (empty NLRI)");
                p += 3;
                if (!routes(at, len, p, out)) return false;
            }
            case EXTENDED_COMMUNITIES -> {
                if (len % 8 != 0) {
                    out.append("invalid len");
                    break;
                }
                for (; left != 0; left -= 8, p += 8) {
                    if (!bytes.has(p, 2)) return false;
                    int community = bytes.u16(p);
                    String name = BgpNames.extendedCommunity(community);
                    out.append("\n\t    ").append(name != null ? name : "unknown extd community typecode")
                        .append(" (0x");
                    Text.hex(out, community, 4);
                    out.append("), Flags [");
                    communityFlags(out, community);
                    out.append(']');
                    if (!bytes.has(p, 8)) return false;
                    out.append(": ");
                    extendedCommunity(p, out);
                }
            }
            case PMSI_TUNNEL -> {
                if (!bytes.has(p, 5) || left < 5) return false;
                pmsiTunnel(p, left, out);
            }
            case AIGP -> {
                if (!aigp(p, left, out)) return false;
            }
            case ATTR_SET -> {
                if (!bytes.has(p, 4) || len < 4) return false;
                BgpNlri.asNumber(out.append("\n\t    Origin AS: "), bytes.u32(p), asdot);
                p += 4;
                len -= 4;
                while (len != 0) {
                    if (!bytes.has(p, 2)) return false;
                    if (len < 2) {
                        out.append(" [path attr too short]");
                        break;
                    }
                    int flags = bytes.u8(p);
                    int innerType = bytes.u8(p + 1);
                    p += 2;
                    len -= 2;
                    int lengthLength = lengthLength(flags);
                    if (!bytes.has(p, lengthLength)) return false;
                    if (len < lengthLength) {
                        out.append(" [path attr too short]");
                        break;
                    }
                    int innerLength = lengthLength == 2 ? bytes.u16(p) : bytes.u8(p);
                    p += lengthLength;
                    len -= lengthLength;
                    header(out, "\n\t      ", innerType, innerLength);
                    if (flags != 0) flags(out, flags);
                    out.append(": ");
                    if (len < innerLength) {
                        out.append(" [path attr too short]");
                        break;
                    }
                    if (level == MAX_ATTR_SET_LEVEL) {
                        out.append("(too many nested levels, not recursing)");
                    } else if (!print(innerType, p, innerLength, level + 1, out)) {
                        return false;
                    }
                    p += innerLength;
                    len -= innerLength;
                }
            }
            case LARGE_COMMUNITY -> {
                if (len == 0 || len % 12 != 0) {
                    out.append("invalid len");
                    break;
                }
                out.append("\n\t    ");
                for (; len != 0; len -= 12, p += 12) {
                    long global = bytes.u32(p), first = bytes.u32(p + 4), second = bytes.u32(p + 8);
                    out.append(global).append(':').append(first).append(':').append(second);
                    if (len > 12) out.append(", ");
                }
            }
            default -> {
                if (!bytes.has(at, len)) return false;
                out.append("\n\t    no Attribute ").append(type).append(" decoder");
                if (!verbosity.veryVerbose()) bytes.unknownData(out, at, "\n\t    ", len);
            }
        }
        // tcpdump dumps what is left of len: all of it, except after the attributes that count it down
        if (verbosity.veryVerbose() && len != 0) {
            if (!bytes.has(at, len)) return false;
            bytes.unknownData(out, at, "\n\t    ", len);
        }
        return true;
    }

    /**
     * bgp_attr_get_as_size: 2 where the path reads as whole segments of 2-byte AS numbers, else 4 (always for
     * AS4_PATH).
     */
    private int asSize(int type, int at, int len) {
        if (type == AS4_PATH) return 4;
        int p = at;
        while (p < at + len) {
            int segment = bytes.u8(p);
            if (segment < AS_SET || segment > CONFED_SET) return 4;
            p += 2 + bytes.u8(p + 1) * 2;
        }
        return p == at + len ? 2 : 4;
    }

    private boolean reach(int at, int len, StringBuilder out) {
        int p = at;
        int left = len;
        if (!bytes.has(p, 3) || left < 3) return false;
        int family = nlri.family(p, left, out);
        if (family == BgpNlri.TRUNCATED) return false;
        if (family < 0) return true;
        p += 3;
        left -= 3;
        if (!bytes.has(p, 1) || left < 1) return false;
        int nextHopLength = bytes.u8(p);
        p++;
        left--;
        if (nextHopLength != 0) {
            if (left < nextHopLength) return false;
            out.append("\n\t    nexthop: ");
            int n = 0;
            for (int hops = nextHopLength; hops != 0; ) {
                if (n++ > 0) out.append(", ");
                int used = nlri.nextHop(p, hops, out);
                if (used < 0) return false;
                p += used;
                left -= used;
                hops -= used;
            }
        }
        out.append(", nh-length: ").append(nextHopLength);
        if (left < 1) return false;
        int snpas = bytes.u8(p);
        p++;
        left--;
        if (snpas != 0) {
            out.append("\n\t    ").append(snpas).append(" SNPA");
            for (; snpas != 0; snpas--) {
                if (left < 1) return false;
                int snpaLength = bytes.u8(p);
                out.append("\n\t      ").append(snpaLength).append(" bytes");
                p++;
                left--;
                if (left < snpaLength || !bytes.has(p, snpaLength)) return false;
                p += snpaLength;
                left -= snpaLength;
            }
        } else {
            out.append(", no SNPA");
        }
        return routes(at, len, p, out);
    }

    /** The NLRI of an MP_REACH or MP_UNREACH from {@code p} to the attribute's end. */
    private boolean routes(int at, int len, int p, StringBuilder out) {
        long rest = len - (p - at);
        boolean addPath4 = nlri.checkAddPath(p, rest, 32);
        boolean addPath6 = nlri.checkAddPath(p, rest, 128);
        while (p < at + len) {
            int used = nlri.route(p, len, addPath4, addPath6, out);
            if (used == BgpNlri.TRUNCATED) return false;
            if (used < 0) break;
            p += used;
        }
        return true;
    }

    private static void communityFlags(StringBuilder out, int type) {
        boolean vendor = (type & 0x8000) != 0, nonTransitive = (type & 0x4000) != 0;
        if (vendor) out.append("vendor-specific");
        if (vendor && nonTransitive) out.append(", ");
        if (nonTransitive) out.append("non-transitive");
        if (!vendor && !nonTransitive) out.append("none");
    }

    /** An RFC 4360 extended community's value, by its type and subtype (all 8 bytes captured). */
    private void extendedCommunity(int p, StringBuilder out) {
        int type = bytes.u16(p);
        switch (type) {
            case 0x0002, 0x0003, 0x000a -> {
                out.append(bytes.u16(p + 2)).append(':');
                Text.u32(out, bytes.u32(p + 4));
                bytes.ip4(out.append(" (= "), p + 4);
                out.append(')');
            }
            case 0x0102, 0x0103, 0xf10a, 0x010b -> {
                bytes.ip4(out, p + 2);
                out.append(':').append(bytes.u16(p + 6));
            }
            case 0x0202, 0x0203 -> {
                BgpNlri.asNumber(out, bytes.u32(p + 2), asdot);
                out.append(':').append(bytes.u16(p + 6));
            }
            case 0x4004 -> {
                float bandwidth = Float.intBitsToFloat((int) bytes.u32(p + 4));
                out.append("bandwidth: ");
                fixed3(out, bandwidth * 8 / 1000000);
                out.append(" Mbps");
            }
            case 0x0005, 0x0105, 0x0205, 0x8005, 0x0107, 0x8001 -> bytes.ip4(out, p + 2);
            case 0x0306, 0x8000 -> {
                int routeType = bytes.u8(p + 6);
                bytes.ip4(out.append("area:"), p + 2);
                out.append(", router-type:");
                String name = BgpNames.ospfRouteType(routeType);
                if (name != null) {
                    out.append(name);
                } else {
                    out.append("unknown (0x");
                    Text.hex(out, routeType, 2);
                    out.append(')');
                }
                out.append(", metric-type:").append((bytes.u8(p + 7) & 1) != 0 ? "E2" : "")
                    .append(routeType == 5 || routeType == 7 ? "E1" : "");
            }
            case 0x800a -> {
                String name = BgpNames.layer2Encapsulation(bytes.u8(p + 2));
                out.append(name != null ? name : "unknown encaps").append(" Control Flags [0x");
                Text.hex(out, bytes.u8(p + 3), 2);
                out.append("]:MTU ").append(bytes.u16(p + 4));
            }
            case 0x0009 -> out.append("AS ").append(bytes.u16(p + 2));
            case 0x030c -> {
                String name = BgpNames.tunnelType(bytes.u16(p + 6));
                out.append("Tunnel type: ").append(name != null ? name : "unknown encaps");
            }
            default -> {
                for (int i = 2; i < 8; i++) Text.hex(out, bytes.u8(p + i), 2);
            }
        }
    }

    /**
     * printf's "%.3f" of a float promoted to double, as glibc writes it: the exact binary value rounded half-even to
     * thousandths (a double's own shortest text would round differently at times), "nan" and "inf" as glibc spells
     * them. Exact in long arithmetic below 2^52; larger values (no real link's bandwidth) go through BigDecimal.
     */
    static void fixed3(StringBuilder out, float value) {
        int bits = Float.floatToRawIntBits(value);
        if (Float.isNaN(value)) {
            out.append(bits < 0 ? "-nan" : "nan");
            return;
        }
        if (bits < 0) out.append('-');
        if (Float.isInfinite(value)) {
            out.append("inf");
            return;
        }
        int biased = (bits >>> 23) & 0xff;
        long mantissa = bits & 0x7fffff;
        int exponent;
        if (biased == 0) {
            exponent = -149;
        } else {
            mantissa |= 0x800000;
            exponent = biased - 150;
        }
        long scaled = mantissa * 1000;   // below 2^34
        long thousandths;
        if (exponent > 28) {
            out.append(new BigDecimal(Math.abs((double) value)).setScale(3, RoundingMode.HALF_EVEN).toPlainString());
            return;
        } else if (exponent >= 0) {
            thousandths = scaled << exponent;
        } else if (exponent < -62) {
            thousandths = 0;   // below half a thousandth
        } else {
            int shift = -exponent;
            long rest = scaled & ((1L << shift) - 1), half = 1L << (shift - 1);
            thousandths = scaled >>> shift;
            if (rest > half || (rest == half && (thousandths & 1) == 1)) thousandths++;
        }
        long fraction = thousandths % 1000;
        out.append(thousandths / 1000).append('.');
        if (fraction < 100) out.append('0');
        if (fraction < 10) out.append('0');
        out.append(fraction);
    }

    private void pmsiTunnel(int at, int len, StringBuilder out) {
        int flags = bytes.u8(at);
        int type = bytes.u8(at + 1);
        String name = BgpNames.pmsiTunnel(type);
        out.append("\n\t    Tunnel-type ").append(name != null ? name : "Unknown").append(" (").append(type)
            .append("), Flags [").append((flags & 1) != 0 ? "Leaf Information required" : "none")
            .append("], MPLS Label ").append(bytes.u24(at + 2) >> 4);
        int p = at + 5;
        int left = len - 5;
        switch (type) {
            case 4, 5 -> twoAddresses(out, "\n\t      Sender ", p, ", P-Group ");
            case 3 -> twoAddresses(out, "\n\t      Root-Node ", p, ", P-Group ");
            case 6 -> {
                bytes.need(p, 4);
                bytes.ip4(out.append("\n\t      Tunnel-Endpoint "), p);
            }
            case 2, 7 -> addressAndId(out, "\n\t      Root-Node ", p, ", LSP-ID 0x");
            case 1 -> addressAndId(out, "\n\t      Extended-Tunnel-ID ", p, ", P2MP-ID 0x");
            default -> {
                if (!verbosity.veryVerbose()) bytes.unknownData(out, p, "\n\t      ", left);
            }
        }
    }

    private void twoAddresses(StringBuilder out, String first, int p, String second) {
        bytes.need(p, 8);
        bytes.ip4(out.append(first), p);
        bytes.ip4(out.append(second), p + 4);
    }

    private void addressAndId(StringBuilder out, String first, int p, String second) {
        bytes.need(p, 8);
        bytes.ip4(out.append(first), p);
        Text.hex(out.append(second), bytes.u32(p + 4), 8);
    }

    private boolean aigp(int at, int len, StringBuilder out) {
        int p = at;
        int left = len;
        while (left >= 3) {
            int type = bytes.u8(p);
            int length = bytes.u16(p + 1);
            p += 3;
            left -= 3;
            out.append("\n\t    ").append(type == 1 ? "AIGP" : "Unknown").append(" TLV (").append(type)
                .append("), length ").append(length);
            if (length < 3) return false;
            length -= 3;
            if (left < length) return false;
            if (type == 1) {
                if (length < 8) return false;
                long metric = bytes.u64(p);
                out.append(", metric ");
                Text.u64(out, metric);
            } else if (!verbosity.veryVerbose()) {
                bytes.unknownData(out, p, "\n\t      ", length);
            }
            p += length;
            left -= length;
        }
        return true;
    }

}
