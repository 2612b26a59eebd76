package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * Ethernet and what rides directly on an ethertype: VLAN tags, MPLS, PPPoE session, RoCEv1, slow
 * protocols, IPv4/IPv6.
 *
 * <p>MPLS payload heuristic (MPLS itself does not say what follows the bottom of stack): label 0
 * (IPv4 explicit null) → IPv4, label 2 (IPv6 explicit null) → IPv6; otherwise the first nibble after the
 * stack decides: 4 → IPv4, 6 → IPv6, 0 → an Ethernet pseudowire with a 4-byte control word (RFC 4385);
 * anything else is left undecoded ({@link MplsPayload#UNKNOWN}). Pseudowires without a control word are
 * therefore not recognised. Inside a pseudowire the inner frame's VLAN tags are skipped (not recorded:
 * the tag arrays describe the outer frame) and only IPv4/IPv6 is decoded after them.
 *
 * <p>Headers walked before the VLAN tags, where tcpdump's ether_common_print walks them: an integrity-only MACsec
 * SecTAG as the first type (or right after an Arista header), and Arista's timestamp header (subtype 1, 64- or
 * 48-bit format) after the tags, which starts the walk again. Encrypted or invalid SecTAGs and other Arista
 * subtypes or formats end the walk as a final type, as before.
 */
final class EthernetLayer {
    private EthernetLayer() { }

    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_IPV6 = 0x86dd;
    static final int ETHERTYPE_VLAN = 0x8100;      // 802.1Q
    static final int ETHERTYPE_QINQ = 0x88a8;      // 802.1ad service tag
    static final int ETHERTYPE_QINQ_OLD = 0x9100;  // pre-standard QinQ
    static final int ETHERTYPE_QINQ_9200 = 0x9200; // pre-standard QinQ, also a VLAN tag to tcpdump
    static final int ETHERTYPE_MPLS = 0x8847;
    static final int ETHERTYPE_MPLS_MULTICAST = 0x8848;
    static final int ETHERTYPE_PPPOE_SESSION = 0x8864;
    static final int ETHERTYPE_ROCE_V1 = 0x8915;
    static final int ETHERTYPE_SLOW_PROTOCOLS = 0x8809;
    static final int ETHERTYPE_TEB = 0x6558;       // transparent Ethernet bridging (GRE payload)
    static final int PPP_IPV4 = 0x0021;
    static final int PPP_IPV6 = 0x0057;
    static final int PPPOE_HEADER_LENGTH = 6;
    static final int MPLS_LABEL_IPV4_EXPLICIT_NULL = 0;
    static final int MPLS_LABEL_IPV6_EXPLICIT_NULL = 2;

    static boolean isVlanTpid(int type) {
        return type == ETHERTYPE_VLAN || type == ETHERTYPE_QINQ || type == ETHERTYPE_QINQ_OLD
            || type == ETHERTYPE_QINQ_9200;
    }

    static void ethernet(Packet p, Layers l, int off) {
        if (!p.has(off, ETHERNET_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_ETHERNET_HEADER, off);
            return;
        }
        l.ethOffset = off;
        l.dstMacOffset = off;
        l.srcMacOffset = off + 6;
        etherTypeChain(p, l, off + 12);
    }

    /**
     * Ethernet whose MAC addresses are followed by a switch chip's tag of {@code tagLength} bytes (Marvell DSA/EDSA,
     * Broadcom) and then the type: the tag is skipped, the rest is an Ethernet frame's.
     */
    static void switchTagged(Packet p, Layers l, int tagLength) {
        if (!p.has(0, ETHERNET_HEADER_LENGTH + tagLength)) {
            l.fail(Malformed.TRUNCATED_ETHERNET_HEADER, 0);
            return;
        }
        l.ethOffset = 0;
        l.dstMacOffset = 0;
        l.srcMacOffset = 6;
        etherTypeChain(p, l, 12 + tagLength);
    }

    /** From an ethertype field whose 2 bytes the caller checked, the payload right after it. */
    static void etherTypeChain(Packet p, Layers l, int typeOff) {
        etherTypeChain(p, l, typeOff, typeOff + 2);
    }

    /** What the walk of a MACsec or Arista header found: the next type field's offset, or one of these. */
    private static final int NOT_WALKED = -1, WALK_FAILED = -2;

    /**
     * MACsec and Arista headers and VLAN tags (see the class comment), then the payload. The payload need not follow
     * the type field: LINUX_SLL2 has its protocol first and the payload after the 20-byte header; a tag's TCI and the
     * next ethertype start the payload. A loop, not recursion: each round consumes a header of a bounded packet.
     */
    static void etherTypeChain(Packet p, Layers l, int typeOff, int payloadOff) {
        int type = p.u16(typeOff);
        while (true) {
            if (type == MacsecSecTag.ETHERTYPE) {
                int next = macsec(p, l, typeOff, payloadOff);
                if (next == WALK_FAILED) break;
                if (next != NOT_WALKED) {
                    p = l.macsecView;   // the same bytes at the same offsets, ending before the ICV
                    typeOff = next;
                    payloadOff = next + 2;
                    type = p.u16(typeOff);
                }
            }
            while (isVlanTpid(type)) {
                if (l.vlanCount == Layers.MAX_VLAN_TAGS) {
                    l.fail(Malformed.TOO_MANY_VLAN_TAGS, typeOff);
                    return;
                }
                if (!p.has(payloadOff, 4)) {  // TCI and the next ethertype
                    l.fail(Malformed.TRUNCATED_VLAN_TAG, typeOff);
                    return;
                }
                int tci = p.u16(payloadOff);
                int i = l.vlanCount++;
                l.vlanOffset[i] = typeOff;
                l.vlanTpid[i] = type;
                l.vlanPcp[i] = tci >>> 13;
                l.vlanDei[i] = (tci >>> 12) & 1;
                l.vlanVid[i] = tci & 0x0fff;
                typeOff = payloadOff + 2;
                payloadOff += 4;
                type = p.u16(typeOff);
            }
            if (type != AristaHeader.ETHERTYPE) break;
            int next = arista(p, l, typeOff, payloadOff);
            if (next < 0) break;
            typeOff = next;
            payloadOff = next + 2;
            type = p.u16(typeOff);
        }
        l.etherType = type;
        l.etherTypeOffset = typeOff;
        l.etherPayloadOffset = payloadOff;
        int off = payloadOff;
        switch (type) {
            case ETHERTYPE_IPV4 -> IpLayer.ipv4(p, l, off);
            case ETHERTYPE_IPV6 -> IpLayer.ipv6(p, l, off);
            case ETHERTYPE_MPLS, ETHERTYPE_MPLS_MULTICAST -> mpls(p, l, off);
            case ETHERTYPE_PPPOE_SESSION -> pppoe(p, l, off);
            case ETHERTYPE_ROCE_V1 -> {
                l.rareGroupsSet = true;
                l.roceVersion = 1;
                InfinibandHeaders.grhThenBth(p, l, off);
            }
            case ETHERTYPE_SLOW_PROTOCOLS -> {
                l.rareGroupsSet = true;
                if (p.has(off, 1)) l.slowProtocolsOffset = off;
                else l.fail(Malformed.TRUNCATED_SLOW_PROTOCOLS, off);
            }
            default -> { }
        }
    }

    /**
     * An Arista header whose type field is at {@code typeOff}: the next type field's offset once a timestamp header
     * (subtype 1, 64- or 48-bit) and that field are captured, {@link #NOT_WALKED} for other subtypes and formats,
     * {@link #WALK_FAILED} when the capture ends first (the 0xd28b type stays the final one either way).
     */
    private static int arista(Packet p, Layers l, int typeOff, int payloadOff) {
        if (!p.has(payloadOff, AristaHeader.BEFORE_TIME)) return aristaTruncated(p, l, payloadOff);
        if (AristaHeader.subtype(p, payloadOff) != AristaHeader.SUBTYPE_TIMESTAMP) return NOT_WALKED;
        int time = AristaHeader.timeLength(AristaHeader.format(p, payloadOff));
        if (time == 0) return NOT_WALKED;
        int next = payloadOff + AristaHeader.BEFORE_TIME + time;
        if (!p.has(next, 2)) return aristaTruncated(p, l, payloadOff);
        l.rareGroupsSet = true;
        if (l.aristaCount++ == 0) l.aristaOffset = typeOff;
        return next;
    }

    /** A subtype and format known to be unknown stay as before (not walked, not malformed) even when cut short. */
    private static int aristaTruncated(Packet p, Layers l, int payloadOff) {
        if (p.has(payloadOff, 2) && AristaHeader.subtype(p, payloadOff) != AristaHeader.SUBTYPE_TIMESTAMP) {
            return NOT_WALKED;
        }
        l.fail(Malformed.TRUNCATED_ARISTA_HEADER, payloadOff);
        return WALK_FAILED;
    }

    /**
     * A MACsec SecTAG whose type field is at {@code typeOff}: when integrity only (E = C = 0) and valid (version 0,
     * short length in 6 bits) the offset of the type field that follows it, and {@link Layers#macsecView} bounds what
     * follows to the secure data (the short length's, else all but the 16-byte ICV tcpdump assumes at the frame's
     * end on the wire). {@link #NOT_WALKED} for encrypted or invalid SecTAGs; {@link #WALK_FAILED} when the capture
     * ends inside the SecTAG or the inner type, or the frame is too short for its ICV or short length.
     */
    private static int macsec(Packet p, Layers l, int typeOff, int payloadOff) {
        if (!p.has(payloadOff, MacsecSecTag.LENGTH)) {
            return macsecFailed(l, Malformed.TRUNCATED_MACSEC_SECTAG, payloadOff);
        }
        int sectag = MacsecSecTag.length(p, payloadOff);
        if (!p.has(payloadOff, sectag)) return macsecFailed(l, Malformed.TRUNCATED_MACSEC_SECTAG, payloadOff);
        if (MacsecSecTag.invalid(p, payloadOff) || MacsecSecTag.encrypted(p, payloadOff)) return NOT_WALKED;
        int shortLength = MacsecSecTag.shortLength(p, payloadOff);
        int secure = payloadOff + sectag;
        // the ICV at the wire's end (origLen is the frame's end: it runs to the packet's end); the printer uses the
        // captured end as tcpdump does. The length unsigned, as tcpdump's u_int: a frame carried in a jumbogram's UDP
        // payload can pass 2^31 (its ICV then lies far past the capture; the end is kept an int)
        long wireEnd = Integer.toUnsignedLong(p.origLen()) - MacsecSecTag.ICV_LENGTH;
        if (wireEnd < secure) return macsecFailed(l, Malformed.MACSEC_SHORTER_THAN_ICV, payloadOff);
        int end = (int) Math.min(wireEnd, Integer.MAX_VALUE);
        if (shortLength != 0) {
            if (secure + shortLength > end) return macsecFailed(l, Malformed.BAD_MACSEC_SHORT_LENGTH, payloadOff);
            end = secure + shortLength;
        }
        int capLen = Math.min(p.capLen(), end);
        if (secure + 2 > capLen) return macsecFailed(l, Malformed.TRUNCATED_MACSEC_SECTAG, payloadOff);
        l.rareGroupsSet = true;
        if (l.macsecCount++ == 0) l.macsecOffset = typeOff;
        l.macsecDataEnd = end;
        l.macsecView.set(p.bytes(), p.offset(), capLen, end, p.timestampNanos(), p.interfaceId(), p.linkType(),
            p.frameNumber());
        return secure;
    }

    private static int macsecFailed(Layers l, Malformed reason, int offset) {
        l.fail(reason, offset);
        return WALK_FAILED;
    }

    /** MPLS label stack entries: label(20) TC(3) S(1) TTL(8), until S = 1. */
    private static void mpls(Packet p, Layers l, int off) {
        l.rareGroupsSet = true;
        int label;
        while (true) {  // terminates: at most MAX_MPLS_LABELS entries
            if (l.mplsCount == Layers.MAX_MPLS_LABELS) {
                l.fail(Malformed.TOO_MANY_MPLS_LABELS, off);
                return;
            }
            if (!p.has(off, 4)) {
                l.fail(Malformed.TRUNCATED_MPLS_LABEL, off);
                return;
            }
            if (l.mplsCount == 0) l.mplsOffset = off;  // recorded only once a label is really there
            int entry = (int) p.u32(off);
            int i = l.mplsCount++;
            label = entry >>> 12;
            l.mplsLabel[i] = label;
            l.mplsTc[i] = (entry >>> 9) & 7;
            l.mplsBottom[i] = (entry >>> 8) & 1;
            l.mplsTtl[i] = entry & 0xff;
            off += 4;
            if (l.mplsBottom[i] == 1) break;
        }
        l.mplsPayloadOffset = off;
        if (!p.has(off, 1)) return;  // nothing captured after the stack
        int nibble = p.u8(off) >>> 4;
        if (label == MPLS_LABEL_IPV4_EXPLICIT_NULL || (label != MPLS_LABEL_IPV6_EXPLICIT_NULL && nibble == 4)) {
            l.mplsPayload = MplsPayload.IPV4;
            IpLayer.ipv4(p, l, off);
        } else if (label == MPLS_LABEL_IPV6_EXPLICIT_NULL || nibble == 6) {
            l.mplsPayload = MplsPayload.IPV6;
            IpLayer.ipv6(p, l, off);
        } else if (nibble == 0) {
            l.mplsPayload = MplsPayload.ETHERNET_PSEUDOWIRE;
            pseudowireEthernet(p, l, off);
        } else {
            l.mplsPayload = MplsPayload.UNKNOWN;
        }
    }

    /** Control word (4 bytes) then an Ethernet frame; its VLAN tags skipped, IPv4/IPv6 decoded. */
    private static void pseudowireEthernet(Packet p, Layers l, int off) {
        int eth = off + 4;
        if (!p.has(off, 4 + ETHERNET_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_PSEUDOWIRE, off);
            return;
        }
        l.pwControlWordOffset = off;
        l.innerEthOffset = eth;
        int typeOff = eth + 12;
        int type = p.u16(typeOff);
        for (int tags = 0; isVlanTpid(type); tags++) {
            if (tags == Layers.MAX_VLAN_TAGS) {
                l.fail(Malformed.TOO_MANY_VLAN_TAGS, typeOff);
                return;
            }
            if (!p.has(typeOff + 2, 4)) {
                l.fail(Malformed.TRUNCATED_VLAN_TAG, typeOff);
                return;
            }
            typeOff += 4;
            type = p.u16(typeOff);
        }
        l.innerEtherType = type;
        l.innerEtherTypeOffset = typeOff;
        if (type == ETHERTYPE_IPV4) IpLayer.ipv4(p, l, typeOff + 2);
        else if (type == ETHERTYPE_IPV6) IpLayer.ipv6(p, l, typeOff + 2);
    }

    /** PPPoE session header: ver/type(1) = 0x11, code(1), session id(2), length(2); then the PPP protocol(2). */
    static void pppoe(Packet p, Layers l, int off) {
        l.rareGroupsSet = true;
        if (!p.has(off, PPPOE_HEADER_LENGTH + 2)) {
            l.fail(Malformed.TRUNCATED_PPPOE_HEADER, off);
            return;
        }
        if (p.u8(off) != 0x11) {
            l.fail(Malformed.BAD_PPPOE_VERSION, off);
            return;
        }
        l.pppoeOffset = off;
        l.pppoeSessionId = p.u16(off + 2);
        l.pppoeLength = p.u16(off + 4);
        int protoOff = off + PPPOE_HEADER_LENGTH;
        l.pppProtocolOffset = protoOff;
        l.pppProtocol = p.u16(protoOff);
        pppPayload(p, l, l.pppProtocol, protoOff + 2);
    }

    /** What a PPP protocol number carries at {@code off}: IPv4 and IPv6 are walked, others end the walk. */
    static void pppPayload(Packet p, Layers l, int protocol, int off) {
        switch (protocol) {
            case PPP_IPV4 -> IpLayer.ipv4(p, l, off);
            case PPP_IPV6 -> IpLayer.ipv6(p, l, off);
            default -> { }
        }
    }
}
