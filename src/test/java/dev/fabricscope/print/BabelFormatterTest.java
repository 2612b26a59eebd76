package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Babel on UDP 6696/6697 (RFC 6126 and 6126bis TLVs, RFC 7298 HMAC, RFC 7557 sub-TLVs, the source-specific draft's
 * TLVs, RFC 8967's MAC, PC and challenges) against tcpdump 4.99 itself: every TLV with each address encoding,
 * omitted prefix bytes, sub-TLVs, packet trailers, broken lengths and encodings, Babel's place among the UDP ports,
 * in every verbosity, cut after every byte, and seeded mutants.
 */
class BabelFormatterTest extends TcpdumpConformance {
    private static final byte[] LINK_LOCAL = hex("fe800000000000000000000000000001");
    private static final byte[] BABEL_GROUP = hex("ff020000000000000000000000010006");

    /** A TLV: type, the body's length, the body. */
    static byte[] tlv(int type, String body) {
        byte[] b = hex(body);
        return concat(new byte[] {(byte) type, (byte) b.length}, b);
    }

    /** A Babel packet: magic 42, version 2, the body's length, the body, then a trailer. */
    static byte[] withTrailer(byte[] body, byte[] trailer) {
        return concat(new byte[] {42, 2}, u16(body.length), body, trailer);
    }

    static byte[] packet(byte[]... tlvs) {
        return withTrailer(concat(tlvs), new byte[0]);
    }

    static Frame udp6(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(sport, dport, payload, LINK_LOCAL, BABEL_GROUP), 0x6c000000L,
            LINK_LOCAL, BABEL_GROUP)));
    }

    static Frame udp6(byte[] payload) {
        return udp6(BabelFormatter.PORT, BabelFormatter.PORT, payload);
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // a hello with its timestamp, an IHU per address encoding, the router id, next hops and updates
        f.add(udp6(packet(tlv(4, "0000 0007 0190 03 04 000f4240"), tlv(4, "8000 0008 0000"),
            tlv(5, "01 00 0060 0190 c0000201 03 08 00000001 3b9ac9ff"), tlv(5, "02 00 0100 0000 " +
                "20010db8000000000000000000000001"), tlv(5, "03 00 ffff 0064 0000000000000002"),
            tlv(5, "00 00 0060 0190"), tlv(6, "0000 0102030405060708"), tlv(7, "01 00 c0000201"),
            tlv(7, "02 00 fe800000000000000000000000000009"), tlv(7, "03 00 0011223344556677"),
            tlv(8, "01 80 18 00 0190 0005 0064 c00002"), tlv(8, "01 00 20 02 0190 0006 0064 0307"),
            tlv(8, "02 c0 40 00 ffff 0001 0000 20010db800000001"), tlv(8, "02 00 30 04 0190 0002 0010 0a0b"),
            tlv(8, "03 00 80 00 0190 0003 0020 0102030405060708"), tlv(8, "00 3f 00 00 0190 0001 ffff"),
            tlv(8, "02 00 78 00 0000 0001 0002 00000000000000000000ffff0a0102"))));
        // requests, TS/PC, HMAC, pads, acks, unknown types
        f.add(udp6(packet(tlv(9, "00 00"), tlv(9, "01 18 c00002"), tlv(9, "02 40 20010db800000001"),
            tlv(9, "03 80 0102030405060708"), tlv(10, "01 18 0007 40 00 0102030405060708 c00002"),
            tlv(10, "00 00 0001 01 00 0102030405060708"), tlv(11, "0001 00000064"),
            tlv(12, "0001 000102030405060708090a0b0c0d0e0f"), new byte[] {0}, tlv(1, "000000"),
            tlv(2, "0000 abcd 0190"), tlv(3, "1234"), tlv(42, "0102"), tlv(2, "0000 0001 0000"))));
        // RFC 8967 (MAC, PC, challenges) in the body and the trailer
        f.add(udp6(withTrailer(concat(tlv(17, "00000005 0102"), tlv(18, "0001020304050607"),
            tlv(19, "0001020304050607")),
            concat(tlv(16, "000102030405060708090a0b0c0d0e0f"), new byte[] {0}, tlv(1, "00")))));
        // the source-specific draft's TLVs
        f.add(udp6(packet(tlv(13, "02 30 40 00 0190 0001 0002 20010db800000001 200107000001"),
            tlv(13, "01 10 18 00 ffff 0001 0002 c00002 0a01"), tlv(13, "00 00 00 00 0190 0001 0002"),
            tlv(13, "03 00 80 00 0190 0001 0002 0102030405060708 02 02 05 06"),
            tlv(14, "02 40 30 20010db800000001 200107000001"), tlv(14, "01 18 10 c00002 0a01"), tlv(14, "00 00 00"),
            tlv(15, "01 18 0005 10 10 0102030405060708 c00002 0a01"),
            tlv(15, "02 40 0005 10 00 0102030405060708 20010db800000001"))));
        // sub-TLVs: diversity (empty, bogus outside updates), pads, mandatory unknown ones, broken ones
        f.add(udp6(packet(tlv(8, "01 80 18 00 0190 0005 0064 c00002 02 03 01 00 ff 02 00 00 01 02 0000 85 01 00"),
            tlv(4, "0000 0007 0190 02 01 05 03 04 00000000 40 00"), tlv(5, "00 00 0060 0190 03 04 00000001"),
            tlv(8, "02 80 40 00 0190 0005 0064 20010db800000001 03 04 00000001 80"),
            tlv(4, "0000 0007 0190 03 02 0000"), tlv(4, "0000 0007 0190 01 05 00"))));
        // broken TLVs: too short, bad address encodings and prefix lengths, an IHU that goes on
        f.add(udp6(packet(tlv(5, "07 00 0060 0190"), tlv(5, "01 00 0060 0190 c000"), tlv(4, "0000 0007"))));
        f.add(udp6(packet(tlv(2, "0000 abcd"))));
        f.add(udp6(packet(tlv(3, ""))));
        f.add(udp6(packet(tlv(6, "0000 01020304"))));
        f.add(udp6(packet(tlv(7, "05 00 00000000"))));
        f.add(udp6(packet(tlv(7, ""))));
        f.add(udp6(packet(tlv(8, "01 80 18 00 0190 0005"))));
        f.add(udp6(packet(tlv(8, "01 80 21 00 0190 0005 0064 c0000201ff"))));
        f.add(udp6(packet(tlv(8, "01 80 18 05 0190 0005 0064 c00002"))));
        f.add(udp6(packet(tlv(8, "02 80 81 00 0190 0005 0064"))));
        f.add(udp6(packet(tlv(8, "02 80 40 00 0190 0005 0064 20010db8"))));
        f.add(udp6(packet(tlv(8, "04 80 40 00 0190 0005 0064"))));
        f.add(udp6(packet(tlv(9, "01 ff"))));
        f.add(udp6(packet(tlv(10, "01 18 0007 40 00 01020304050607"))));
        f.add(udp6(packet(tlv(11, "0001 0000"))));
        f.add(udp6(packet(tlv(12, "0001 000102030405060708090a0b0c0d0e"))));
        f.add(udp6(packet(tlv(13, "02 30 40 00 0190 0001"))));
        f.add(udp6(packet(tlv(13, "02 30 40 00 0190 0001 0002 20010db800000001 2001"))));
        f.add(udp6(packet(tlv(14, "02 40"))));
        f.add(udp6(packet(tlv(14, "02 40 30 20010db800000001 2001"))));
        f.add(udp6(packet(tlv(15, "01 18 0005 10 10 0102030405060708 c000"))));
        f.add(udp6(packet(tlv(17, "000000"))));
        f.add(udp6(packet(tlv(18, "00".repeat(193)))));
        f.add(udp6(packet(tlv(19, "00".repeat(193)))));
        // TLVs that overrun the body or the trailer, bodies longer than the datagram, bad headers, short datagrams
        f.add(udp6(concat(hex("2a02 0006"), tlv(4, "0000 0007 0190"))));
        f.add(udp6(concat(hex("2a02 0001"), tlv(4, "0000 0007 0190"))));
        f.add(udp6(concat(hex("2a02 0000"), tlv(4, "0000 0007"))));
        f.add(udp6(concat(hex("2a02 0008"), tlv(4, "0000 0007 0190"), hex("01"))));
        f.add(udp6(concat(hex("2a02 0010"), tlv(4, "0000 0007 0190"))));
        f.add(udp6(hex("2a02 0000")));
        f.add(udp6(hex("2b02 0000")));
        f.add(udp6(hex("2a03 0000 0000")));
        f.add(udp6(hex("2a02 00")));
        f.add(udp6(hex("2a")));
        // over IPv4 and on the old port
        f.add(udp4(BabelFormatter.OLD_PORT, BabelFormatter.OLD_PORT, packet(tlv(4, "0000 0007 0190"),
            tlv(8, "01 80 18 00 0190 0005 0064 c00002"))));
        f.add(udp4(40000, BabelFormatter.PORT, packet(tlv(9, "01 18 c00002"))));
        return f;
    }

    /** The same datagram from and to ports that print-udp.c tries before or after Babel's. */
    static List<Frame> portOrderFrames() {
        byte[] hello = packet(tlv(4, "0000 0007 0190"));
        List<Frame> f = new ArrayList<>();
        for (int[] ports : new int[][] {{6696, 547}, {546, 6697}, {6697, 4567}, {1812, 6696}, {6696, 646},
            {8231, 6697}, {6696, 5359}, {521, 6696}}) {
            f.add(udp6(ports[0], ports[1], hello));
        }
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** print-udp.c: DHCPv6 and AHCP before Babel (6696, then 6697), Babel before HNCP, the whiteboard, RADIUS. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(6696, 40000));
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(40000, 6697));
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(8231, 6697));
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(6696, 4567));
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(1812, 6696));
        assertEquals(UdpPorts.Decoder.DHCP6, UdpPorts.decoder(6696, 547));
        assertEquals(UdpPorts.Decoder.RIPNG, UdpPorts.decoder(521, 6696));
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("BABEL", 6696, 8));
    }

    /** The Babel packet: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
