package dev.fabricscope.dissect;

import dev.fabricscope.capture.Packet;

/**
 * TCP (options), UDP (RoCEv2 on destination port 4791) and GRE. Payload lengths come from the IP
 * length fields ({@link Layers#networkWireEnd}), clipped to caplen for {@link Layers#payloadLength}.
 *
 * <p>GRE (RFC 2784/2890, and version 1 of RFC 2637): the header is located (checksum, key, sequence,
 * acknowledgment words per the flags) and the inner packet's offset and protocol type recorded; the
 * inner packet itself is not dissected, so the network fields keep describing the outer IP header.
 * With the routing bit set (RFC 1701 source routes) the inner offset is left unknown.
 */
final class TransportLayer {
    private TransportLayer() { }

    static final int PROTO_TCP = 6;
    static final int PROTO_UDP = 17;
    static final int PROTO_GRE = 47;
    static final int TCP_MIN_HEADER = 20;
    static final int UDP_HEADER = 8;
    static final int ROCE_V2_PORT = 4791;
    static final int GRE_CHECKSUM = 0x8000;
    static final int GRE_ROUTING = 0x4000;
    static final int GRE_KEY = 0x2000;
    static final int GRE_SEQUENCE = 0x1000;
    static final int GRE_ACK = 0x0080;  // version 1 only

    static void transport(Packet p, Layers l, int protocol, int off) {
        switch (protocol) {
            case PROTO_TCP -> tcp(p, l, off);
            case PROTO_UDP -> udp(p, l, off);
            case PROTO_GRE -> gre(p, l, off);
            default -> { }
        }
    }

    private static void tcp(Packet p, Layers l, int off) {
        if (!p.has(off, TCP_MIN_HEADER)) {
            l.fail(Malformed.TRUNCATED_TCP_HEADER, off);
            return;
        }
        l.transportKind = TransportKind.TCP;
        l.transportOffset = off;
        l.srcPort = p.u16(off);
        l.dstPort = p.u16(off + 2);
        l.tcpSeq = p.u32(off + 4);
        l.tcpAck = p.u32(off + 8);
        int offsetFlags = p.u16(off + 12);
        l.tcpFlags = offsetFlags & 0x0fff;
        l.tcpWindow = p.u16(off + 14);
        int headerLength = (offsetFlags >>> 12) * 4;
        l.transportHeaderLength = headerLength;
        if (headerLength < TCP_MIN_HEADER) {
            l.fail(Malformed.BAD_TCP_DATA_OFFSET, off);
            return;
        }
        if (off + headerLength > l.networkWireEnd) {
            l.fail(Malformed.TCP_HEADER_BEYOND_IP_PAYLOAD, off);
            return;
        }
        if (!p.has(off, headerLength)) {
            l.fail(Malformed.TRUNCATED_TCP_OPTIONS, off + TCP_MIN_HEADER);
            return;
        }
        payload(l, off + headerLength, l.networkWireEnd);
    }

    private static void udp(Packet p, Layers l, int off) {
        if (!p.has(off, UDP_HEADER)) {
            l.fail(Malformed.TRUNCATED_UDP_HEADER, off);
            return;
        }
        l.transportKind = TransportKind.UDP;
        l.transportOffset = off;
        l.transportHeaderLength = UDP_HEADER;
        l.srcPort = p.u16(off);
        l.dstPort = p.u16(off + 2);
        int length = p.u16(off + 4);
        l.udpLength = length;
        if (l.dstPort == ROCE_V2_PORT) {   // before the length checks: a damaged RoCEv2 packet is named, not lost
            l.rareGroupsSet = true;
            l.roceVersion = 2;
        }
        if (length < UDP_HEADER) {
            l.fail(Malformed.BAD_UDP_LENGTH, off);
            return;
        }
        // a first fragment carries only part of the datagram the UDP length describes
        if (!l.fragment && off + length > l.networkWireEnd) {
            l.fail(Malformed.UDP_LENGTH_BEYOND_IP_PAYLOAD, off);
            return;
        }
        payload(l, off + UDP_HEADER, Math.min(off + length, l.networkWireEnd));
        if (l.roceVersion == 2) InfinibandHeaders.bth(p, l, off + UDP_HEADER);
    }

    private static void payload(Layers l, int start, int wireEnd) {
        l.payloadOffset = start;
        l.payloadWireLength = Math.max(0, wireEnd - start);
        l.payloadLength = Math.max(0, Math.min(wireEnd, l.networkEnd) - start);
    }

    private static void gre(Packet p, Layers l, int off) {
        l.rareGroupsSet = true;
        if (!p.has(off, 4)) {
            l.fail(Malformed.TRUNCATED_GRE_HEADER, off);
            return;
        }
        int flags = p.u16(off);
        l.transportKind = TransportKind.GRE;
        l.transportOffset = off;
        l.greOffset = off;
        l.greFlags = flags;
        l.greProtocol = p.u16(off + 2);
        boolean version1 = (flags & 7) == 1;
        int o = off + 4;
        if (!version1 && (flags & (GRE_CHECKSUM | GRE_ROUTING)) != 0) o += 4;  // checksum + offset word
        int keyOff = (flags & GRE_KEY) != 0 ? o : -1;
        if (keyOff >= 0) o += 4;
        int seqOff = (flags & GRE_SEQUENCE) != 0 ? o : -1;
        if (seqOff >= 0) o += 4;
        if (version1 && (flags & GRE_ACK) != 0) o += 4;
        l.transportHeaderLength = o - off;
        if (!p.has(off, o - off)) {
            l.fail(Malformed.TRUNCATED_GRE_HEADER, off);
            return;
        }
        if (keyOff >= 0) l.greKey = p.u32(keyOff);
        if (seqOff >= 0) l.greSequence = p.u32(seqOff);
        if (!version1 && (flags & GRE_ROUTING) != 0) return;  // source route entries: not walked
        l.greInnerOffset = o;
        payload(l, o, l.networkWireEnd);
    }
}
