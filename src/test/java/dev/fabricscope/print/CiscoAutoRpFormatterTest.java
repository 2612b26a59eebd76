package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Cisco auto-RP on UDP 496 (version 1+: type, RP count, hold time, four reserved bytes, then per RP its address, PIM
 * versions and group entries of flags, mask length and group) against tcpdump 4.99 itself: both message types and an
 * unknown one, every PIM version, negative, bidir and reserved bits, counts beyond the datagram, its place among the
 * UDP ports, cut after every byte, and seeded mutants.
 */
class CiscoAutoRpFormatterTest extends TcpdumpConformance {
    /** The header: type, RP count, hold time in seconds, reserved; then the RPs. */
    static byte[] message(int type, int rps, int hold, String body) {
        return concat(new byte[] {(byte) type, (byte) rps}, u16(hold), hex("00000000"), hex(body));
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static Frame udp4(byte[] payload) {
        return udp4(CiscoAutoRpFormatter.PORT, CiscoAutoRpFormatter.PORT, payload);
    }

    static Frame udp6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(CiscoAutoRpFormatter.PORT, CiscoAutoRpFormatter.PORT, payload,
            IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(udp4(message(0x11, 1, 181, "0a000001 02 01 00 04 e0000000")));
        f.add(udp4(message(0x12, 3, 0, "0a000001 03 03 00 04 e0000000 01 08 ef000000 02 10 e1010000"
            + " 0a000002 00 00 0a000003 fd 01 fe 18 e2020200")));
        f.add(udp4(message(0x12, 2, 65535, "0a000001 01 01 00 04 e0000000 0a000002 02 00 ff")));
        f.add(udp4(message(0x42, 0, 60, "")));
        f.add(udp4(message(0x11, 0, 32230, "0a000001 02 00")));
        // counts the datagram does not hold
        f.add(udp4(message(0x11, 2, 181, "0a000001 02 01 00 04 e0000000")));
        f.add(udp4(message(0x11, 1, 181, "0a000001 02 02 00 04 e0000000 00 04")));
        f.add(udp4(message(0x11, 1, 181, "0a000001 02")));
        f.add(udp4(message(0x11, 1, 181, "0a000001")));
        f.add(udp4(message(0x11, 1, 181, "0a00")));
        f.add(udp4(hex("1101 00b5 0000 00")));
        f.add(udp4(hex("")));
        f.add(udp6(message(0x12, 1, 90, "0a000001 02 01 00 04 e0000000")));
        return f;
    }

    /** The same message from and to ports that print-udp.c tries before or after auto-RP's. */
    static List<Frame> portOrderFrames() {
        byte[] m = message(0x11, 1, 181, "0a000001 02 01 00 04 e0000000");
        List<Frame> f = new ArrayList<>();
        for (int[] ports : new int[][] {{496, 4567}, {4567, 496}, {1812, 496}, {496, 1812}, {8231, 496}, {496, 646},
            {40000, 496}}) {
            f.add(udp4(ports[0], ports[1], m));
        }
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("AUTORP", 496, 20))
            .whole("", "-v", "-q")
            .allocation("", "-v");
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "");
    }

    /** print-udp.c: HNCP and the whiteboard (to 4567) before auto-RP, auto-RP before RADIUS and LDP; either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.CISCO_AUTORP, UdpPorts.decoder(496, 40000));
        assertEquals(UdpPorts.Decoder.CISCO_AUTORP, UdpPorts.decoder(4567, 496));
        assertEquals(UdpPorts.Decoder.CISCO_AUTORP, UdpPorts.decoder(1812, 496));
        assertEquals(UdpPorts.Decoder.WB, UdpPorts.decoder(496, 4567));
        assertEquals(UdpPorts.Decoder.HNCP, UdpPorts.decoder(8231, 496));
    }

    /** The auto-RP message: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
