package dev.fabricscope.print;

import dev.fabricscope.capture.Packet;
import java.util.Arrays;

/**
 * The IS-IS reachability TLVs' entries as tcpdump's print-isoclns.c prints them: extended IS reachability (RFC 5305,
 * with its traffic engineering, GMPLS and segment routing sub-TLVs; TLVs 22, 24 and 222), extended IP reachability
 * (RFC 5305, 5308 and 5120; TLVs 135, 235, 236 and 237, with their sub-TLVs), the old-style IP reachability and
 * metric block (ISO 10589, RFC 1195), multi-topology IDs and the router capability's sub-TLVs (RFC 7981, 8667).
 * Each entry printer returns what tcpdump's returns: the bytes it used, 0 where it gave up. A prefix is copied into
 * a zeroed scratch buffer unmasked, as tcpdump does. One per {@link IsisFormatter}; allocates nothing.
 */
final class IsisReach {
    static final String IDENT = "\n\t      ";
    /** tcpdump's indents: each nesting level adds two spaces. */
    private static final String SUB = IDENT + "  ", SUB_SUB = SUB + "  ", SUB_SUB_SUB = SUB_SUB + "  ";
    private static final int ALIAS_ID = 24;
    private static final int ADMIN_GROUP = 3, LINK_LOCAL_REMOTE_ID = 4, LINK_REMOTE_ID = 5, IPV4_INTERFACE = 6,
        IPV4_NEIGHBOR = 8, MAX_LINK_BW = 9, RESERVABLE_BW = 10, UNRESERVED_BW = 11, BW_CONSTRAINTS_OLD = 12,
        TE_METRIC = 18, LINK_ATTRIBUTE = 19, LINK_PROTECTION = 20, SWITCHING_CAPABILITY = 21, BW_CONSTRAINTS = 22,
        SPB_METRIC = 29, LAN_ADJ_SID = 32;
    private static final int ADMIN_TAG32 = 1, ADMIN_TAG64 = 2, PREFIX_SID = 3, PREFIX_COLOR = 117;
    private static final int SID_FLAG_VALUE = 0x08;

    private final BgpBytes b;
    private final byte[] prefix = new byte[16];
    private final Packet prefixView = new Packet();

    IsisReach(BgpBytes bytes) {
        this.b = bytes;
    }

    /** tcpdump's isis_print_mtid: the topology's name, ID and flags; 2, or 0 when fewer than 2 bytes are left. */
    int mtid(StringBuilder out, int t, int remaining) {
        if (remaining < 2) return 0;
        int value = b.u16(t);
        out.append(IDENT).append(IsisNames.topology(value & 0x0fff)).append(" Topology (0x");
        Text.hex(out, value & 0x0fff, 3);
        out.append("), Flags: [");
        LldpText.bits(out, value & 0xf000, IsisNames.MT_FLAGS, IsisNames.MT_FLAG_NAMES, "none");
        out.append(']');
        return 2;
    }

    /** tcpdump's isis_print_metric_block: the default metric, and each other metric that is supported. */
    void metricBlock(StringBuilder out, int at) {
        int metric = b.u8(at);
        out.append(", Default Metric: ").append(metric & 0x3f).append(", ").append(scope(metric));
        metric(out, "\n\t\t  Delay Metric: ", at + 1);
        metric(out, "\n\t\t  Expense Metric: ", at + 2);
        metric(out, "\n\t\t  Error Metric: ", at + 3);
    }

    private void metric(StringBuilder out, String label, int at) {
        int metric = b.u8(at);
        if ((metric & 0x80) != 0) return;   // the S bit: not supported
        out.append(label).append(metric & 0x3f).append(", ").append(scope(metric));
    }

    private static String scope(int metric) {
        return (metric & 0x40) != 0 ? "External" : "Internal";
    }

    /**
     * tcpdump's isis_print_tlv_ip_reach (TLVs 128 and 130): 12-byte entries; false (tcpdump then ends the PDU
     * without a marker) where one is short or was not captured.
     */
    boolean ipReach(StringBuilder out, int cp, int length) {
        while (length > 0) {
            if (length < 12) {
                out.append("short IPv4 Reachability (").append(length).append(" vs 12)");
                return false;
            }
            if (!b.has(cp, 12)) return false;
            int plen = prefixLength(b.u32(cp + 8));
            out.append(IDENT).append("IPv4 prefix: ");
            if (plen == -1) {
                b.ip4(out, cp + 4);
                out.append(" mask ");
                b.ip4(out, cp + 8);
            } else {
                int start = out.length();
                b.ip4(out, cp + 4);
                padLeft(out, start, 15);
                out.append('/').append(plen);
            }
            int metric = b.u8(cp);
            out.append(", Distribution: ").append((metric & 0x80) != 0 ? "down" : "up").append(", Metric: ")
                .append(metric & 0x3f).append(", ").append(scope(metric));
            metric(out, "\n\t        Delay Metric: ", cp + 1);
            metric(out, "\n\t        Expense Metric: ", cp + 2);
            metric(out, "\n\t        Error Metric: ", cp + 3);
            length -= 12;
            cp += 12;
        }
        return true;
    }

    /** tcpdump's mask2plen: the prefix length of a contiguous mask, else -1. */
    private static int prefixLength(long mask) {
        for (int plen = 32; plen >= 0; plen--) {
            if (((0xffffffff00000000L >>> plen) & 0xffffffffL) == mask) return plen;
        }
        return -1;
    }

    /** printf's "%Ns": spaces before what was written from {@code start} up to {@code width} characters. */
    private static void padLeft(StringBuilder out, int start, int width) {
        for (int n = width - (out.length() - start); n > 0; n--) out.insert(start, ' ');
    }

    /**
     * tcpdump's isis_print_ext_is_reach: the neighbor, its metric (none for the IS alias TLV) and sub-TLVs; the bytes
     * used, 0 where the entry was short or not captured.
     */
    int extIsReach(StringBuilder out, int t, int tlvType, int remaining) {
        if (!b.has(t, OsiFields.NODE_ID) || remaining < OsiFields.NODE_ID) return 0;
        OsiFields.id(out, b, IDENT + "IS Neighbor: ", t, OsiFields.NODE_ID);
        t += OsiFields.NODE_ID;
        remaining -= OsiFields.NODE_ID;
        int used = OsiFields.NODE_ID;
        if (tlvType != ALIAS_ID) {   // the alias TLV's metric is implicitly 0
            if (!b.has(t, 3) || remaining < 3) return 0;
            out.append(", Metric: ").append(b.u24(t));
            t += 3;
            remaining -= 3;
            used += 3;
        }
        if (!b.has(t, 1) || remaining < 1) return 0;
        int sum = b.u8(t);
        t++;
        remaining--;
        used++;
        out.append(sum != 0 ? ", sub-TLVs present" : ", no sub-TLVs present");
        if (sum == 0) return used;
        out.append(" (").append(sum).append(')');
        while (sum != 0) {
            if (!b.has(t, 2)) return 0;
            if (remaining < 2) {
                out.append(SUB).append("Remaining data in TLV shorter than a subTLV header");
                used += remaining;
                break;
            }
            if (sum < 2) {
                out.append(SUB).append("Remaining data in subTLVs shorter than a subTLV header");
                used += sum;
                break;
            }
            int type = b.u8(t), len = b.u8(t + 1);
            t += 2;
            remaining -= 2;
            sum -= 2;
            used += 2;
            out.append(SUB).append(IsisNames.extIsReachSubTlv(type)).append(" subTLV #").append(type)
                .append(", length: ").append(len);
            if (sum < len) {
                out.append(" (remaining data in subTLVs shorter than the current subTLV)");
                used += sum;
                break;
            }
            if (remaining < len) {
                out.append(" (> remaining tlv length)");
                used += remaining;
                break;
            }
            if (!b.has(t, len)) return 0;
            // some sub-TLVs step through their value; what they consumed comes off len, sum and used alike
            int consumed = switch (type) {
                case ADMIN_GROUP, LINK_LOCAL_REMOTE_ID, LINK_REMOTE_ID -> {
                    if (len >= 4) {
                        hex32(out.append(", 0x"), b.u32(t));
                        if (len == 8) hex32(out.append(", 0x"), b.u32(t + 4));
                    }
                    yield 0;
                }
                case IPV4_INTERFACE, IPV4_NEIGHBOR -> {
                    if (len >= 4) {
                        b.need(t, 4);
                        b.ip4(out.append(", "), t);
                    }
                    yield 0;
                }
                case MAX_LINK_BW, RESERVABLE_BW -> {
                    if (len >= 4) megabits(out.append(", "), b.u32(t));
                    yield 0;
                }
                case UNRESERVED_BW -> {
                    if (len < 32) yield 0;
                    for (int teClass = 0; teClass < 8; teClass++) {
                        long bits = b.u32(t + 4 * teClass);
                        out.append(SUB_SUB).append("TE-Class ").append(teClass).append(": ");
                        megabits(out, bits);
                    }
                    yield 32;
                }
                case BW_CONSTRAINTS, BW_CONSTRAINTS_OLD -> {
                    yield len == 0 ? 0 : bandwidthConstraints(out, t, len);
                }
                case TE_METRIC -> {
                    if (len >= 3) out.append(", ").append(b.u24(t));
                    yield 0;
                }
                case LINK_ATTRIBUTE -> {
                    if (len == 2) {
                        int value = b.u16(t);
                        out.append(", [ ");
                        LldpText.bits(out, value, IsisNames.LINK_ATTRIBUTES, IsisNames.LINK_ATTRIBUTE_NAMES,
                            "Unknown");
                        out.append(" ] (0x");
                        Text.hex(out, value, 4);
                        out.append(')');
                    }
                    yield 0;
                }
                case LINK_PROTECTION -> {
                    if (len >= 2) {
                        int protection = b.u8(t), priority = b.u8(t + 1);
                        out.append(", ");
                        LldpText.bits(out, protection, IsisNames.LINK_PROTECTION, IsisNames.LINK_PROTECTION_NAMES,
                            "none");
                        out.append(", Priority ").append(priority);
                    }
                    yield 0;
                }
                case SPB_METRIC -> {
                    if (len < 6) yield 0;
                    int linkMetric = b.u24(t);
                    out.append(", LM: ").append(linkMetric);
                    int ports = b.u8(t + 3);
                    out.append(", P: ").append(ports);
                    int portId = b.u16(t + 4);
                    out.append(", P-ID: ").append(portId);
                    yield 4;
                }
                case SWITCHING_CAPABILITY -> {
                    if (len < 36) yield 0;
                    yield switchingCapability(out, t, len);
                }
                case LAN_ADJ_SID -> {
                    if (len >= 8) lanAdjacencySid(out, t, len);
                    yield len >= 8 ? 2 : 0;
                }
                default -> {
                    b.unknownData(out, t, "\n\t\t    ", len);
                    yield 0;
                }
            };
            if (consumed < 0) return 0;
            t += consumed;
            len -= consumed;
            sum -= consumed;
            used += consumed;
            t += len;
            remaining -= len;
            sum -= len;
            used += len;
        }
        return used;
    }

    /** Bandwidth constraints: the model, then a CT per 4 bytes; the bytes stepped over. */
    private int bandwidthConstraints(StringBuilder out, int t, int len) {
        int model = b.u8(t);
        out.append(SUB).append("Bandwidth Constraints Model ID: ").append(GmplsNames.bandwidthConstraintModel(model))
            .append(" (").append(model).append(')');
        int consumed = 1;
        for (int teClass = 0; len - consumed >= 4; teClass++) {
            long bits = b.u32(t + consumed);
            out.append(SUB_SUB).append("Bandwidth constraint CT").append(teClass).append(": ");
            megabits(out, bits);
            consumed += 4;
        }
        return consumed;
    }

    /** The interface switching capability descriptor (RFC 4205); the bytes stepped over, -1 when tcpdump gave up. */
    private int switchingCapability(StringBuilder out, int t, int len) {
        int capability = b.u8(t);
        out.append(SUB_SUB).append("Interface Switching Capability:").append(GmplsNames.switchingCapability(capability));
        int encoding = b.u8(t + 1);
        out.append(", LSP Encoding: ").append(GmplsNames.lspEncoding(encoding));
        out.append(SUB_SUB).append("Max LSP Bandwidth:");
        for (int level = 0; level < 8; level++) {
            long bits = b.u32(t + 4 + 4 * level);
            out.append(SUB_SUB_SUB).append("priority level ").append(level).append(": ");
            megabits(out, bits);
        }
        int at = t + 36, left = len - 36;
        switch (capability) {
            case GmplsNames.PSC1, GmplsNames.PSC2, GmplsNames.PSC3, GmplsNames.PSC4 -> {
                if (left < 6) break;
                long bits = b.u32(at);
                out.append(SUB_SUB).append("Min LSP Bandwidth: ");
                megabits(out, bits);
                int mtu = b.u16(at + 4);
                out.append(SUB_SUB).append("Interface MTU: ").append(mtu);
            }
            case GmplsNames.TSC -> {
                if (left < 8) break;
                long bits = b.u32(at);
                out.append(SUB_SUB).append("Min LSP Bandwidth: ");
                megabits(out, bits);
                int indication = b.u8(at + 4);
                String name = IsisNames.tscIndication(indication);
                out.append(SUB_SUB).append("Indication ");
                if (name != null) out.append(name);
                else out.append("Unknown (").append(indication).append(')');
            }
            default -> {
                if (left != 0) {
                    if (at > b.end()) return -1;
                    b.unknownData(out, at, "\n\t\t    ", left);
                }
            }
        }
        return 36;
    }

    /** The LAN adjacency segment identifier (RFC 8667): flags, weight, neighbor, then a label or an index. */
    private void lanAdjacencySid(StringBuilder out, int t, int len) {
        int flags = b.u8(t);
        out.append(SUB_SUB).append("Flags: [");
        LldpText.bits(out, flags, IsisNames.LAN_ADJ_SID_FLAGS, IsisNames.LAN_ADJ_SID_FLAG_NAMES, "none");
        out.append(']');
        boolean value = (flags & 0x20) != 0, local = (flags & 0x10) != 0;
        int weight = b.u8(t + 1);
        out.append(SUB_SUB).append("Weight: ").append(weight);
        int at = t + 2;
        if (len - 2 >= OsiFields.SYSTEM_ID) OsiFields.id(out, b, SUB_SUB + "Neighbor System-ID: ", at, OsiFields.SYSTEM_ID);
        if (value && local) {
            int label = b.u24(at + OsiFields.SYSTEM_ID);
            out.append(SUB_SUB).append("Label: ").append(label);
        } else if (!value && !local) {
            long index = b.u32(at + OsiFields.SYSTEM_ID);
            out.append(SUB_SUB).append("Index: ").append(index);
        } else {
            out.append(" (invalid)");
        }
    }

    /** An IEEE float of bytes per second as "%.3f Mbps". */
    private static void megabits(StringBuilder out, long bits) {
        BgpAttributes.fixed3(out, Float.intBitsToFloat((int) bits) * 8 / 1000000);
        out.append(" Mbps");
    }

    private static void hex32(StringBuilder out, long value) {
        Text.hex(out, value, 8);
    }

    /**
     * tcpdump's isis_print_extd_ip_reach: metric, prefix, flags and sub-TLVs of one entry; the bytes it takes (its
     * sub-TLV length counted whole), 0 where a bit length is bad or a sub-TLV was cut.
     */
    int extdIpReach(StringBuilder out, int t, boolean ipv6) {
        long metric = b.u32(t);
        int processed = 4;
        t += 4;
        int status, bits;
        if (!ipv6) {
            status = b.u8(t);
            t++;
            bits = status & 0x3f;
            if (bits > 32) {
                out.append(IDENT).append("IPv4 prefix: bad bit length ").append(bits);
                return 0;
            }
            processed++;
        } else {
            status = b.u8(t);
            bits = b.u8(t + 1);
            if (bits > 128) {
                out.append(IDENT).append("IPv6 prefix: bad bit length ").append(bits);
                return 0;
            }
            t += 2;
            processed += 2;
        }
        int n = (bits + 7) / 8;
        b.need(t, n);
        Arrays.fill(prefix, (byte) 0);
        for (int i = 0; i < n; i++) prefix[i] = (byte) b.u8(t + i);
        t += n;
        processed += n;
        prefixView.set(prefix, 0, prefix.length, prefix.length, 0, 0, 0, 0);
        if (!ipv6) {
            out.append(IDENT).append("IPv4 prefix: ");
            int start = out.length();
            Text.ipv4(out, prefixView, 0);
            padLeft(out, start, 15);
        } else {
            out.append(IDENT).append("IPv6 prefix: ");
            Text.ipv6(out, prefixView, 0);
        }
        out.append('/').append(bits).append(", Distribution: ").append((status & 0x80) != 0 ? "down" : "up")
            .append(", Metric: ").append(metric);
        boolean subTlvs = ipv6 ? (status & 0x20) != 0 : (status & 0x40) != 0;
        if (!ipv6) {
            if (subTlvs) out.append(", sub-TLVs present");
        } else {
            out.append(", ").append((status & 0x40) != 0 ? "External" : "Internal");
            if (subTlvs) out.append(", sub-TLVs present");
        }
        if (subTlvs) {
            int sublen = b.u8(t);   // the sub-TLVs' total length; tcpdump counts it down unsigned
            t++;
            processed += sublen + 1;
            out.append(" (").append(sublen).append(')');
            while (sublen != 0) {
                int type = b.u8(t), len = b.u8(t + 1);
                t += 2;
                if (!ipReachSubTlv(out, t, type, len)) return 0;
                t += len;
                sublen -= len + 2;
            }
        }
        return processed;
    }

    /** tcpdump's isis_print_ip_reach_subtlv; false (after " [|isis]") where the sub-TLV was cut. */
    private boolean ipReachSubTlv(StringBuilder out, int t, int type, int len) {
        out.append(SUB).append(IsisNames.extIpReachSubTlv(type)).append(" subTLV #").append(type)
            .append(", length: ").append(len);
        if (!b.has(t, len)) return trunc(out);
        switch (type) {
            case PREFIX_COLOR, ADMIN_TAG32 -> {
                for (; len >= 4; len -= 4, t += 4) {
                    long tag = b.u32(t);
                    out.append(", 0x");
                    hex32(out, tag);
                    out.append(" (=").append(tag).append(')');
                }
            }
            case ADMIN_TAG64 -> {
                for (; len >= 8; len -= 8, t += 8) {
                    long high = b.u32(t), low = b.u32(t + 4);
                    out.append(", 0x");
                    hex32(out, high);
                    hex32(out, low);
                }
            }
            case PREFIX_SID -> {
                int flags = b.u8(t), algorithm = b.u8(t + 1);
                long sid;
                if ((flags & SID_FLAG_VALUE) != 0) {
                    if (len < 5) return trunc(out);
                    sid = b.u24(t + 2);
                } else {
                    if (len < 6) return trunc(out);
                    sid = b.u32(t + 2);
                }
                out.append(", Flags [");
                LldpText.bits(out, flags, IsisNames.PREFIX_SID_FLAGS, IsisNames.PREFIX_SID_FLAG_NAMES, "None");
                out.append("], Algo ").append(IsisNames.prefixSidAlgorithm(algorithm)).append(" (").append(algorithm)
                    .append("), ").append((flags & SID_FLAG_VALUE) != 0 ? "label " : "index ").append(sid);
            }
            default -> b.unknownData(out, t, "\n\t\t    ", len);
        }
        return true;
    }

    private static boolean trunc(StringBuilder out) {
        out.append(" [|isis]");
        return false;
    }

    /** tcpdump's isis_print_router_cap_subtlv: the router capability TLV's sub-TLVs (RFC 8667's SR capabilities). */
    void routerCapabilitySubTlvs(StringBuilder out, int t, int tlen) {
        while (tlen >= 2) {
            int type = b.u8(t), len = b.u8(t + 1);
            tlen -= 2;
            t += 2;
            out.append("\n\t\t").append(IsisNames.routerCapabilitySubTlv(type)).append(" subTLV #").append(type)
                .append(", length: ").append(len);
            if (len > tlen) break;
            if (!b.has(t, len)) return;
            if (type == 2) {
                int flags = b.u8(t), range = b.u24(t + 1);
                out.append(", Flags [");
                LldpText.bits(out, flags, IsisNames.SR_CAPABILITY_FLAGS, IsisNames.SR_CAPABILITY_FLAG_NAMES, "None");
                out.append("], Range ").append(range);
                int s = t + 4;
                int left = (len - 4) & 0xff;   // an 8-bit count in tcpdump: wraps when the sub-TLV is short
                while (left >= 5) {
                    int sidType = b.u8(s), sidLen = b.u8(s + 1);
                    left -= 2;
                    s += 2;
                    if (sidLen > left) break;
                    if (sidType == 1) {
                        if (sidLen == 3 || sidLen == 4) {
                            long sid = sidLen == 3 ? b.u24(s) : b.u32(s);
                            out.append(", SID value ").append(sid);
                        } else {
                            out.append(", Unknown SID length").append(sidLen);
                        }
                    } else {
                        b.unknownData(out, s, "\n\t\t  ", sidLen);
                    }
                    s += sidLen;
                    left -= sidLen;
                }
            } else {
                b.unknownData(out, t, "\n\t\t", len);
            }
            tlen -= len;
            t += len;
        }
    }
}
