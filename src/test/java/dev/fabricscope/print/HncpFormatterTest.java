package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * HNCP on UDP 8231 (RFC 7788 TLVs and the RFC 7787 DNCP ones) against tcpdump 4.99 itself: every TLV with its
 * nested TLVs, DHCPv4/DHCPv6 options, IPv4-mapped and IPv6 prefixes, DNS labels, broken lengths, deep nesting, the
 * ranges of unnamed types, in each verbosity (the in-line runs differ by level), cut after every byte, and mutants.
 */
class HncpFormatterTest extends TcpdumpConformance {
    private static final byte[] LINK_LOCAL = hex("fe800000000000000000000000000001");
    private static final byte[] HNCP_GROUP = hex("ff020000000000000000000000000011");

    /** A TLV: type, the body's length, the body, padded to 4 bytes. */
    static byte[] tlv(int type, String body, byte[]... nested) {
        byte[] b = concat(hex(body));
        byte[] padded = concat(b, new byte[(4 - b.length % 4) % 4]);
        return concat(u16(type), u16(b.length + concat(nested).length), padded, concat(nested));
    }

    static Frame udp6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(HncpFormatter.PORT, HncpFormatter.PORT, payload, LINK_LOCAL,
            HNCP_GROUP), 0x60000000L, LINK_LOCAL, HNCP_GROUP)));
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        byte[] address = tlv(36, "00000001 20010db8000000000000000000000001");
        byte[] mapped = tlv(36, "00000002 00000000000000000000ffffc0000201");
        byte[] version = tlv(32, "0000 1234 6866 2d31", tlv(41, "fe800000000000000000000000000001 03 6f6e65"));
        f.add(udp6(concat(tlv(3, "01020304 00000005"), tlv(4, "0011223344556677"),
            tlv(5, "01020304 00000007 000927c0 8899aabbccddeeff", version, address, mapped,
                tlv(35, "00000001 0f 40 20010db800010000"), tlv(35, "00000001 02 78 00000000000000000000ffff0a0100"),
                tlv(42, "00".repeat(31) + "01", tlv(9, "00000001 00002710")),
                tlv(33, "", tlv(34, "00093a80 00093a80 30 20010db80002", tlv(43, "00"), tlv(43, "40 20010db8000000ff"),
                    tlv(43, "81 03 6c616e 00"), tlv(43, "82 6f706171"), tlv(43, "83"), tlv(43, "90 00")),
                    tlv(34, "00000000 00000000 70 00000000000000000000ffffc0a800"),
                    tlv(37, "06 08 08080808 08080404 2a 04 c0000201 77 07 036c616e 00 c0 00"),
                    tlv(38, "0017 0010 20014860486000000000000000008888 0018 0005 036c616e 00 001f 0000"
                        + " 0099 0002 0102")),
                tlv(39, "20010db8000000000000000000000053 07 04686f6d65 00"), tlv(40, "04686f6d65 00")),
            tlv(8, "01020304 00000001 00000002"), tlv(1, ""), tlv(2, "0a0b0c0d"),
            tlv(10, "01 000000" + "ab".repeat(32) + "6e616d65"), tlv(0, "00"), tlv(6, ""), tlv(100, ""),
            tlv(800, "01"), tlv(2000, ""), tlv(2000, ""), tlv(9, "00000001 00002710"), tlv(9, "00000002 00000000"),
            tlv(41, "fe800000000000000000000000000001 03 6f6e65", tlv(1, "")))));
        // broken TLVs: wrong lengths, prefixes too long or beyond their TLV, bad DHCP options, names beyond the room
        f.add(udp6(concat(tlv(1, "00"), tlv(2, "00"), tlv(3, "00"), tlv(4, "00"), tlv(5, "00"), tlv(8, "00"),
            tlv(9, "00"), tlv(10, "00".repeat(36)), tlv(32, "00"), tlv(34, "00000000 00000000 40 20"),
            tlv(34, "00000000 00000000 81 " + "00".repeat(17)), tlv(34, "00000000 00000000 ff " + "00".repeat(32)),
            tlv(43, ""), tlv(43, "00 00"), tlv(43, "83 00"), tlv(43, "81 05 616263"), tlv(43, "81 03 616263 04"),
            tlv(35, "00000001 0f"), tlv(35, "00000001 0f 81 " + "00".repeat(17)), tlv(36, "00"),
            tlv(39, "00"), tlv(39, "20010db8000000000000000000000053 07 05686f6d65"), tlv(40, ""), tlv(41, "00"),
            tlv(41, "20010db8000000000000000000000053 05 6f6e65"),
            tlv(41, "20010db8000000000000000000000053 " + "40" + "61".repeat(64)), tlv(42, "00"),
            tlv(38, ""), tlv(38, "0017 0004 01020304"), tlv(38, "0017 0010 01"), tlv(38, "00"),
            tlv(37, ""))));
        f.add(udp6(concat(tlv(37, "06 03 010203"), tlv(5, "01020304 00000007 000927c0 8899aabbccddeeff"))));
        f.add(udp6(concat(tlv(37, "06 08 01020304"), tlv(2, "0a0b0c0d"))));
        f.add(udp6(concat(tlv(37, "77 05 03616263 00 06"), tlv(2, "0a0b0c0d"))));
        // a prefix policy whose prefix runs past the datagram, lengths past the datagram, deep nesting, short ones
        f.add(udp6(concat(tlv(2, "0a0b0c0d"), tlv(43, "80 20"))));
        f.add(udp6(concat(tlv(2, "0a0b0c0d"), hex("0002 0008 0a0b0c0d"))));
        f.add(udp6(concat(tlv(2, "0a0b0c0d"), hex("0002 00"))));
        byte[] deep = tlv(1, "");
        for (int i = 0; i < 40; i++) deep = tlv(33, "", deep);
        f.add(udp6(deep));
        f.add(udp6(new byte[0]));
        f.add(udp4(40000, HncpFormatter.PORT, tlv(5, "01020304 00000007 000927c0 8899aabbccddeeff", address)));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("HNCP", 8231, 12))
            .whole("", "-v", "-vv", "-vvv", "-q")
            .cut("-x", "-vvv -x")
            .mutated("-x", "-v", "-vvv -x")
            .allocation("", "-v", "-vvv");
    }

    /** print-udp.c: AHCP and Babel before HNCP, HNCP before the whiteboard and RADIUS. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.HNCP, UdpPorts.decoder(8231, 40000));
        assertEquals(UdpPorts.Decoder.HNCP, UdpPorts.decoder(8231, 4567));
        assertEquals(UdpPorts.Decoder.HNCP, UdpPorts.decoder(1812, 8231));
        assertEquals(UdpPorts.Decoder.BABEL, UdpPorts.decoder(8231, 6696));
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        byte[] m = tlv(2, "0a0b0c0d");
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, List.of(udp4(8231, 4567, m), udp4(1812, 8231, m),
            udp4(8231, 6697, m), udp4(546, 8231, m)), "", "-v");
    }

    /** The HNCP datagram: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
