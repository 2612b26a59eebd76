package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MSDP (RFC 3618, TCP 639) against tcpdump 4.99 itself. A TLV: type, length (16 bits, the whole TLV), then by type:
 * Source-Active (and its response): entry count, RP address, per entry reserved (3), source prefix length, group
 * and source, then optionally the multicast packet; SA-Request: reserved, group; Keepalive: nothing; Notification:
 * error code and data. Every type, several TLVs in a segment, carried packets, the first TLV's sanity checks and
 * each later length check, the port order around 639; whole, cut after every byte and mutated.
 */
class MsdpFormatterTest extends TcpdumpConformance {
    static byte[] tlv(int type, byte[] body) {
        return concat(new byte[] {(byte) type}, u16(3 + body.length), body);
    }

    static byte[] tlv(int type, int length, byte[] body) {
        return concat(new byte[] {(byte) type}, u16(length), body);
    }

    static byte[] entry(int prefixLength, byte[] group, byte[] source) {
        return concat(hex("000000"), new byte[] {(byte) prefixLength}, group, source);
    }

    static final byte[] GROUP = hex("e0010203");
    static final byte[] RP = hex("c0000201");
    static final byte[] SA = tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A)));
    static final byte[] DATA = ipv4(17, udp(5000, 5001, ascii("hello"), IP_A, GROUP), 0, 16, 7, 0, new byte[0], -1,
        IP_A, GROUP);

    /**
     * Multicast packets whose printers name a marker other than their transport's: DNS, NTP and BGP above UDP and
     * TCP, IGMP, PIMv2 and GRE above IPv4; VXLAN, Geneve and GRE carrying frames and packets (ARP, VLAN-tagged ARP,
     * DNS, NTP), whose last printer names it. Followed by a TLV and cut, the marker after one names its last printer.
     */
    static final List<byte[]> NAMED_DATA = joined(CarriedFrames.tunnels(IP_A, GROUP), List.of(
        carried(17, udp(40000, 53, hex("1234 0100 0001 0000 0000 0000 03777777 00 0001 0001"), IP_A, GROUP)),
        carried(17, udp(123, 123, concat(hex("e3"), zeros(47)), IP_A, GROUP)),
        carried(6, tcp(179, 40000, 1, 2, 0x018, 502, 0, new byte[0],
            hex("ffffffffffffffffffffffffffffffff 0013 04"), IP_A, GROUP)),
        carried(2, hex("1164ee9b00000000")),
        carried(103, hex("2000 0000 0001 0000")),
        carried(47, hex("0000 0800 4500"))));

    private static List<byte[]> joined(List<byte[]> a, List<byte[]> b) {
        List<byte[]> all = new ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    private static byte[] carried(int protocol, byte[] payload) {
        return ipv4(protocol, payload, 0, 16, 7, 0, new byte[0], -1, IP_A, GROUP);
    }

    static Frame segment(int sport, int dport, byte[]... tlvs) {
        return new Frame(ethernet(0x0800, ipv4(6, tcp(sport, dport, 1000, 2000, 0x018, 502, 0, new byte[0],
            concat(tlvs), IP_A, IP_B))));
    }

    static Frame msdp(byte[]... tlvs) {
        return segment(MsdpFormatter.PORT, 40000, tlvs);
    }

    /** The frames, for other tests too. */
    static List<Frame> allFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(msdp(SA));
        f.add(msdp(tlv(1, concat(new byte[] {2}, RP, entry(32, GROUP, IP_A), entry(24, GROUP, IP_B)))));
        f.add(msdp(tlv(3, concat(new byte[] {0}, RP))));
        f.add(msdp(tlv(2, concat(new byte[] {0}, GROUP))));
        f.add(msdp(tlv(4, new byte[0])));
        f.add(msdp(tlv(4, hex("0102"))));
        f.add(msdp(tlv(5, hex("8100000000"))));
        f.add(msdp(tlv(6, hex("01020304"))));
        f.add(msdp(tlv(7, new byte[0])));
        // several in a segment; Source-Active with the multicast packet; one whose packet's length is more than there
        f.add(msdp(tlv(4, new byte[0]), SA, tlv(2, concat(new byte[] {0}, GROUP)), tlv(4, new byte[0])));
        f.add(msdp(tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A), DATA)), tlv(4, new byte[0])));
        f.add(msdp(tlv(3, concat(new byte[] {0}, RP, DATA))));
        f.add(msdp(tlv(1, concat(new byte[] {0}, RP, hex("4500")))));
        f.add(msdp(tlv(1, concat(new byte[] {0}, RP, DATA, DATA))));
        for (byte[] data : NAMED_DATA) {
            f.add(msdp(tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A), data)), tlv(4, new byte[0])));
        }
        // long TLVs: over 1400 shown with its length, over 1500 first is not MSDP
        f.add(msdp(tlv(5, new byte[1401 - 3])));
        f.add(msdp(tlv(5, new byte[1501 - 3])));
        f.add(msdp(tlv(4, new byte[0]), tlv(5, new byte[1501 - 3])));
        // the first TLV's checks: type 0 and 8, length under 3; later ones: type 0, length under 3, over the rest
        f.add(msdp(tlv(0, new byte[1])));
        f.add(msdp(tlv(8, new byte[1])));
        f.add(msdp(tlv(4, 2, new byte[0])));
        f.add(msdp(tlv(4, new byte[0]), tlv(0, new byte[1]), tlv(4, new byte[0])));
        f.add(msdp(tlv(4, new byte[0]), tlv(4, 2, new byte[0])));
        f.add(msdp(tlv(4, new byte[0]), tlv(4, 9, new byte[2])));
        f.add(msdp(tlv(5, 20, new byte[2])));
        // bodies shorter than their type's: the count and group fetched from the next TLV or past the end
        f.add(msdp(tlv(1, new byte[0]), tlv(4, new byte[0])));
        f.add(msdp(tlv(2, new byte[0]), tlv(4, new byte[0]), tlv(4, new byte[0])));
        f.add(msdp(tlv(1, new byte[0])));
        f.add(msdp(hex("0400")));
        // tcpdump's port order: DNS before MSDP, MSDP before RPKI-RTR; over IPv6
        f.add(segment(53, MsdpFormatter.PORT, tlv(4, new byte[0])));
        f.add(segment(RpkiRtrFormatter.PORT, MsdpFormatter.PORT, tlv(4, new byte[0])));
        f.add(new Frame(ethernet(0x86dd, ipv6(6, tcp(40000, MsdpFormatter.PORT, 1, 2, 0x018, 502, 0, new byte[0],
            SA, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Found by the fuzz target: a carried packet that starts past the captured bytes, none of them in the buffer. */
    @Test
    void carriedPacketPastTheCapture() throws Exception {
        byte[] whole = msdp(tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A), DATA))).bytes();
        int capLen = 14 + 20 + 20 + 3 + 8 + 6;
        byte[] cut = java.util.Arrays.copyOf(whole, capLen);
        var packet = new dev.fabricscope.capture.Packet();
        packet.set(cut, 0, capLen, whole.length, 0, 0, dev.fabricscope.capture.LinkType.EN10MB, 1);
        var layers = new dev.fabricscope.dissect.Layers();
        dev.fabricscope.dissect.Dissector.dissect(packet, layers);
        StringBuilder out = new StringBuilder();
        new PacketPrinter(java.time.ZoneOffset.UTC, Verbosity.VERY_VERBOSE).format(packet, layers, out);
        // tcpdump's ip_print fetches the version first: nothing of the carried packet is printed
        assertEquals(true, out.toString().endsWith("SA 1 entries [w/data]  [|ip]"), out.toString());
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(new Frame(cut, whole.length)), "-vv", "-vv -x");
    }

    /**
     * Found by the fuzz target: an SA whose multicast packet is itself an MSDP segment re-enters this printer, which
     * used to leave the outer TLV walk without its packet (NullPointerException at the next TLV).
     */
    @Test
    void carriedMsdpSegmentThenMoreTlvs() throws Exception {
        byte[] carried = ipv4(6, tcp(MsdpFormatter.PORT, 40000, 1, 2, 0x018, 502, 0, new byte[0],
            concat(tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A), DATA)), tlv(4, new byte[0])), IP_A, GROUP),
            0, 16, 7, 0, new byte[0], -1, IP_A, GROUP);
        Frame nested = msdp(tlv(1, concat(new byte[] {1}, RP, entry(32, GROUP, IP_A), carried)), tlv(4, new byte[0]),
            tlv(2, concat(new byte[] {0}, GROUP)));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, List.of(nested), "", "-v", "-vv", "-vv -x");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, TcpdumpOracle.cutAfterEveryByte(List.of(nested), 14 + 20 + 20),
            "-vv");
    }

    @Test
    void portOrder() {
        assertEquals(TcpPorts.Decoder.DNS, TcpPorts.decoder(53, MsdpFormatter.PORT));
        assertEquals(TcpPorts.Decoder.MSDP, TcpPorts.decoder(MsdpFormatter.PORT, RpkiRtrFormatter.PORT));
        assertEquals(TcpPorts.Decoder.MSDP, TcpPorts.decoder(40000, MsdpFormatter.PORT));
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    /** The MSDP TLVs: after the IPv4 and 20-byte TCP headers. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 20;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("MSDP", 639, 10, 4, 12, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv")
            .allocation("", "-v", "-vv");
    }
}
