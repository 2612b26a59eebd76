package dev.fabricscope.dissect;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import java.util.Set;

/**
 * Removes VLAN tags, MPLS label stacks, PPPoE session headers, GRE, VXLAN, Geneve and ERSPAN from Ethernet frames,
 * fixing the ethertype (and lengths) so the result decodes as the inner packet:
 * <ul>
 *   <li>VLAN: all tags removed; the final ethertype stays.</li>
 *   <li>MPLS: the stack removed when it carries IPv4/IPv6 (ethertype 0x0800/0x86dd by the first nibble,
 *       see {@link EthernetLayer}); for an Ethernet pseudowire the inner Ethernet frame replaces the packet.</li>
 *   <li>PPPoE: header and PPP protocol removed for PPP IPv4 (0x0021) / IPv6 (0x0057).</li>
 *   <li>GRE: outer IP and GRE header removed; the ethertype becomes GRE's protocol type, or for 0x6558
 *       (transparent Ethernet bridging) the inner Ethernet frame replaces the packet. Under PPPoE or MPLS
 *       that stay, the inner packet must be IPv4/IPv6 (PPP protocol and PPPoE length are fixed).</li>
 *   <li>VXLAN (UDP port 4789, and 8472: Linux's default VXLAN port and Cisco OTV, the same header, and the ports of
 *       {@link VxlanPorts}; I flag set),
 *       VXLAN-GPE (UDP port 4790, version 0, I flag set; next protocol Ethernet, IPv4 or IPv6), Geneve (UDP port 6081,
 *       version 0, protocol Ethernet 0x6558, IPv4 or IPv6, options skipped) and ERSPAN (GRE protocol 0x88be: type I
 *       without a GRE sequence number, type II with one and an 8-byte header of version 1; 0x22eb: type III, a
 *       12-byte header of version 2 and the 8-byte platform-specific subheader when its O flag is set): a carried
 *       Ethernet frame replaces the packet, whatever encapsulated the tunnel. These come first: with GRE also
 *       selected, ERSPAN's inner frame is kept rather than GRE's payload. A carried IP packet is handled as GRE's.</li>
 * </ul>
 * On other link types (Linux cooked, raw IP, ...) only tunnels go (GRE, VXLAN, Geneve, ERSPAN): their Ethernet frame
 * or IP packet becomes the packet, with the link type Ethernet or raw IP. Frames without a selected encapsulation and
 * encapsulations whose payload we cannot name are passed unchanged. An inner Ethernet frame kept from a pseudowire, a GRE bridge or a tunnel is
 * stripped once more with the same selection. No padding is added back to short frames. One instance per thread:
 * the output is a view over a reused buffer, valid until the next call.
 */
public final class EncapsulationStripper {
    static final int VXLAN_GPE_PORT = 4790;
    static final int GENEVE_PORT = 6081;
    static final int ERSPAN_TYPE_II = 0x88be;    // and type I, told apart by the GRE sequence number
    static final int ERSPAN_TYPE_III = 0x22eb;
    private static final int TUNNEL_HEADER = 8;  // VXLAN, Geneve without options, ERSPAN type II
    private static final int ERSPAN_III_HEADER = 12;
    private static final int ERSPAN_III_PLATFORM_SUBHEADER = 8;
    private static final int ETHERNET_HEADER = 14;
    private static final int VXLAN_I = 0x08;        // VXLAN's and VXLAN-GPE's "VNI valid" flag
    private static final int GPE_VERSION = 0x30;
    private static final int GPE_P = 0x04;          // VXLAN-GPE: the next-protocol field is set

    private final boolean vlan;
    private final boolean mpls;
    private final boolean pppoe;
    private final boolean gre;
    private final boolean vxlan;
    private final boolean geneve;
    private final boolean erspan;
    private final VxlanPorts vxlanPorts;
    /** The dissection of packets given without one ({@link #strip(Packet)}). */
    private final Layers own = new Layers();
    private final Packet out = new Packet();
    private byte[] buf = new byte[2048];
    private int pos;
    /** Strips the inner Ethernet frame kept from a pseudowire, GRE bridge or tunnel (one level, no recursion). */
    private final EncapsulationStripper innerFrame;
    /** Set by {@link #findTunnel}: where a selected tunnel's payload starts and what it is (an ethertype). */
    private int tunnelPayload;
    private int tunnelPayloadType;

    public EncapsulationStripper(Set<Encapsulation> selected) {
        this(selected, VxlanPorts.STANDARD);
    }

    /** With VXLAN also looked for on the extra ports of {@code vxlanPorts} (before any other tunnel there). */
    public EncapsulationStripper(Set<Encapsulation> selected, VxlanPorts vxlanPorts) {
        this(selected, vxlanPorts, true);
    }

    private EncapsulationStripper(Set<Encapsulation> selected, VxlanPorts vxlanPorts, boolean outer) {
        this.vlan = selected.contains(Encapsulation.VLAN);
        this.mpls = selected.contains(Encapsulation.MPLS);
        this.pppoe = selected.contains(Encapsulation.PPPOE);
        this.gre = selected.contains(Encapsulation.GRE);
        this.vxlan = selected.contains(Encapsulation.VXLAN);
        this.geneve = selected.contains(Encapsulation.GENEVE);
        this.erspan = selected.contains(Encapsulation.ERSPAN);
        this.vxlanPorts = vxlanPorts;
        this.innerFrame = outer ? new EncapsulationStripper(selected, vxlanPorts, false) : null;
    }

    /**
     * The stripped packet: {@code in} itself when nothing applies, else a view valid until the next call. Tunnels are
     * also taken off packets of other link types that carry IP (Linux cooked captures of {@code -i any}, raw IP,
     * ...): the result is then an Ethernet frame or a raw IP packet (its link type says which) on an interface of the
     * other type, which analyzers and printers read but a file of that interface cannot hold: writers keep such packets
     * as they are ({@link #forFile}).
     */
    public Packet strip(Packet in) {
        if (!mayStrip(in)) return in;
        Dissector.dissect(in, own);
        return strip(in, own);
    }

    /** {@link #strip(Packet)} for a packet that {@code l} already describes (its dissection is not done again). */
    public Packet strip(Packet in, Layers l) {
        if (!mayStrip(in)) return in;
        boolean ethernet = in.linkType() == LinkType.EN10MB;
        if (ethernet && l.ethOffset != 0) return in;
        if (ethernet && (l.aristaOffset >= 0 || l.macsecOffset >= 0)) return beforeTapHeaders(in, l);
        boolean tunnel = findTunnel(in, l);
        if (tunnel && tunnelPayloadType == EthernetLayer.ETHERTYPE_TEB && in.has(tunnelPayload, ETHERNET_HEADER)) {
            return emitTail(in, tunnelPayload, LinkType.EN10MB);
        }
        boolean ipTunnel = tunnel && carriesIp(in, tunnelPayload, tunnelPayloadType);
        if (!ethernet) return ipTunnel ? emitTail(in, tunnelPayload, LinkType.RAW) : otherLinkGre(in, l);
        if (l.etherTypeOffset < 0) return in;   // 802.3 length frames (LLC), or a header the dissector gave up on
        boolean greUsable = gre && l.transportKind == TransportKind.GRE && l.greInnerOffset >= 0
            && l.innerEthOffset < 0;
        if (mpls && l.mplsPayload == MplsPayload.ETHERNET_PSEUDOWIRE && l.innerEthOffset >= 0) {
            return emitTail(in, l.innerEthOffset, LinkType.EN10MB);
        }
        if (greUsable && l.greProtocol == EthernetLayer.ETHERTYPE_TEB) {
            return emitTail(in, l.greInnerOffset, LinkType.EN10MB);
        }
        // the packet a tunnel carries, cut out of the frame after the outer IP header's start
        int innerAt = -1;
        int innerType = -1;
        if (ipTunnel && l.innerEthOffset < 0) {
            innerAt = tunnelPayload;
            innerType = tunnelPayloadType;
        } else if (greUsable) {
            innerAt = l.greInnerOffset;
            innerType = l.greProtocol;
        }

        int capLen = in.capLen();
        ensure(capLen);
        pos = 0;
        boolean changed = false;
        copy(in, 0, 12);
        if (vlan && l.vlanCount > 0) changed = true;
        else copy(in, 12, l.etherTypeOffset - 12);
        int typeAt = pos;
        copy(in, l.etherTypeOffset, 2);
        int rest = l.etherPayloadOffset;
        boolean mplsIp = l.mplsPayload == MplsPayload.IPV4 || l.mplsPayload == MplsPayload.IPV6;
        boolean pppIp = l.pppProtocol == EthernetLayer.PPP_IPV4 || l.pppProtocol == EthernetLayer.PPP_IPV6;
        boolean mplsStays = l.mplsCount > 0;
        boolean pppoeStays = l.pppoeOffset >= 0;
        if (mpls && mplsIp) {
            setType(typeAt, l.mplsPayload == MplsPayload.IPV4 ? EthernetLayer.ETHERTYPE_IPV4 : EthernetLayer.ETHERTYPE_IPV6);
            rest = l.mplsPayloadOffset;
            mplsStays = false;
            changed = true;
        }
        if (pppoe && pppIp) {
            setType(typeAt, l.pppProtocol == EthernetLayer.PPP_IPV4 ? EthernetLayer.ETHERTYPE_IPV4 : EthernetLayer.ETHERTYPE_IPV6);
            rest = l.pppProtocolOffset + 2;
            pppoeStays = false;
            changed = true;
        }
        int cutFrom = capLen;
        int cutTo = capLen;
        if (innerAt >= 0 && l.networkOffset >= rest) {
            boolean innerIp = innerType == EthernetLayer.ETHERTYPE_IPV4 || innerType == EthernetLayer.ETHERTYPE_IPV6;
            if ((!mplsStays && !pppoeStays) || innerIp) {
                cutFrom = l.networkOffset;
                cutTo = innerAt;
                changed = true;
                if (!mplsStays && !pppoeStays) setType(typeAt, innerType);
            }
        }
        if (!changed) return in;
        int restAt = pos;
        copy(in, rest, cutFrom - rest);
        copy(in, cutTo, capLen - cutTo);
        int removed = capLen - pos;
        if (cutTo > cutFrom && pppoeStays) {
            // the PPPoE header and PPP protocol stay: announce the inner IP and shrink the PPPoE length
            int ppp = restAt + (l.pppProtocolOffset - rest);
            setType(ppp, innerType == EthernetLayer.ETHERTYPE_IPV4 ? EthernetLayer.PPP_IPV4 : EthernetLayer.PPP_IPV6);
            setType(ppp - 2, Math.max(0, l.pppoeLength - (cutTo - cutFrom)));
        }
        return out.set(buf, 0, pos, Math.max(pos, in.origLen() - removed), in.timestampNanos(),
            in.interfaceId(), in.linkType(), in.frameNumber());
    }

    /**
     * What a file of {@code captured}'s interface can hold of {@code stripped} (from {@link #strip}): itself, unless it
     * became a tunnel's Ethernet frame on an interface of another link type (e.g. -i any's), then the packet as captured.
     */
    public static Packet forFile(Packet captured, Packet stripped) {
        return stripped.linkType() == captured.linkType() ? stripped : captured;
    }

    /** Ethernet frames, and for tunnels any link type; else there is nothing to strip. */
    private boolean mayStrip(Packet in) {
        return in.linkType() == LinkType.EN10MB || gre || vxlan || geneve || erspan;
    }

    /** Whether UDP port {@code port} is one a VXLAN, VXLAN-GPE or Geneve tunnel is recognised on (as destination). */
    boolean tunnelPort(int port) {
        return port == VXLAN_GPE_PORT || port == GENEVE_PORT || vxlanPorts.isVxlan(port);
    }

    /**
     * Finds a selected VXLAN, VXLAN-GPE, Geneve or ERSPAN tunnel: sets {@link #tunnelPayload} and
     * {@link #tunnelPayloadType} (Ethernet as 0x6558, IPv4, IPv6) and returns true, or false for none.
     */
    private boolean findTunnel(Packet in, Layers l) {
        int at;
        int type = EthernetLayer.ETHERTYPE_TEB;
        if (l.transportKind == TransportKind.UDP && l.payloadOffset >= 0) {
            at = l.payloadOffset;
            int port = l.dstPort;
            if (!in.has(at, TUNNEL_HEADER)) return false;
            int flags = in.u8(at);
            if (vxlan && vxlanPorts.isVxlan(port) && (flags & VXLAN_I) != 0) {
                at += TUNNEL_HEADER;
            } else if (vxlan && port == VXLAN_GPE_PORT && (flags & VXLAN_I) != 0 && (flags & GPE_VERSION) == 0) {
                // without the P flag there is no next protocol: Ethernet, as in VXLAN
                type = (flags & GPE_P) == 0 ? EthernetLayer.ETHERTYPE_TEB : gpeEthertype(in.u8(at + 3));
                at += TUNNEL_HEADER;
            } else if (geneve && port == GENEVE_PORT && flags >>> 6 == 0) {
                type = in.u16(at + 2);
                at += TUNNEL_HEADER + (flags & 0x3f) * 4;
            } else {
                return false;
            }
        } else if (erspan && l.transportKind == TransportKind.GRE && l.greInnerOffset >= 0) {
            at = l.greInnerOffset;
            if (l.greProtocol == ERSPAN_TYPE_II && (l.greFlags & TransportLayer.GRE_SEQUENCE) == 0) {
                // type I: no ERSPAN header
            } else if (l.greProtocol == ERSPAN_TYPE_II && in.has(at, TUNNEL_HEADER) && in.u8(at) >>> 4 == 1) {
                at += TUNNEL_HEADER;
            } else if (l.greProtocol == ERSPAN_TYPE_III && in.has(at, ERSPAN_III_HEADER) && in.u8(at) >>> 4 == 2) {
                boolean platformSubheader = (in.u8(at + ERSPAN_III_HEADER - 1) & 1) != 0;
                at += ERSPAN_III_HEADER + (platformSubheader ? ERSPAN_III_PLATFORM_SUBHEADER : 0);
            } else {
                return false;
            }
        } else {
            return false;
        }
        tunnelPayload = at;
        tunnelPayloadType = type;
        return true;
    }

    /** VXLAN-GPE's next protocol as an ethertype (1 IPv4, 2 IPv6, 3 Ethernet); -1 for the others (NSH, MPLS, ...). */
    private static int gpeEthertype(int nextProtocol) {
        return switch (nextProtocol) {
            case 1 -> EthernetLayer.ETHERTYPE_IPV4;
            case 2 -> EthernetLayer.ETHERTYPE_IPV6;
            case 3 -> EthernetLayer.ETHERTYPE_TEB;
            default -> -1;
        };
    }

    /** Whether {@code at} starts an IP packet of the version {@code ethertype} names (at least its first byte). */
    private static boolean carriesIp(Packet in, int at, int ethertype) {
        int version = ethertype == EthernetLayer.ETHERTYPE_IPV4 ? 4 : ethertype == EthernetLayer.ETHERTYPE_IPV6 ? 6 : -1;
        return version > 0 && in.has(at, 1) && in.u8(at) >>> 4 == version;
    }

    /** GRE on a link other than Ethernet: its Ethernet frame or IP packet, when selected and whole enough; else {@code in}. */
    private Packet otherLinkGre(Packet in, Layers l) {
        if (!gre || l.transportKind != TransportKind.GRE || l.greInnerOffset < 0) return in;
        int at = l.greInnerOffset;
        if (l.greProtocol == EthernetLayer.ETHERTYPE_TEB && in.has(at, ETHERNET_HEADER)) {
            return emitTail(in, at, LinkType.EN10MB);
        }
        return carriesIp(in, at, l.greProtocol) ? emitTail(in, at, LinkType.RAW) : in;
    }

    /** The Ethernet frame or IP packet ({@code linkType}) at {@code from} (a pseudowire's, a bridge's or a tunnel's) as the packet. */
    private Packet emitTail(Packet in, int from, int linkType) {
        int len = in.capLen() - from;
        ensure(len);
        pos = 0;
        copy(in, from, len);
        out.set(buf, 0, len, Math.max(len, in.origLen() - from), in.timestampNanos(),
            in.interfaceId(), linkType, in.frameNumber());
        return innerFrame == null || linkType != LinkType.EN10MB ? out : innerFrame.strip(out);
    }

    /**
     * A frame with Arista timestamp headers or a MACsec SecTAG (the dissector walks through them): only VLAN tags
     * before the first of these are stripped; what follows stays whole (a MACsec ICV covers it, a tap's timestamp
     * describes it).
     */
    private Packet beforeTapHeaders(Packet in, Layers l) {
        int first = l.macsecOffset < 0 ? l.aristaOffset
            : l.aristaOffset < 0 ? l.macsecOffset : Math.min(l.aristaOffset, l.macsecOffset);
        if (!vlan || first == 12) return in;
        int capLen = in.capLen();
        ensure(capLen);
        pos = 0;
        copy(in, 0, 12);
        copy(in, first, capLen - first);
        int removed = capLen - pos;
        return out.set(buf, 0, pos, Math.max(pos, in.origLen() - removed), in.timestampNanos(),
            in.interfaceId(), in.linkType(), in.frameNumber());
    }

    private void ensure(int capacity) {
        if (buf.length < capacity) {  // grows to the largest frame seen, then stays
            buf = new byte[Math.max(capacity, buf.length * 2)];
        }
    }

    private void copy(Packet in, int from, int len) {
        if (len <= 0) return;
        in.copyTo(from, buf, pos, len);
        pos += len;
    }

    private void setType(int at, int value) {
        buf[at] = (byte) (value >>> 8);
        buf[at + 1] = (byte) value;
    }
}
