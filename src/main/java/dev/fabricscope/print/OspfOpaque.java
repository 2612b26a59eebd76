package dev.fabricscope.print;

/**
 * The TLVs of two opaque OSPFv2 LSAs as tcpdump 4.99 prints them: traffic engineering (RFC 3630 with the GMPLS and
 * DiffServ-TE sub-TLVs of RFC 4203 and 4124; ospf_te_lsa_print) and grace (RFC 3623; ospf_grace_lsa_print). Each
 * returns false where tcpdump's returns -1: a bad length, or a TLV not captured whole (the LSA ends there, the packet
 * goes on). tcpdump's quirks are kept: a grace TLV's padding may run the remaining length below zero (it wraps and
 * the loop reads on), and a shared-risk-group sub-TLV moves the cursor past its values twice.
 */
final class OspfOpaque {
    private final Verbosity verbosity;
    private final OspfBytes b;

    OspfOpaque(Verbosity verbosity, OspfBytes b) {
        this.verbosity = verbosity;
        this.b = b;
    }

    boolean grace(int at, int length, StringBuilder out) {
        long tlv = at;
        long remaining = length;
        while (remaining > 0) {
            if (!b.has(tlv, 4)) return false;
            if (remaining < 4) {
                out.append("\n\t    Remaining LS length ").append(remaining).append(" < 4");
                return false;
            }
            int t = (int) tlv;
            int type = b.u16(t), len = b.u16(t + 2);
            tlv += 4;
            remaining -= 4;
            out.append("\n\t    ").append(OspfNames.graceTlv(type)).append(" TLV (").append(type).append("), length ")
                .append(len).append(", value: ");
            if (len > remaining) {
                out.append("\n\t    Bogus length ").append(len).append(" > ").append(remaining);
                return false;
            }
            if (type == 0 || len == 0 || !b.has(tlv, len)) return false;
            int v = (int) tlv;
            switch (type) {
                case 1 -> {
                    if (len != 4) return bogus(out, len, 4);
                    Text.u32(out, b.u32(v));
                    out.append('s');
                }
                case 2 -> {
                    if (len != 1) return bogus(out, len, 1);
                    int reason = b.u8(v);
                    out.append(OspfNames.graceReason(reason)).append(" (").append(reason).append(')');
                }
                case 3 -> {
                    if (len != 4) return bogus(out, len, 4);
                    b.ip4(out, v);
                }
                default -> {
                    if (!verbosity.veryVerbose() && !b.unknownData(v, len, "\n\t      ", out)) return false;
                }
            }
            int padded = (len + 3) & ~3;
            remaining = (remaining - padded) & 0xffffffffL;   // tcpdump's unsigned arithmetic
            tlv += padded;
        }
        return true;
    }

    private static boolean bogus(StringBuilder out, int len, int want) {
        out.append("\n\t    Bogus length ").append(len).append(" != ").append(want);
        return false;
    }

    boolean trafficEngineering(int at, int length, StringBuilder out) {
        long tlv = at;
        int remaining = length;
        while (remaining != 0) {
            if (!b.has(tlv, 4)) return false;
            if (remaining < 4) {
                out.append("\n\t    Remaining LS length ").append(remaining).append(" < 4");
                return false;
            }
            int type = b.u16((int) tlv), len = b.u16((int) tlv + 2);
            tlv += 4;
            remaining -= 4;
            out.append("\n\t    ").append(OspfNames.teTlv(type)).append(" TLV (").append(type).append("), length: ")
                .append(len);
            if (len > remaining) {
                out.append("\n\t    Bogus length ").append(len).append(" > ").append(remaining);
                return false;
            }
            if (type == 0 || len == 0) return false;
            switch (type) {
                case 2 -> {
                    long after = link(tlv, len, out);
                    if (after < 0) return false;
                    tlv = after;
                    len = 0;
                }
                case 1 -> {
                    if (len < 4) {
                        out.append("\n\t    TLV length ").append(len).append(" < 4");
                        return false;
                    }
                    b.need((int) tlv, 4);
                    b.ip4(out.append(", "), (int) tlv);
                }
                default -> {
                    if (!verbosity.veryVerbose() && !b.unknownData((int) tlv, len, "\n\t      ", out)) return false;
                }
            }
            int padded = (len + 3) & ~3;
            if (padded > remaining) {
                out.append("\n\t    Bogus padded length ").append(padded).append(" > ").append(remaining);
                return false;
            }
            remaining -= padded;
            tlv += padded;
        }
        return true;
    }

    /** The sub-TLVs of a Link TLV: where the cursor ends, or -1 where tcpdump gives up on the LSA. */
    private long link(long cursor, int length, StringBuilder out) {
        while (length != 0) {
            if (length < 4) {
                out.append("\n\t    Remaining TLV length ").append(length).append(" < 4");
                return -1;
            }
            int c = (int) Math.min(cursor, Integer.MAX_VALUE - 8);
            int type = b.u16(c), len = b.u16(c + 2);
            cursor += 4;
            length -= 4;
            if (type == 0 || len == 0) return invalid(out);
            out.append("\n\t      ").append(OspfNames.teLinkSubTlv(type)).append(" subTLV (").append(type)
                .append("), length: ").append(len);
            if (length < len) {
                out.append("\n\t    Remaining TLV length ").append(length + 4).append(" < ").append(len + 4);
                return -1;
            }
            if (!b.has(cursor, len)) return -1;
            int v = (int) cursor;
            switch (type) {
                case 9 -> {
                    if (len != 4) return invalid(out.append(" != 4"));
                    LldpText.hex(out.append(", "), b.u32(v), 8);
                }
                case 2, 11 -> {
                    if (len != 4 && len != 8) return invalid(out.append(" != 4 && != 8"));
                    identifier(v, out);
                    if (len == 8) identifier(v + 4, out);
                }
                case 3, 4 -> {
                    if (len != 4) return invalid(out.append(" != 4"));
                    b.ip4(out.append(", "), v);
                }
                case 6, 7 -> {
                    if (len != 4) return invalid(out.append(" != 4"));
                    megabits(out.append(", "), b.u32(v));
                    out.append(" Mbps");
                }
                case 8 -> {
                    if (len != 32) return invalid(out.append(" != 32"));
                    for (int i = 0; i < 8; i++) {
                        long bw = b.u32(v + 4 * i);
                        megabits(out.append("\n\t\tTE-Class ").append(i).append(": "), bw);
                        out.append(" Mbps");
                    }
                }
                case 17 -> {
                    if (len < 4) return invalid(out.append(" < 4"));
                    int model = b.u8(v);
                    out.append("\n\t\tBandwidth Constraints Model ID: ").append(GmplsNames.bandwidthConstraintModel(model))
                        .append(" (").append(model).append(')');
                    if (len % 4 != 0) return invalid(out.append("\n\t\tlength ").append(len).append(" != N x 4"));
                    if (len > 36) return invalid(out.append("\n\t\tlength ").append(len).append(" > 36"));
                    for (int i = 0; i < (len - 4) / 4; i++) {
                        long bw = b.u32(v + 4 + 4 * i);
                        megabits(out.append("\n\t\t  Bandwidth constraint CT").append(i).append(": "), bw);
                        out.append(" Mbps");
                    }
                }
                case 5 -> {
                    if (len != 4) return invalid(out.append(" != 4"));
                    Text.u32(out.append(", Metric "), b.u32(v));
                }
                case 14 -> {
                    if (len != 4) return invalid(out.append(" != 4"));
                    Text.bitNames(out.append(", "), b.u8(v), OspfNames.LINK_PROTECTION);
                }
                case 15 -> {
                    if (len < 36) return invalid(out.append(" < 36"));
                    out.append("\n\t\tInterface Switching Capability: ")
                        .append(GmplsNames.switchingCapability(b.u8(v)));
                    out.append("\n\t\tLSP Encoding: ").append(GmplsNames.lspEncoding(b.u8(v + 1)))
                        .append("\n\t\tMax LSP Bandwidth:");
                    for (int i = 0; i < 8; i++) {
                        long bw = b.u32(v + 4 + 4 * i);
                        megabits(out.append("\n\t\t  priority level ").append(i).append(": "), bw);
                        out.append(" Mbps");
                    }
                }
                case 1 -> {
                    if (len != 1) return invalid(out.append(" != 1"));
                    int linkType = b.u8(v);
                    out.append(", ").append(OspfNames.linkType(linkType)).append(" (").append(linkType).append(')');
                }
                case 16 -> {
                    if (len % 4 != 0) return invalid(out.append(" != N x 4"));
                    int groups = len / 4;
                    if (groups != 0) out.append("\n\t\t  Shared risk group: ");
                    for (; groups > 0; groups--) {
                        Text.u32(out, b.u32((int) Math.min(cursor, Integer.MAX_VALUE - 8)));
                        cursor += 4;
                        if (groups > 1) out.append(", ");
                    }
                }
                default -> {
                    if (!verbosity.veryVerbose() && !b.unknownData(v, len, "\n\t\t", out)) return -1;
                }
            }
            int padded = (len + 3) & ~3;
            if (length < padded) {
                out.append("\n\t    Remaining TLV length ").append(length + 4).append(" < ").append(padded + 4);
                return -1;
            }
            length -= padded;
            cursor += padded;
        }
        return cursor;
    }

    private void identifier(int at, StringBuilder out) {
        long value = b.u32(at);
        b.ip4(out.append(", "), at);
        LldpText.hex(out.append(" ("), value, 8);
        out.append(')');
    }

    private static long invalid(StringBuilder out) {
        out.append(" (invalid)");
        return -1;
    }

    /** A bandwidth in bytes per second (an IEEE float) as tcpdump's "%.3f" of megabits. */
    private static void megabits(StringBuilder out, long bits) {
        float bytesPerSecond = Float.intBitsToFloat((int) bits);
        BgpAttributes.fixed3(out, bytesPerSecond * 8 / 1000000);
    }
}
