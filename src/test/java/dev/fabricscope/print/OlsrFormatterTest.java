package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * OLSR on UDP 698 (RFC 3626's packet and messages, olsr.org's LQ, smart-gateway and name-service extensions) over
 * IPv4 and IPv6 against tcpdump 4.99 itself: every message type, link codes, every vtime and link-quality byte,
 * every link-speed byte, masks that are and are not prefixes, broken lengths, OLSR's place among the UDP ports, in
 * every verbosity, cut after every byte, and seeded mutants.
 */
class OlsrFormatterTest extends TcpdumpConformance {
    private static final int HELLO = 1, TC = 2, MID = 3, HNA = 4, POWERINFO = 128, NAMES = 130, HELLO_LQ = 201,
        TC_LQ = 202;
    private static final byte[] ORIGINATOR4 = hex("c0a80101");
    private static final byte[] ORIGINATOR6 = hex("20010db8000000000000000000000001");

    /** The packet header (RFC 3626 3.3): its length, its sequence number, then the messages. */
    static byte[] packet(int seq, byte[]... messages) {
        byte[] body = concat(messages);
        return concat(u16(body.length + 4), u16(seq), body);
    }

    /** A message header: type, vtime, size (header included), originator, TTL, hop count, sequence number. */
    static byte[] message(int type, int vtime, byte[] originator, byte[] body) {
        return concat(new byte[] {(byte) type, (byte) vtime}, u16(body.length + originator.length + 8), originator,
            new byte[] {(byte) 255, 3}, u16(0x1234), body);
    }

    static byte[] msg4(int type, String body) {
        return message(type, 0x86, ORIGINATOR4, hex(body));
    }

    static byte[] msg6(int type, String body) {
        return message(type, 0x86, ORIGINATOR6, hex(body));
    }

    /** A HELLO link block: link code, reserved, size (these four bytes included), the neighbours. */
    static String link(int code, String neighbours) {
        return String.format("%02x00%04x", code, hex(neighbours).length + 4) + neighbours;
    }

    static Frame udp4(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static Frame udp4(byte[] payload) {
        return udp4(OlsrFormatter.PORT, OlsrFormatter.PORT, payload);
    }

    static Frame udp6(byte[] payload) {
        return new Frame(ethernet(0x86dd, ipv6(17, udp(OlsrFormatter.PORT, OlsrFormatter.PORT, payload, IP6_A, IP6_B),
            0x60000000L, IP6_A, IP6_B)));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        // HELLO with each link and neighbour type, TC, MID, HNA with prefixes and masks that are not
        f.add(udp4(packet(0x0102,
            msg4(HELLO, "0000 06 07" + link(0x06, "0a000001 0a000002 0a000003 0a000004 0a000005")
                + link(0x0a, "0a000006") + link(0x01, "") + link(0x03, "0a000007") + link(0x0d, "0a000008")),
            msg4(TC, "0007 0000 0a000001 0a000002 0a000003"),
            msg4(MID, "0a010001 0a020001 0a03"),
            msg4(HNA, "0a000000 ff000000 c0a80000 ffff0000 00000000 00000000 ac100000 fff00000"
                + "0a0b0c0d ffffffff 0a000000 ff00ff00 01020304"))));
        // smart gateways: each flag, speeds decoded or not, next to plain prefixes
        f.add(udp4(packet(0x0203, msg4(HNA, "00000000 00010a14 00000000 00020000 00000000 0004ffff"
            + "00000000 0008 0102 00000000 0010 0304 00000000 001f 00ff 00000000 00ff 2a2b 0a000000 ff000000"
            + "00000000 0100 0000 00000000 0002 0000"))));
        // every link-speed byte, uplink and downlink
        for (int half = 0; half < 2; half++) {
            StringBuilder b = new StringBuilder();
            for (int i = half * 128; i < half * 128 + 128; i++) b.append(String.format("00000000 0001%02x%02x ", i, 255 - i));
            f.add(udp4(packet(half, msg4(HNA, b.toString()))));
        }
        // LQ-HELLO and LQ-TC, every link-quality byte
        f.add(udp4(packet(0x0304, msg4(HELLO_LQ, "0000 2c 03" + link(0x06, "0a000001 ff 80 0000 0a000002 00 01 0000")
            + link(0x09, "0a000003 33 66 0000")), msg4(TC_LQ, "00ff 0000 0a000001 c8 64 0000 0a000002"))));
        for (int half = 0; half < 2; half++) {
            StringBuilder b = new StringBuilder("abcd 0000");
            for (int i = half * 128; i < half * 128 + 128; i++) b.append(String.format("0a0000%02x %02x%02x 0000", i, i, 255 - i));
            f.add(udp4(packet(half, msg4(TC_LQ, b.toString()))));
        }
        // every vtime byte (MID messages) and hello-time byte
        for (int block = 0; block < 16; block++) {
            List<byte[]> messages = new ArrayList<>();
            for (int i = block * 16; i < block * 16 + 16; i++) {
                messages.add(message(MID, i, ORIGINATOR4, hex("0a000001")));
                messages.add(message(HELLO, 0, ORIGINATOR4, hex(String.format("0000 %02x 03", i))));
            }
            f.add(udp4(packet(block, messages.toArray(byte[][]::new))));
        }
        // name service: names padded or not, odd characters; power info and unknown types as hex
        f.add(udp4(packet(0x0405, msg4(NAMES, "0001 0003 0000 0004 0a000001 686f7374 0001 0005 0a000002 7a6f6e65"
            + "31000000 0002 0003 0a000003 01ff7f00"), msg4(POWERINFO, "0102030405"), msg4(99, ""),
            msg4(99, "00112233445566778899aabbccddeeff0011"))));
        // IPv6: HELLO (IPv4 neighbours, as tcpdump reads them), LQ-HELLO, TC, LQ-TC, MID, HNA, name service
        f.add(udp6(packet(0x0506,
            msg6(HELLO, "0000 06 07" + link(0x06, "0a000001 0a000002") + link(0x0b, "")),
            msg6(HELLO_LQ, "0000 06 07" + link(0x06, "fe800000000000000000000000000002 c0 40 0000")),
            msg6(TC, "0001 0000 0a000001"),
            msg6(TC_LQ, "0001 0000 20010db8000000000000000000000009 ff ff 0000 0102"),
            msg6(MID, "20010db8000000010000000000000001 20010db8000000020000000000000001"),
            msg6(HNA, "20010db8000100000000000000000000 ffffffffffffffff0000000000000000"
                + "00000000000000000000000000000000 00000000000000000000000000000000"
                + "20010db8000000000000000000000001 ffffffffffffffffffffffffffffffff"
                + "20010db8000000000000000000000000 ffffffe0000000000000000000000000"
                + "20010db8000000000000000000000000 ffff00ff000000000000000000000000"
                + "20010db8000000000000000000000000 fffffff1ff0000000000000000000000 0102"),
            msg6(NAMES, "0001 0001 0000 0003 fe800000000000000000000000000002 61626300"))));
        // broken: messages and links of bad sizes, zero type or size, packet sizes unlike the datagram's
        f.add(udp4(packet(1, message(HELLO, 0x86, ORIGINATOR4, hex("0000 06")))));
        f.add(udp4(packet(2, message(TC, 0x86, ORIGINATOR4, hex("00")))));
        f.add(udp4(packet(3, msg4(HELLO, "0000 06 07" + "0600 0010 0a000001" + link(0x06, "0a000002")))));
        f.add(udp4(packet(4, msg4(HELLO, "0000 06 07 0600 0002 0a000001"))));
        f.add(udp4(packet(5, msg4(MID, "0a000001"), hex("0300 000b c0a80101 ff01 0001"))));
        f.add(udp4(packet(6, msg4(MID, "0a000001"), hex("0300 00ff c0a80101 ff01 0001"))));
        f.add(udp4(packet(7, msg4(MID, "0a000001"), hex("0086 000c c0a80101 ff01 0001"), msg4(MID, "0a000002"))));
        f.add(udp4(packet(8, msg4(MID, "0a000001"), hex("0386 0000 c0a80101 ff01 0001"))));
        f.add(udp4(concat(hex("0010 0009"), msg4(MID, "0a000001 0a000002"))));
        f.add(udp4(concat(hex("00ff 000a"), msg4(MID, "0a000001"))));
        f.add(udp4(concat(hex("0002 000b"), msg4(MID, "0a000001"))));
        f.add(udp4(concat(hex("0014 000c"), msg4(MID, "0a000001"), msg4(MID, "0a000002"))));
        f.add(udp4(hex("0004 000d")));
        f.add(udp4(hex("0003")));
        f.add(udp4(hex("")));
        // broken name service: no entries, too many, an empty or oversized entry, a name whose padding is missing
        f.add(udp4(packet(9, msg4(NAMES, "0001 0000 0000 0004 0a000001 686f7374"))));
        f.add(udp4(packet(10, msg4(NAMES, "0001 0003 0000 0004 0a000001 686f7374"))));
        f.add(udp4(packet(11, msg4(NAMES, "0001 0002 0000 0000 0a000001 686f7374 0000"))));
        f.add(udp4(packet(12, msg4(NAMES, "0001 0001 0000 0009 0a000001 686f7374"))));
        f.add(udp4(packet(13, msg4(NAMES, "0001 0001 0000 0005 0a000001 686f7374 41"))));
        f.add(udp4(packet(14, msg4(NAMES, "0001 0002 0000 0004 0a000001 686f7374 00"))));
        f.add(udp4(packet(15, msg4(NAMES, "0001"))));
        f.add(udp6(packet(16, msg6(NAMES, "0001 0001 0000 0004 fe800000000000000000000000000002 6869"))));
        f.add(udp6(packet(17, msg6(HNA, "20010db8000100000000000000000000 ffff"))));
        f.add(udp6(concat(hex("0020 0011"), msg6(MID, "20010db8000000010000000000000001"))));
        return f;
    }

    /** The same packet from and to ports that print-udp.c tries before or after OLSR's. */
    static List<Frame> portOrderFrames() {
        byte[] mid = packet(1, msg4(MID, "0a000001"));
        List<Frame> f = new ArrayList<>();
        for (int[] ports : new int[][] {{698, 646}, {698, 1985}, {1985, 698}, {1812, 698}, {698, 3503},
            {49152, 698}, {698, 3784}, {40000, 698}, {496, 698}}) {
            f.add(udp4(ports[0], ports[1], mid));
        }
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** print-udp.c: LDP, then OLSR, then LSP ping; HSRP (to 1985) and LWRES before them; either side. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(698, 40000));
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(40000, 698));
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(698, 3503));
        assertEquals(UdpPorts.Decoder.OLSR, UdpPorts.decoder(1985, 698));
        assertEquals(UdpPorts.Decoder.HSRP, UdpPorts.decoder(698, 1985));
        assertEquals(UdpPorts.Decoder.LDP, UdpPorts.decoder(698, 646));
        assertEquals(UdpPorts.Decoder.RADIUS, UdpPorts.decoder(1812, 698));
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("OLSR", 698, 8));
    }

    /** The frames short enough to cut after every byte: not the ones that go through every byte value. */
    @Override
    List<Frame> cutFrames() {
        return frames().stream().filter(f -> f.bytes().length < 400).toList();
    }

    /** The OLSR packet: after the UDP header on IPv4 or IPv6. */
    @Override
    int start(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }
}
