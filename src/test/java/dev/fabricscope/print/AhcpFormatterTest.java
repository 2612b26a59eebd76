package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AHCP version 1 on UDP 5359 (the layout of Chroboczek's AHCP: 24-byte header, then type, MBZ, length and options)
 * against tcpdump 4.99 itself: each message type and option, broken lengths, other magics and versions, extra data
 * after the body, in each verbosity, cut after every byte, and seeded mutants.
 */
class AhcpFormatterTest extends TcpdumpConformance {
    private static final byte[] LINK_LOCAL = hex("fe800000000000000000000000000001");
    private static final byte[] AHCP_GROUP = hex("ff02000000000000cca6c0f9e1825359");

    /** Magic 43, version 1, hop counts, nonce, source and destination ids; then type, MBZ, length, options. */
    static byte[] message(int type, int mbz, String options, String extra) {
        byte[] o = hex(options);
        return concat(hex("2b 01 03 05 deadbeef 0218f3fffea9914e ffffffffffffffff"),
            new byte[] {(byte) type, (byte) mbz}, u16(o.length), o, hex(extra));
    }

    static Frame udp6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(AhcpFormatter.PORT, AhcpFormatter.PORT, payload, LINK_LOCAL,
            AHCP_GROUP), 0x60000000L, LINK_LOCAL, AHCP_GROUP)));
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp6(message(0, 0, "02 04 4d9e14fb 03 04 00000eb8 00 01", "")));
        f.add(udp6(message(1, 0, "02 04 00000000 03 04 ffffffff 04 10 20010db8000000000000000000000001 05 08 c0000201"
            + "c0000202 06 11 20010db8000100000000000000000000 40 07 05 0a000000 08"
            + " 08 20 20010db8000000000000000000000002 20010db8000000000000000000000003 09 04 0a000001"
            + " 0a 11 20010db8000200000000000000000000 30 0b 05 0a010000 10"
            + " 0c 10 20010db8000000000000000000000053 0d 10 20010db800000000000000000000007b 0e 02 0102", "")));
        f.add(udp6(message(2, 7, "", "0102")));
        f.add(udp6(message(3, 0, "02 04 ffffffff", "")));
        f.add(udp6(message(4, 0, "", "")));
        f.add(udp6(message(5, 0, "", "")));
        f.add(udp6(message(9, 0, "", "")));
        // broken options: lengths for times and addresses, an option longer than the body, a length missing
        f.add(udp6(message(1, 0, "02 03 000000 03 05 0000000000 04 11 " + "00".repeat(17) + " 05 03 000000", "")));
        f.add(udp6(message(1, 0, "06 10 " + "00".repeat(16), "")));
        f.add(udp6(message(1, 0, "0b 06 0a01000010 00", "")));
        f.add(udp6(message(1, 0, "04 20 0102", "")));
        f.add(udp6(message(1, 0, "03", "")));
        // a body longer than the datagram, short headers, other magics and versions
        f.add(udp6(concat(hex("2b 01 03 05 deadbeef 0218f3fffea9914e ffffffffffffffff 01 00 0010"), hex("0304"))));
        f.add(udp6(hex("2b 01 03 05 deadbeef 0218f3fffea9914e ffffffffffffffff 01 00")));
        f.add(udp6(hex("2b 01 03 05 deadbeef 0218f3fffea9914e ffffff")));
        f.add(udp6(hex("2b 02 0102")));
        f.add(udp6(hex("2a 01 0102")));
        f.add(udp6(hex("2b")));
        f.add(udp4(40000, AhcpFormatter.PORT, message(0, 0, "03 04 00000eb8", "")));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("AHCP", 5359, 12, 4, 28, MutatedFrames.ALL))
            .cut("-x", "-v -x", "-vv")
            .mutated("-x", "-vv -x");
    }

    /** print-udp.c: DHCPv6 before AHCP, AHCP before Babel and HNCP. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.AHCP, UdpPorts.decoder(5359, 40000));
        assertEquals(UdpPorts.Decoder.AHCP, UdpPorts.decoder(6696, 5359));
        assertEquals(UdpPorts.Decoder.AHCP, UdpPorts.decoder(5359, 8231));
        assertEquals(UdpPorts.Decoder.DHCP6, UdpPorts.decoder(5359, 546));
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        byte[] m = message(0, 0, "03 04 00000eb8", "");
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, List.of(udp4(6696, 5359, m), udp4(5359, 8231, m),
            udp4(5359, 546, m), udp4(6697, 5359, m)), "", "-vv");
    }

    /** The AHCP datagram: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
