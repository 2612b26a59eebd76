package dev.fabricscope.print;

/**
 * The sub-TLVs of IS-IS's shortest path bridging TLVs (RFC 6329) as tcpdump's print-isoclns.c prints them: those of
 * the multi-topology-aware port capability TLV (143: SPB MCID, digest, BVID) and of the multi-topology capability
 * TLV (144: SPB instance, SPBM service identifiers). tcpdump ignores how these end: after a short or cut sub-TLV
 * the next TLV still prints. One per {@link IsisFormatter}; allocates nothing.
 */
final class IsisSpb {
    private static final int MCID = 4, DIGEST = 5, BVID = 6, INSTANCE = 1, SERVICE_IDS = 3;
    private static final int MCID_LENGTH = 51;

    private final BgpBytes b;

    IsisSpb(BgpBytes bytes) {
        this.b = bytes;
    }

    /** tcpdump's isis_print_mt_port_cap_subtlv. */
    void portCapabilitySubTlvs(StringBuilder out, int t, int len) {
        while (len > 2) {
            int type = b.u8(t), stlvLen = b.u8(t + 1);
            out.append("\n\t       ").append(IsisNames.portCapabilitySubTlv(type)).append(" subTLV #").append(type)
                .append(", length: ").append(stlvLen);
            t += 2;
            len -= 2;
            if (!subTlvPresent(out, t, len, stlvLen)) return;
            switch (type) {
                case MCID -> {
                    if (stlvLen < 2 * MCID_LENGTH) {
                        out.append(" (too short)");
                        return;
                    }
                    out.append("\n\t         MCID: ");
                    mcid(out, t);
                    out.append("\n\t         AUX-MCID: ");
                    mcid(out, t + MCID_LENGTH);
                    t += 2 * MCID_LENGTH;
                    len -= 2 * MCID_LENGTH;
                    stlvLen -= 2 * MCID_LENGTH;
                }
                case DIGEST -> {
                    if (stlvLen < 33) {
                        out.append(" (too short)");
                        return;
                    }
                    int first = b.u8(t);
                    out.append("\n\t        RES: ").append(first >> 5).append(" V: ").append(first >> 4 & 1)
                        .append(" A: ").append(first >> 2 & 3).append(" D: ").append(first & 3);
                    t++;
                    out.append("\n\t         Digest: ");
                    for (int i = 1; i <= 8; i++) {
                        Text.hex(out, b.u32(t), 8);
                        out.append(' ');
                        if (i % 4 == 0 && i != 8) out.append("\n\t                 ");
                        t += 4;
                    }
                    len -= 33;
                    stlvLen -= 33;
                }
                case BVID -> {
                    while (stlvLen != 0) {
                        if (stlvLen < 4) {
                            out.append(" (too short)");
                            return;
                        }
                        long ect = b.u32(t);
                        out.append("\n\t           ECT: ");
                        Text.hex(out, ect, 8);
                        t += 4;
                        len -= 4;
                        stlvLen -= 4;
                        if (stlvLen < 2) {
                            out.append(" (too short)");
                            return;
                        }
                        int bvid = b.u16(t);
                        out.append(" BVID: ").append(bvid >> 4).append(", U:").append(bvid >> 3 & 1).append(" M:")
                            .append(bvid >> 2 & 1).append(' ');
                        t += 2;
                        len -= 2;
                        stlvLen -= 2;
                    }
                }
                default -> { }
            }
            t += stlvLen;
            len -= stlvLen;
        }
    }

    /**
     * Whether a sub-TLV's {@code stlvLen} bytes at {@code t} fit in the {@code len} left of its TLV (else
     * " (> containing TLV length)") and were captured (else " [|isis]"); both walks stop on either.
     */
    private boolean subTlvPresent(StringBuilder out, int t, int len, int stlvLen) {
        if (len < stlvLen) {
            out.append(" (> containing TLV length)");
            return false;
        }
        if (!b.has(t, stlvLen)) {
            out.append(" [|isis]");
            return false;
        }
        return true;
    }

    /** tcpdump's isis_print_mcid: format ID, configuration name, revision level and digest. */
    private void mcid(StringBuilder out, int at) {
        if (!b.has(at, MCID_LENGTH)) {
            out.append(" [|isis]");
            return;
        }
        out.append("ID: ").append(b.u8(at)).append(", Name: ");
        LldpText.untilNul(b, at + 1, 32, out);
        out.append("\n\t              Lvl: ").append(b.u16(at + 33)).append(", Digest: ");
        for (int i = 0; i < 16; i++) {
            Text.hex(out, b.u8(at + 35 + i), 2);
            out.append(' ');
        }
    }

    /** tcpdump's isis_print_mt_capability_subtlv. */
    void mtCapabilitySubTlvs(StringBuilder out, int t, int len) {
        while (len > 2) {
            int type = b.u8(t), stlvLen = b.u8(t + 1);
            t += 2;
            len -= 2;
            out.append("\n\t      ").append(IsisNames.mtCapabilitySubTlv(type)).append(" subTLV #").append(type)
                .append(", length: ").append(stlvLen);
            if (!subTlvPresent(out, t, len, stlvLen)) return;
            switch (type) {
                case INSTANCE -> {
                    if (stlvLen < 19) {
                        out.append(" (too short)");
                        return;
                    }
                    out.append("\n\t        CIST Root-ID: ");
                    Text.hex(out, b.u32(t), 8);
                    out.append(' ');
                    Text.hex(out, b.u32(t + 4), 8);
                    out.append(", Path Cost: ");
                    Text.hex(out, b.u32(t + 8), 8);
                    out.append(", Prio: ").append(b.u16(t + 12));
                    int flags = b.u16(t + 14);
                    out.append("\n\t        RES: ").append(flags >> 5).append(", V: ").append(flags >> 4 & 1)
                        .append(", SPSource-ID: ").append(b.u32(t + 14) & 0xfffff);
                    int trees = b.u8(t + 18);
                    out.append(", No of Trees: ");
                    Text.hex(out, trees);
                    t += 19;
                    len -= 19;
                    stlvLen -= 19;
                    for (; trees > 0; trees--) {
                        if (stlvLen < 8) {
                            out.append(" [|isis]");
                            return;
                        }
                        int bits = b.u8(t);
                        out.append("\n\t         U:").append(bits >> 7).append(", M:").append(bits >> 6 & 1)
                            .append(", A:").append(bits >> 5 & 1).append(", RES:").append(bits & 0x1f);
                        long ect = b.u32(t + 1);
                        out.append(", ECT: ");
                        Text.hex(out, ect, 8);
                        int vids = b.u24(t + 5);
                        out.append(", BVID: ").append(vids >> 12 & 0xfff).append(", SPVID: ").append(vids & 0xfff);
                        t += 8;
                        len -= 8;
                        stlvLen -= 8;
                    }
                }
                case SERVICE_IDS -> {
                    if (stlvLen < 8) {
                        out.append(" [|isis]");
                        return;
                    }
                    out.append("\n\t        BMAC: ");
                    Text.hex(out, b.u32(t), 8);
                    Text.hex(out, b.u16(t + 4), 4);
                    int vid = b.u16(t + 6);
                    out.append(", RES: ").append(vid >> 12).append(", VID: ").append(vid & 0xfff);
                    t += 8;
                    len -= 8;
                    stlvLen -= 8;
                    for (; stlvLen >= 4; t += 4, len -= 4, stlvLen -= 4) {
                        long isid = b.u32(t);
                        out.append("\n\t        T: ").append(isid >>> 31).append(", R: ").append(isid >>> 30 & 1)
                            .append(", RES: ").append(isid >>> 24 & 0x3f).append(", ISID: ").append(isid & 0xffffff);
                    }
                }
                default -> { }
            }
            t += stlvLen;
            len -= stlvLen;
        }
    }
}
