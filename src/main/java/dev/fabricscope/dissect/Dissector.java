package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.BsdHeaders.AF_INET;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_BSD;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_DARWIN;
import static dev.fabricscope.dissect.BsdHeaders.AF_INET6_FREEBSD;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;

/**
 * Walks one packet link → network → transport and records offsets in a reused {@link Layers}:
 * no allocation, no copies, every read bounds-checked against caplen (one {@link Packet#has} check
 * per header, then the accessors). Problems stop the walk and are recorded as {@link Malformed}.
 *
 * <p>Link types: EN10MB, LINUX_SLL, LINUX_SLL2, RAW (101, 12, 14), NULL (family in either byte
 * order), LOOP, IPV4, IPV6, ERF (types ETH and variants, INFINIBAND), INFINIBAND, and Ethernet with a switch
 * chip's tag (DSA_TAG_DSA, DSA_TAG_EDSA, DSA_TAG_BRCM, DSA_TAG_BRCM_PREPEND: the tag is skipped), NETANALYZER and NETANALYZER_TRANSPARENT (the header is skipped), PPP_ETHER (PPPoE session data's IPv4 and IPv6),
 * SYMANTEC_FIREWALL and APPLE_IP_OVER_IEEE1394 (IPv4 and IPv6 by the header's ethertype), SLIP and SLIP_BSDOS (the
 * IP packet after the 16-byte header), PPP, PPP_SERIAL and
 * C_HDLC (the header is skipped; IPv4 and IPv6 inside are walked, other protocols end the walk), IPOIB (the same after
 * its 44-byte header; ARP's type is recorded too), NFLOG (the IPv4 or IPv6 packet in the payload TLV), PFLOG (the
 * IPv4 or IPv6 packet after pf's header), PKTAP and USER2 (Ethernet, NULL, LOOP and raw IP after macOS's header), ENC (IPv4 or
 * IPv6 after OpenBSD's enc header), FRELAY and MFR (IPv4 and IPv6 after the Frame
 * Relay header), ATM_CLIP (IPv4 and IPv6 after LLC/SNAP, else IPv4). Encapsulations
 * and heuristics are described in {@link EthernetLayer}, {@link IpLayer} and {@link TransportLayer}.
 */
public final class Dissector {
    private Dissector() { }

    // ERF record types (Endace ERF spec): Ethernet and its colour/hash variants, InfiniBand.
    static final int ERF_HEADER_LENGTH = 16;
    static final int ERF_TYPE_ETH = 2;
    static final int ERF_TYPE_COLOR_ETH = 10;
    static final int ERF_TYPE_DSM_COLOR_ETH = 16;
    static final int ERF_TYPE_COLOR_HASH_ETH = 20;
    static final int ERF_TYPE_INFINIBAND = 21;

    // Switch tags (Linux DSA captures): Marvell DSA and EDSA, Broadcom; between the MAC addresses and the type,
    // except BRCM_PREPEND's, before the frame.
    static final int DSA_TAG_LENGTH = 4;
    static final int EDSA_TAG_LENGTH = 8;
    static final int BRCM_TAG_LENGTH = 4;

    // SLIP: the direction and the first bytes of the VJ header as the link saw them. The link-layer sizes here that
    // the printers share are public.
    public static final int SLIP_HEADER_LENGTH = 16;

    // SYMANTEC_FIREWALL: 44 bytes, the ethertype at 6; APPLE_IP_OVER_IEEE1394: two EUI-64s and the ethertype.
    public static final int SYMANTEC_HEADER_LENGTH = 44;
    public static final int SYMANTEC_TYPE_OFFSET = 6;
    public static final int AP1394_HEADER_LENGTH = 18;
    static final int AP1394_TYPE_OFFSET = 16;

    // Hilscher netANALYZER: a 4-byte status header; the transparent mode's also keeps the preamble and SFD (8 bytes).
    public static final int NETANALYZER_HEADER_LENGTH = 4;
    public static final int NETANALYZER_TRANSPARENT_HEADER_LENGTH = 12;

    // PPP (RFC 1661, 1662): address and control bytes (or pppd's direction header);
    // Cisco HDLC: address, control, then an ethertype.
    static final int PPP_ADDRESS = 0xff;
    static final int PPP_ADDRESS_CONTROL = 0xff03;
    static final int PPPD_IN = 0x0003;
    static final int PPPD_OUT = 0x0103;
    static final int CHDLC_HEADER_LENGTH = 4;
    static final int CHDLC_UNICAST = 0x0f;
    static final int CHDLC_BROADCAST = 0x8f;

    // ATM_CLIP: LLC/SNAP's DSAP, SSAP and control (0xaaaa03) and the ethertype OUI (0), then the ethertype.
    static final int CLIP_LLC_SNAP = 0xaaaa03;
    static final int CLIP_LLC_LENGTH = 6;

    // LINKTYPE_IPOIB: two 20-byte hardware-address fields, the ethertype, 2 reserved bytes.
    static final int IPOIB_HEADER_LENGTH = 44;
    static final int IPOIB_TYPE_OFFSET = 40;

    /** Dissects {@code p} into {@code l} (reset first). Returns true when the packet is not malformed. */
    public static boolean dissect(Packet p, Layers l) {
        int linkType = p.linkType();
        l.reset(linkType);
        switch (linkType) {
            case LinkType.EN10MB -> EthernetLayer.ethernet(p, l, 0);
            case LinkType.LINUX_SLL -> linuxSll(p, l);
            case LinkType.LINUX_SLL2 -> linuxSll2(p, l);
            case LinkType.RAW, LinkType.RAW_12, LinkType.RAW_14 -> IpLayer.ipByVersion(p, l, 0);
            case LinkType.NULL -> nullOrLoop(p, l, 0, false);
            case LinkType.LOOP -> nullOrLoop(p, l, 0, true);
            case LinkType.IPV4 -> IpLayer.ipv4(p, l, 0);
            case LinkType.IPV6 -> IpLayer.ipv6(p, l, 0);
            case LinkType.ERF -> erf(p, l);
            case LinkType.INFINIBAND -> infiniband(p, l, 0);
            case LinkType.DSA_TAG_DSA -> EthernetLayer.switchTagged(p, l, DSA_TAG_LENGTH);
            case LinkType.DSA_TAG_EDSA -> EthernetLayer.switchTagged(p, l, EDSA_TAG_LENGTH);
            case LinkType.DSA_TAG_BRCM -> EthernetLayer.switchTagged(p, l, BRCM_TAG_LENGTH);
            case LinkType.DSA_TAG_BRCM_PREPEND -> brcmPrepended(p, l);
            case LinkType.NETANALYZER -> ethernetAfter(p, l, NETANALYZER_HEADER_LENGTH);
            case LinkType.NETANALYZER_TRANSPARENT -> ethernetAfter(p, l, NETANALYZER_TRANSPARENT_HEADER_LENGTH);
            case LinkType.PPP, LinkType.PPP_PPPD -> ppp(p, l);
            case LinkType.PPP_SERIAL -> pppSerial(p, l);
            case LinkType.PPP_ETHER -> pppEther(p, l);
            case LinkType.SLIP -> slip(p, l, false);
            case LinkType.SLIP_BSDOS, LinkType.SLIP_BSDOS_15 -> slip(p, l, true);
            case LinkType.SYMANTEC_FIREWALL -> typedHeader(p, l, SYMANTEC_HEADER_LENGTH, SYMANTEC_TYPE_OFFSET);
            case LinkType.APPLE_IP_OVER_IEEE1394 -> typedHeader(p, l, AP1394_HEADER_LENGTH, AP1394_TYPE_OFFSET);
            case LinkType.C_HDLC -> chdlc(p, l);
            case LinkType.IPOIB -> ipoib(p, l);
            case LinkType.NFLOG -> nflog(p, l);
            case LinkType.PFLOG -> pflog(p, l);
            case LinkType.PKTAP, LinkType.USER2 -> pktap(p, l);
            case LinkType.ENC -> enc(p, l);
            case LinkType.JUNIPER_ETHER -> juniperEther(p, l);
            case LinkType.FRELAY -> frameRelay(p, l, 0);
            case LinkType.MFR -> multilinkFrameRelay(p, l);
            case LinkType.ATM_CLIP, LinkType.ATM_CLIP_19 -> atmClip(p, l);
            default -> l.linkUnsupported = true;
        }
        return l.malformed == Malformed.NONE;
    }

    /** SLIP: the 16-byte header, then IPv4 or IPv6 by its version (BSD/OS's: IPv4 only, as tcpdump reads it). */
    private static void slip(Packet p, Layers l, boolean bsdos) {
        if (!p.has(0, SLIP_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (bsdos) IpLayer.ipv4(p, l, SLIP_HEADER_LENGTH);
        else IpLayer.ipByVersion(p, l, SLIP_HEADER_LENGTH);
    }

    /** A fixed header of {@code header} bytes with an ethertype at {@code typeOffset}: IPv4 and IPv6 are walked. */
    private static void typedHeader(Packet p, Layers l, int header, int typeOffset) {
        if (!p.has(0, header)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int type = p.u16(typeOffset);
        if (type != EthernetLayer.ETHERTYPE_IPV4 && type != EthernetLayer.ETHERTYPE_IPV6) return;
        l.etherType = type;
        l.etherTypeOffset = typeOffset;
        l.etherPayloadOffset = header;
        if (type == EthernetLayer.ETHERTYPE_IPV4) IpLayer.ipv4(p, l, header);
        else IpLayer.ipv6(p, l, header);
    }

    /** PPP_ETHER: a PPPoE header without Ethernet's; session data (code 0) is walked as after ethertype 0x8864. */
    private static void pppEther(Packet p, Layers l) {
        if (!p.has(0, EthernetLayer.PPPOE_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u8(1) == 0) EthernetLayer.pppoe(p, l, 0);   // discovery packets carry tags only
    }

    /**
     * ATM_CLIP: RFC 1483's LLC/SNAP header with the ethertype OUI, then IPv4 or IPv6 by its type; without it an IPv4
     * packet, as tcpdump guesses (its six bytes are read first).
     */
    private static void atmClip(Packet p, Layers l) {
        if (!p.has(0, CLIP_LLC_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u24(0) == CLIP_LLC_SNAP && p.u24(3) == 0) typedHeader(p, l, CLIP_LLC_LENGTH + 2, CLIP_LLC_LENGTH);
        else IpLayer.ipv4(p, l, 0);
    }

    /** An Ethernet frame after a {@code header}-byte pseudo-header (netANALYZER's). */
    private static void ethernetAfter(Packet p, Layers l, int header) {
        if (!p.has(0, header)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        EthernetLayer.ethernet(p, l, header);
    }

    /** DSA_TAG_BRCM_PREPEND: a 4-byte Broadcom tag, then an Ethernet frame. */
    private static void brcmPrepended(Packet p, Layers l) {
        if (!p.has(0, BRCM_TAG_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        EthernetLayer.ethernet(p, l, BRCM_TAG_LENGTH);
    }

    /**
     * PPP: the address and control bytes when present (0xff03, or pppd's 0x0003/0x0103 direction header), then the
     * protocol, one byte when its low bit is set (protocol field compression).
     */
    private static void ppp(Packet p, Layers l) {
        if (!p.has(0, 2)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int off = switch (p.u16(0)) {
            case PPP_ADDRESS_CONTROL, PPPD_IN, PPPD_OUT -> 2;
            default -> 0;
        };
        if (!p.has(off, 1)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int protocol;
        if ((p.u8(off) & 1) != 0) {
            protocol = p.u8(off);
            off++;
        } else if (p.has(off, 2)) {
            protocol = p.u16(off);
            off += 2;
        } else {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        EthernetLayer.pppPayload(p, l, protocol, off);
    }

    /** PPP_SERIAL: PPP in HDLC-like framing (address 0xff, control, a 2-byte protocol) or Cisco HDLC. */
    private static void pppSerial(Packet p, Layers l) {
        if (!p.has(0, 1)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int address = p.u8(0);
        if (address == CHDLC_UNICAST || address == CHDLC_BROADCAST) {
            chdlc(p, l);
        } else if (address == PPP_ADDRESS) {
            if (!p.has(0, 4)) {
                l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
                return;
            }
            EthernetLayer.pppPayload(p, l, p.u16(2), 4);
        }
    }

    /** C_HDLC: address(1) control(1) ethertype(2). */
    private static void chdlc(Packet p, Layers l) {
        if (!p.has(0, CHDLC_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        switch (p.u16(2)) {
            case EthernetLayer.ETHERTYPE_IPV4 -> IpLayer.ipv4(p, l, CHDLC_HEADER_LENGTH);
            case EthernetLayer.ETHERTYPE_IPV6 -> IpLayer.ipv6(p, l, CHDLC_HEADER_LENGTH);
            default -> { }
        }
    }

    /**
     * IPOIB: after the 44-byte header IPv4, IPv6 and ARP are recorded as on Ethernet ({@link Layers#etherType},
     * {@link Layers#etherPayloadOffset}; ARP for the printers) and IP is walked. As for IP over IB on native IB links
     * ({@link IpOverInfiniband}) other types are not recorded: Ethernet's analyzers (LACP, PFC) would take them for
     * theirs, and IPoIB carries no such frames.
     */
    private static void ipoib(Packet p, Layers l) {
        if (!p.has(0, IPOIB_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int type = p.u16(IPOIB_TYPE_OFFSET);
        if (type != EthernetLayer.ETHERTYPE_IPV4 && type != EthernetLayer.ETHERTYPE_IPV6
                && type != IpOverInfiniband.ETHERTYPE_ARP) {
            return;
        }
        l.etherType = type;
        l.etherTypeOffset = IPOIB_TYPE_OFFSET;
        l.etherPayloadOffset = IPOIB_HEADER_LENGTH;
        if (type == EthernetLayer.ETHERTYPE_IPV4) IpLayer.ipv4(p, l, IPOIB_HEADER_LENGTH);
        else if (type == EthernetLayer.ETHERTYPE_IPV6) IpLayer.ipv6(p, l, IPOIB_HEADER_LENGTH);
    }

    /**
     * NFLOG: the TLVs are walked as tcpdump's nflog_if_print walks them (lengths rounded up to 4, a length below 4 or
     * past the capture ends the walk as a truncated header) to the payload TLV, whose value is IPv4 or IPv6 by the
     * header's family (walked also when the capture ends inside it, where tcpdump prints " [|nflog]" only). Another
     * version, another family or no payload TLV: nothing is recorded.
     */
    private static void nflog(Packet p, Layers l) {
        if (!p.has(0, NflogHeader.LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u8(1) != 0) return;
        int off = NflogHeader.LENGTH;
        while (off < p.origLen()) {
            if (!p.has(off, NflogHeader.TLV_HEADER)) {
                l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
                return;
            }
            int size = NflogHeader.paddedTlvLength(p, off);
            boolean payload = NflogHeader.tlvType(p, off) == NflogHeader.TLV_PAYLOAD;
            if (size < NflogHeader.TLV_HEADER || !payload && !p.has(off, size)) {
                l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
                return;
            }
            if (payload) {   // a snapshot length cuts it: IP's walk says what is missing (tcpdump prints none of it)
                off += NflogHeader.TLV_HEADER;
                switch (p.u8(0)) {
                    case NflogHeader.AF_INET -> IpLayer.ipv4(p, l, off);
                    case NflogHeader.AF_INET6 -> IpLayer.ipv6(p, l, off);
                    default -> { }
                }
                return;
            }
            off += size;
        }
    }

    /**
     * PFLOG: the header as long as its length byte says (rounded up to 4), then IPv4 or IPv6 by its family (BSD
     * values), as tcpdump's pflog_if_print walks it. A length below 45 or another family: nothing is recorded; a
     * capture ending inside the header (or inside Linux's 64-byte struct) is a truncated link header.
     */
    private static void pflog(Packet p, Layers l) {
        if (!p.has(0, 1)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int length = p.u8(0);
        if (length < BsdHeaders.PFLOG_MIN_LENGTH) return;
        int off = length + 3 & ~3;
        if (!p.has(0, Math.max(off, BsdHeaders.PFLOG_LENGTH))) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        switch (p.u8(1)) {
            case AF_INET -> IpLayer.ipv4(p, l, off);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> IpLayer.ipv6(p, l, off);
            default -> { }
        }
    }

    /**
     * PKTAP (macOS): after the header, a packet record's packet by the header's DLT: Ethernet, NULL, LOOP and raw IP
     * (DLT_RAW is 12) are walked. Lengths tcpdump rejects, other records and DLTs: nothing is recorded; a capture
     * ending inside the header is a truncated link header.
     */
    private static void pktap(Packet p, Layers l) {
        if (p.origLen() < BsdHeaders.PKTAP_MIN_LENGTH) return;
        if (!p.has(0, 12)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        long header = p.le32(0);
        if (header < BsdHeaders.PKTAP_MIN_LENGTH || header > p.origLen()) return;
        int off = (int) header;
        if (!p.has(0, off)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.le32(BsdHeaders.PKTAP_RECORD_TYPE) != BsdHeaders.PKTAP_REC_PACKET) return;
        long dlt = p.le32(BsdHeaders.PKTAP_DLT);
        if (dlt == LinkType.EN10MB) EthernetLayer.ethernet(p, l, off);
        else if (dlt == LinkType.NULL) nullOrLoop(p, l, off, false);
        else if (dlt == LinkType.LOOP) nullOrLoop(p, l, off, true);
        else if (dlt == LinkType.RAW_12) IpLayer.ipByVersion(p, l, off);
        else if (dlt == LinkType.IPV4) IpLayer.ipv4(p, l, off);
        else if (dlt == LinkType.IPV6) IpLayer.ipv6(p, l, off);
    }

    /**
     * ENC (OpenBSD's enc0): a 12-byte header (the family in the capturing host's byte order, read as tcpdump reads
     * it), then IPv4 or IPv6 by the family (BSD values); others: nothing is recorded.
     */
    private static void enc(Packet p, Layers l) {
        if (!p.has(0, BsdHeaders.ENC_LENGTH)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int family = BsdHeaders.encField(p, 0);
        switch (family) {
            case AF_INET -> IpLayer.ipv4(p, l, BsdHeaders.ENC_LENGTH);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> IpLayer.ipv6(p, l, BsdHeaders.ENC_LENGTH);
            default -> { }
        }
    }

    /**
     * FRELAY ({@link FrameRelayHeader}): after the Q.922 address, Cisco's ethertype encapsulation (IPv4 and IPv6
     * walked), or UI, the optional pad and the NLPID: IPv4, IPv6, and SNAP with OUI 0 and either ethertype are walked,
     * as tcpdump's fr_print decides (a pad byte is taken as one whatever the address length). An invalid address, other
     * ethertypes and NLPIDs: nothing is recorded. A frame cut inside the header is a truncated link header.
     */
    private static void frameRelay(Packet p, Layers l, int off) {
        int length = p.origLen() - off;
        int addressLength = FrameRelayHeader.addressLength(p, off, length);
        if (addressLength < 0) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (addressLength == 0) return;
        int at = off + addressLength;
        if (!p.has(at, 2)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u8(at) != FrameRelayHeader.UI && FrameRelayHeader.dlci(p, off, addressLength) != 0) {
            switch (p.u16(at)) {   // tcpdump goes on to the NLPID only after ethertypes it has no printer for
                case EthernetLayer.ETHERTYPE_IPV4 -> IpLayer.ipv4(p, l, at + 2);
                case EthernetLayer.ETHERTYPE_IPV6 -> IpLayer.ipv6(p, l, at + 2);
                default -> { }
            }
            return;
        }
        int nlpidAt = p.u8(at + 1) == 0 ? at + 2 : at + 1;
        if (!p.has(nlpidAt, 1)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int payload = nlpidAt + 1;
        switch (p.u8(nlpidAt)) {
            case FrameRelayHeader.NLPID_IP -> IpLayer.ipv4(p, l, payload);
            case FrameRelayHeader.NLPID_IP6 -> IpLayer.ipv6(p, l, payload);
            case FrameRelayHeader.NLPID_SNAP -> {
                if (!p.has(payload, 5)) {
                    l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
                    return;
                }
                if (p.u24(payload) != 0) return;
                switch (p.u16(payload + 3)) {
                    case EthernetLayer.ETHERTYPE_IPV4 -> IpLayer.ipv4(p, l, payload + 5);
                    case EthernetLayer.ETHERTYPE_IPV6 -> IpLayer.ipv6(p, l, payload + 5);
                    default -> { }
                }
            }
            default -> { }
        }
    }

    /**
     * MFR: an FRF.16 fragment that is a whole frame (B and E set, C clear) is the Frame Relay frame after its 2-byte
     * header; control messages, first, middle and last fragments: nothing is recorded.
     */
    private static void multilinkFrameRelay(Packet p, Layers l) {
        if (!p.has(0, 2)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        int bec = p.u8(0) & FrameRelayHeader.MFR_BEC;
        if (bec == (FrameRelayHeader.MFR_B | FrameRelayHeader.MFR_E)) frameRelay(p, l, 2);
    }

    /**
     * JUNIPER_ETHER ({@link JuniperHeader}): the pseudo-header skipped as tcpdump's juniper_parse_header does, then the Ethernet frame; a
     * no-L2 packet is IPv4 or IPv6 by its version nibble, tcpdump's guess. No magic: nothing is recorded.
     */
    private static void juniperEther(Packet p, Layers l) {
        if (!p.has(0, 4)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u24(0) != JuniperHeader.MAGIC) return;
        int flags = p.u8(3);
        int off = 4;
        if ((flags & JuniperHeader.FLAG_EXTENSIONS) != 0) {
            int extensions = p.has(off, 2) ? p.u16(off) : -1;
            if (extensions < 0 || !p.has(off + 2, extensions)) {
                l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
                return;
            }
            off += 2 + extensions;
        }
        if ((flags & JuniperHeader.FLAG_NO_L2) == 0) {
            EthernetLayer.ethernet(p, l, off);
            return;
        }
        off += 4;
        if (!p.has(off, 1)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        switch (p.u8(off) >>> 4) {
            case 4 -> IpLayer.ipv4(p, l, off);
            case 6 -> IpLayer.ipv6(p, l, off);
            default -> { }
        }
    }

    /** LINUX_SLL: packet type(2) ARPHRD(2) address length(2) address(8) protocol(2). */
    private static void linuxSll(Packet p, Layers l) {
        if (!p.has(0, 16)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u16(4) == 6) l.srcMacOffset = 6;
        EthernetLayer.etherTypeChain(p, l, 14);
    }

    /** LINUX_SLL2: protocol(2) reserved(2) ifindex(4) ARPHRD(2) packet type(1) address length(1) address(8). */
    private static void linuxSll2(Packet p, Layers l) {
        if (!p.has(0, 20)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        if (p.u8(11) == 6) l.srcMacOffset = 12;
        EthernetLayer.etherTypeChain(p, l, 0, 20);
    }

    /**
     * NULL: a 4-byte address family in the byte order of the machine that wrote the file; families are
     * small numbers, so a value with only its high half set was written little-endian. LOOP: network order.
     */
    private static void nullOrLoop(Packet p, Layers l, int off, boolean networkOrder) {
        if (!p.has(off, 4)) {
            l.fail(Malformed.TRUNCATED_LINK_HEADER, 0);
            return;
        }
        l.rareGroupsSet = true;
        int family = (int) p.u32(off);
        if (!networkOrder && (family & 0xffff) == 0 && family != 0) family = Integer.reverseBytes(family);
        l.addressFamily = family;
        switch (family) {
            case AF_INET -> IpLayer.ipv4(p, l, off + 4);
            case AF_INET6_BSD, AF_INET6_FREEBSD, AF_INET6_DARWIN -> IpLayer.ipv6(p, l, off + 4);
            default -> { }
        }
    }

    /**
     * ERF: 16-byte record header (8-byte timestamp, type, flags, rlen, lctr, wlen); while the top bit of
     * the type (then of each extension header's first byte) is set, an 8-byte extension header follows.
     * Ethernet types then have 2 bytes of offset/pad before the frame; InfiniBand starts with the LRH.
     */
    private static void erf(Packet p, Layers l) {
        if (!p.has(0, ERF_HEADER_LENGTH)) {
            l.fail(Malformed.TRUNCATED_ERF_HEADER, 0);
            return;
        }
        l.rareGroupsSet = true;
        int type = p.u8(8);
        l.erfType = type & 0x7f;
        int off = ERF_HEADER_LENGTH;
        boolean more = (type & 0x80) != 0;
        while (more) {  // terminates: each step consumes 8 bytes of a bounded packet
            if (!p.has(off, 8)) {
                l.fail(Malformed.TRUNCATED_ERF_EXTENSION_HEADER, off);
                return;
            }
            more = (p.u8(off) & 0x80) != 0;
            off += 8;
        }
        switch (l.erfType) {
            case ERF_TYPE_ETH, ERF_TYPE_COLOR_ETH, ERF_TYPE_DSM_COLOR_ETH, ERF_TYPE_COLOR_HASH_ETH ->
                EthernetLayer.ethernet(p, l, off + 2);
            case ERF_TYPE_INFINIBAND -> infiniband(p, l, off);
            default -> l.linkUnsupported = true;
        }
    }

    /**
     * Native InfiniBand: 8-byte LRH whose LNH (low 2 bits of byte 1) says what follows: 3 = GRH then
     * BTH, 2 = BTH, 1 = raw IPv6, 0 = raw (nothing we decode). After a BTH, IP over IB ({@link IpOverInfiniband}).
     */
    static void infiniband(Packet p, Layers l, int off) {
        if (!p.has(off, InfinibandHeaders.LRH_LENGTH)) {
            l.fail(Malformed.TRUNCATED_IB_LRH, off);
            return;
        }
        l.rareGroupsSet = true;
        l.ibLrhOffset = off;
        int next = off + InfinibandHeaders.LRH_LENGTH;
        switch (p.u8(off + 1) & 3) {
            case InfinibandHeaders.LNH_IBA_GLOBAL -> InfinibandHeaders.grhThenBth(p, l, next);
            case InfinibandHeaders.LNH_IBA_LOCAL -> InfinibandHeaders.bth(p, l, next);
            case InfinibandHeaders.LNH_IP_NON_IBA -> IpLayer.ipv6(p, l, next);
            default -> { }
        }
        if (l.ibBthOffset >= 0) IpOverInfiniband.payload(p, l, l.ibBthOffset);
    }
}
