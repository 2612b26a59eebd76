package dev.fabricscope.print;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.dissect.Layers;
import dev.fabricscope.dissect.MacsecSecTag;
import dev.fabricscope.dissect.NetworkKind;
import dev.fabricscope.dissect.TransportKind;
import dev.fabricscope.json.JsonLine;

/**
 * One JSON object per packet for {@code capture --json}: the header fields the dissector found, with stable
 * snake_case names (a field is left out when the packet has no such header):
 * <ul>
 *   <li>{@code frame} (1-based), {@code time} (RFC 3339, UTC, nanoseconds), {@code interface} (its name, when
 *   the capture names it), {@code len} (on the wire), {@code cap_len}, {@code link_type} ("EN10MB", ...);</li>
 *   <li>{@code eth_src}, {@code eth_dst}, {@code ether_type} (number; the one after VLAN tags, or the IP over
 *   IB header's; after walked Arista and MACsec headers too), {@code outer_ether_type} (the first walked Arista or
 *   MACsec header's type, when there is one), {@code arista_headers} (Arista timestamp headers walked),
 *   {@code macsec_tci} (the SecTAG's TCI bits in their byte: V = 128, ES, SC, SCB, E = 8, C = 4), {@code macsec_an},
 *   {@code macsec_sl}, {@code macsec_pn}, {@code macsec_sci} (16 hex digits, with SC only) of the first SecTAG,
 *   walked or (encrypted) the final type's, when valid (version 0, short length in 6 bits), {@code vlan} (tags,
 *   outermost first: objects with {@code tpid}, {@code id}, {@code pcp}, {@code dei}), {@code mpls} (labels, top
 *   first);</li>
 *   <li>{@code ip_version} (4 or 6), {@code ip_src}, {@code ip_dst}, {@code ip_proto} (IPv6: after extension
 *   headers), {@code ttl} (IPv6: hop limit), {@code dscp}, {@code ecn}, {@code fragment_offset} (bytes) and
 *   {@code more_fragments} (fragments only);</li>
 *   <li>{@code src_port}, {@code dst_port} (TCP, UDP); {@code tcp_flags} (number, FIN = 1 ... CWR = 128),
 *   {@code tcp_seq}, {@code tcp_ack} (absolute), {@code tcp_window} (unscaled); {@code udp_length};
 *   {@code payload_length} (TCP/UDP payload bytes on the wire);</li>
 *   <li>{@code malformed} (reason) and {@code malformed_offset} when the dissector stopped at a bad header;</li>
 *   <li>{@code packet_hex}, only when asked for ({@code capture --json -x}): the captured bytes, two lower-case hex
 *   digits each (tshark's {@code frame_raw}).</li>
 * </ul>
 * Reads header bytes only at the offsets recorded in {@link Layers} (bounds-checked reads) and allocates
 * nothing per packet (except the name of an unknown link type). One per thread.
 */
public final class PacketJson {
    private final StringBuilder scratch = new StringBuilder(48);
    private final boolean withBytes;
    private StringBuilder target;
    private JsonLine json;

    public PacketJson() {
        this(false);
    }

    /** @param withBytes also give the captured bytes ({@code packet_hex}) */
    public PacketJson(boolean withBytes) {
        this.withBytes = withBytes;
    }

    /** Appends the object for {@code p}, dissected into {@code l}, to {@code out}, without a newline. */
    public void format(Packet p, Layers l, String interfaceName, StringBuilder out) {
        if (out != target) {
            target = out;
            json = new JsonLine(out);
        }
        JsonLine j = json;
        j.begin().field("frame", p.frameNumber()).time("time", p.timestampNanos());
        if (interfaceName != null && !interfaceName.isEmpty()) j.field("interface", interfaceName);
        j.field("len", p.origLen()).field("cap_len", p.capLen()).field("link_type", LinkType.name(p.linkType()));
        link(p, l, j);
        network(p, l, j);
        transport(l, j);
        if (l.isMalformed()) j.field("malformed", l.malformed.description()).field("malformed_offset", l.malformedOffset);
        if (withBytes) j.raw("packet_hex", hexQuoted(p));
        j.endObject();
    }

    private void link(Packet p, Layers l, JsonLine j) {
        if (l.srcMacOffset >= 0 && p.has(l.srcMacOffset, 6)) j.raw("eth_src", quoted(p, l.srcMacOffset, 6));
        if (l.dstMacOffset >= 0 && p.has(l.dstMacOffset, 6)) j.raw("eth_dst", quoted(p, l.dstMacOffset, 6));
        if (l.etherType >= 0) j.field("ether_type", l.etherType);
        tapHeaders(p, l, j);
        if (l.vlanCount > 0) {
            j.array("vlan");
            for (int i = 0; i < l.vlanCount; i++) {
                j.object().field("tpid", l.vlanTpid[i]).field("id", l.vlanVid[i]).field("pcp", l.vlanPcp[i])
                    .field("dei", l.vlanDei[i]).close();
            }
            j.close();
        }
        if (l.mplsCount > 0) {
            j.array("mpls");
            for (int i = 0; i < l.mplsCount; i++) j.value(l.mplsLabel[i]);
            j.close();
        }
    }

    /** The walked Arista and MACsec headers (ether_type is the type after them), and the first SecTAG's fields. */
    private void tapHeaders(Packet p, Layers l, JsonLine j) {
        int first = l.macsecOffset < 0 ? l.aristaOffset
            : l.aristaOffset < 0 ? l.macsecOffset : Math.min(l.aristaOffset, l.macsecOffset);
        if (first >= 0 && p.has(first, 2)) j.field("outer_ether_type", p.u16(first));
        if (l.aristaCount > 0) j.field("arista_headers", l.aristaCount);
        int tag = l.macsecOffset >= 0 ? l.macsecOffset + 2
            : l.etherType == MacsecSecTag.ETHERTYPE ? l.etherPayloadOffset : -1;
        if (tag < 0 || !p.has(tag, MacsecSecTag.LENGTH) || !p.has(tag, MacsecSecTag.length(p, tag))
                || MacsecSecTag.invalid(p, tag)) {
            return;   // as the dissector, tcpdump's invalid SecTAGs (tshark too has no MACsec with a version bit)
        }
        int tci = p.u8(tag);
        j.field("macsec_tci", tci & ~MacsecSecTag.AN_MASK).field("macsec_an", tci & MacsecSecTag.AN_MASK)
            .field("macsec_sl", MacsecSecTag.shortLength(p, tag)).field("macsec_pn", p.u32(tag + 2));
        if ((tci & MacsecSecTag.TCI_SC) != 0) {
            scratch.setLength(0);
            scratch.append('"');
            Text.hex(scratch, p.u32(tag + 6), 8);
            Text.hex(scratch, p.u32(tag + 10), 8);
            j.raw("macsec_sci", scratch.append('"'));
        }
    }

    private void network(Packet p, Layers l, JsonLine j) {
        if (l.networkKind == NetworkKind.NONE) return;
        boolean v4 = l.networkKind == NetworkKind.IPV4;
        j.field("ip_version", v4 ? 4 : 6);
        int size = v4 ? 4 : 16;
        if (l.srcAddrOffset >= 0 && p.has(l.srcAddrOffset, size)) j.raw("ip_src", address(p, l.srcAddrOffset, v4));
        if (l.dstAddrOffset >= 0 && p.has(l.dstAddrOffset, size)) j.raw("ip_dst", address(p, l.dstAddrOffset, v4));
        if (l.ipProtocol >= 0) j.field("ip_proto", l.ipProtocol);
        if (l.ttl >= 0) j.field("ttl", l.ttl);
        if (l.dscp >= 0) j.field("dscp", l.dscp).field("ecn", l.ecn);
        if (l.fragment) j.field("fragment_offset", l.fragmentOffset).field("more_fragments", l.moreFragments);
    }

    private static void transport(Layers l, JsonLine j) {
        if (l.transportKind != TransportKind.TCP && l.transportKind != TransportKind.UDP) return;
        j.field("src_port", l.srcPort).field("dst_port", l.dstPort);
        if (l.transportKind == TransportKind.TCP) {
            j.field("tcp_flags", l.tcpFlags).field("tcp_seq", l.tcpSeq).field("tcp_ack", l.tcpAck)
                .field("tcp_window", l.tcpWindow);
        } else {
            j.field("udp_length", l.udpLength);
        }
        if (l.payloadOffset >= 0) j.field("payload_length", l.payloadWireLength);
    }

    private CharSequence quoted(Packet p, int off, int len) {
        scratch.setLength(0);
        scratch.append('"');
        Text.linkAddress(scratch, p, off, len);
        return scratch.append('"');
    }

    private CharSequence hexQuoted(Packet p) {
        scratch.setLength(0);
        scratch.append('"');
        Text.hexBytes(scratch, p, 0, p.capLen());
        return scratch.append('"');
    }

    private CharSequence address(Packet p, int off, boolean v4) {
        scratch.setLength(0);
        scratch.append('"');
        if (v4) Text.ipv4(scratch, p, off);
        else Text.ipv6(scratch, p, off);
        return scratch.append('"');
    }
}
