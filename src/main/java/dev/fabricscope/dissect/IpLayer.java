package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * IPv4 (options, fragments) and IPv6 (extension headers: hop-by-hop, routing, fragment, destination
 * options, AH). The packet's end comes from its length field, so Ethernet padding and trailers (FCS)
 * are never taken for payload. A length field of 0 (IPv4 under TSO, IPv6 jumbogram) means "up to the
 * captured end", as Wireshark treats it.
 */
final class IpLayer {
    private IpLayer() { }

    static final int IPV4_MIN_HEADER = 20;
    static final int IPV6_HEADER = 40;
    static final int NH_HOP_BY_HOP = 0;
    static final int NH_ROUTING = 43;
    static final int NH_FRAGMENT = 44;
    static final int NH_AH = 51;
    static final int NH_DESTINATION_OPTIONS = 60;

    /** Raw IP links: the version nibble picks IPv4 or IPv6. */
    static void ipByVersion(Packet p, Layers l, int off) {
        if (!p.has(off, 1)) {
            l.fail(Malformed.TRUNCATED_IP_HEADER, off);
            return;
        }
        switch (p.u8(off) >>> 4) {
            case 4 -> ipv4(p, l, off);
            case 6 -> ipv6(p, l, off);
            default -> l.fail(Malformed.BAD_IP_VERSION, off);
        }
    }

    static void ipv4(Packet p, Layers l, int off) {
        if (!p.has(off, IPV4_MIN_HEADER)) {
            l.fail(Malformed.TRUNCATED_IPV4_HEADER, off);
            return;
        }
        int versionIhl = p.u8(off);
        if (versionIhl >>> 4 != 4) {
            l.fail(Malformed.BAD_IP_VERSION, off);
            return;
        }
        int headerLength = (versionIhl & 0x0f) * 4;
        if (headerLength < IPV4_MIN_HEADER) {
            l.fail(Malformed.BAD_IPV4_IHL, off);
            return;
        }
        l.networkKind = NetworkKind.IPV4;
        l.networkOffset = off;
        l.networkHeaderLength = headerLength;
        l.srcAddrOffset = off + 12;
        l.dstAddrOffset = off + 16;
        int tos = p.u8(off + 1);
        l.dscp = tos >>> 2;
        l.ecn = tos & 3;
        int total = p.u16(off + 2);
        l.ipTotalLength = total;
        int flagsFragment = p.u16(off + 6);
        l.moreFragments = (flagsFragment & 0x2000) != 0;
        l.fragmentOffset = (flagsFragment & 0x1fff) * 8;
        l.fragment = l.moreFragments || l.fragmentOffset != 0;
        l.laterFragment = l.fragmentOffset != 0;
        l.ttl = p.u8(off + 8);
        l.ipProtocol = p.u8(off + 9);
        l.ipv4Options = headerLength > IPV4_MIN_HEADER;
        if (total != 0 && total < headerLength) {
            l.fail(Malformed.IPV4_TOTAL_LENGTH_TOO_SHORT, off);
            return;
        }
        setEnd(p, l, off, total);
        if (!p.has(off, headerLength)) {
            l.fail(Malformed.TRUNCATED_IPV4_OPTIONS, off + IPV4_MIN_HEADER);
            return;
        }
        if (!l.laterFragment) TransportLayer.transport(p, l, l.ipProtocol, off + headerLength);
    }

    static void ipv6(Packet p, Layers l, int off) {
        if (!p.has(off, IPV6_HEADER)) {
            l.fail(Malformed.TRUNCATED_IPV6_HEADER, off);
            return;
        }
        int first = (int) p.u32(off);
        if (first >>> 28 != 6) {
            l.fail(Malformed.BAD_IP_VERSION, off);
            return;
        }
        int trafficClass = (first >>> 20) & 0xff;
        l.networkKind = NetworkKind.IPV6;
        l.networkOffset = off;
        l.srcAddrOffset = off + 8;
        l.dstAddrOffset = off + 24;
        l.dscp = trafficClass >>> 2;
        l.ecn = trafficClass & 3;
        l.ttl = p.u8(off + 7);
        int payloadLength = p.u16(off + 4);
        l.ipTotalLength = payloadLength == 0 ? 0 : IPV6_HEADER + payloadLength;
        setEnd(p, l, off, l.ipTotalLength);
        int next = p.u8(off + 6);
        int o = off + IPV6_HEADER;
        l.ipProtocol = next;
        l.networkHeaderLength = IPV6_HEADER;
        while (true) {  // terminates: every extension header is at least 8 bytes of a bounded packet
            int length;
            switch (next) {
                case NH_HOP_BY_HOP, NH_ROUTING, NH_DESTINATION_OPTIONS -> {
                    if (!p.has(o, 2)) {
                        l.fail(Malformed.TRUNCATED_IPV6_EXTENSION_HEADER, o);
                        return;
                    }
                    length = (p.u8(o + 1) + 1) * 8;
                }
                case NH_AH -> {
                    if (!p.has(o, 2)) {
                        l.fail(Malformed.TRUNCATED_IPV6_EXTENSION_HEADER, o);
                        return;
                    }
                    length = (p.u8(o + 1) + 2) * 4;
                }
                case NH_FRAGMENT -> length = 8;
                default -> {
                    if (!l.laterFragment) TransportLayer.transport(p, l, next, o);
                    return;
                }
            }
            if (o + length > l.networkWireEnd) {
                l.fail(Malformed.IPV6_EXTENSION_HEADER_BEYOND_PAYLOAD, o);
                return;
            }
            if (!p.has(o, length)) {
                l.fail(Malformed.TRUNCATED_IPV6_EXTENSION_HEADER, o);
                return;
            }
            if (next == NH_FRAGMENT) {
                int offsetFlags = p.u16(o + 2);
                l.fragmentOffset = offsetFlags & 0xfff8;
                l.moreFragments = (offsetFlags & 1) != 0;
                l.fragment = true;
                l.laterFragment = l.fragmentOffset != 0;
            }
            next = p.u8(o);
            o += length;
            l.ipProtocol = next;
            l.networkHeaderLength = o - off;
            l.ipv6ExtensionHeaders++;
            if (l.laterFragment) return;  // what follows is fragment data, not headers
        }
    }

    /** End of the network packet per its length field (0 = to the captured end), and clipped to caplen. */
    private static void setEnd(Packet p, Layers l, int off, int totalLength) {
        int capLen = p.capLen();
        l.networkWireEnd = totalLength == 0 ? capLen : off + totalLength;
        l.networkEnd = Math.min(l.networkWireEnd, capLen);
    }
}
