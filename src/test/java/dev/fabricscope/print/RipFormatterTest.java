package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * RIP versions 1 and 2 on UDP 520 (RFC 1058 and 2453 layouts, RFC 4822 authentication) against tcpdump 4.99 itself:
 * every command, entry and authentication kind whole in every verbosity, malformed messages, cut after every byte,
 * seeded random mutants, and RIP's place in tcpdump's UDP port order.
 */
class RipFormatterTest extends TcpdumpConformance {
    static byte[] rip(int command, int version, byte[]... entries) {
        return concat(new byte[] {(byte) command, (byte) version, 0, 0}, concat(entries));
    }

    /** An RFC 1058 entry: family, must-be-zero, address, two must-be-zero words, metric. */
    static byte[] v1Route(int family, String address, long metric) {
        return concat(u16(family), zeros(2), hex(address), zeros(8), u32(metric));
    }

    /** An RFC 2453 entry: family, route tag, address, mask, next hop, metric. */
    static byte[] v2Route(int family, int tag, String address, String mask, String nextHop, long metric) {
        return concat(u16(family), u16(tag), hex(address), hex(mask), hex(nextHop), u32(metric));
    }

    static byte[] auth(int type, byte[] data) {
        return concat(u16(0xffff), u16(type), data);
    }

    private static byte[] password(String text) {
        return Arrays.copyOf(ascii(text), 16);
    }

    private static Frame udpFrame(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    private static Frame rip(byte[] message) {
        return udpFrame(520, 520, message);
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(rip(rip(2, 1, v1Route(2, "0a000000", 1), v1Route(2, "c0a80100", 16), v1Route(0, "0a010000", 3))));
        f.add(rip(rip(1, 1, v1Route(0, "00000000", 16))));
        f.add(rip(rip(2, 1, v1Route(6, "01020304", 1), v1Route(99, "01020304", 2),
            concat(u16(2), u16(1), hex("0a000000"), zeros(8), u32(1)),
            concat(u16(2), zeros(2), hex("0a000000"), u32(0), u32(5), u32(1)),
            concat(u16(0), zeros(2), hex("0a000000"), u32(7), u32(0), u32(1)))));
        f.add(rip(rip(2, 2, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1),
            v2Route(2, 0xbeef, "00000000", "00000000", "0a000001", 2),
            v2Route(2, 1, "c0a80101", "ffffffff", "c0a80102", 16),
            v2Route(2, 0, "ac100000", "fff0ff00", "00000000", 15),
            v2Route(0, 7, "0a0a0a00", "ffffff80", "00000000", 4),
            v2Route(2, 0, "01020304", "fffffffe", "00000000", 0xffffffffL))));
        f.add(rip(rip(1, 2, v2Route(0, 0, "00000000", "00000000", "00000000", 16))));
        f.add(rip(rip(2, 2, v2Route(24, 0, "20010db8", "00000000", "00000000", 1), v2Route(28, 0, "00000000", "00000000", "00000000", 1),
            v2Route(30, 0, "00000000", "00000000", "00000000", 1), v2Route(7, 0, "00000000", "00000000", "00000000", 1), v2Route(16, 0, "00000000", "00000000", "00000000", 1),
            v2Route(23, 0, "00000000", "00000000", "00000000", 1), v2Route(99, 0, "01020304", "05060708", "090a0b0c", 1))));
        // authentication: simple password, RFC 4822's header and trailer, unknown types
        f.add(rip(rip(2, 2, auth(2, password("secret")), v2Route(2, 0, "0a000000", "ff000000", "00000000", 1))));
        f.add(rip(rip(2, 2, auth(2, ascii("0123456789abcdef")), v2Route(2, 0, "0a000000", "ff000000", "00000000", 1))));
        f.add(rip(rip(2, 2, auth(2, hex("41 e9 7f 0a 42 00 43 44 45 46 47 48 49 4a 4b 4c")))));
        f.add(rip(rip(2, 2, auth(3, concat(u16(44), new byte[] {5, 16}, u32(0x12345678), zeros(8))),
            v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1),
            auth(1, hex("00112233445566778899aabbccddeeff")))));
        f.add(rip(rip(2, 2, auth(3, concat(u16(44), new byte[] {5, 20}, u32(1), u32(1), u32(0xffffffffL))))));
        f.add(rip(rip(2, 2, auth(9, hex("0102030405")))));
        f.add(rip(rip(2, 2, auth(3, hex("002c0510 00000001")))));                   // header too short
        f.add(rip(rip(2, 2, auth(2, password("abc")))));
        f.add(rip(rip(2, 2, auth(2, ascii("short")))));                              // password past the message
        f.add(rip(rip(2, 2, auth(2, ascii("pw\0")))));                               // shorter, NUL-ended
        // commands
        for (int command : new int[] {3, 4, 5, 6, 0, 9, 255}) {
            f.add(rip(rip(command, 2, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1))));
        }
        f.add(rip(rip(2, 3, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1))));   // unknown version
        f.add(rip(rip(1, 200)));
        f.add(rip(rip(2, 0, v1Route(2, "0a000000", 1))));                               // version 0
        f.add(rip(rip(2, 1, v1Route(2, "0a000000", 1), hex("0002000000000000"))));       // entries that do not fit
        f.add(rip(rip(2, 2, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1), hex("0002"))));
        f.add(rip(rip(2, 2, hex("00020000 0a000000 ffffff00"))));
        f.add(rip(rip(2, 2, hex("0007 0000 0a000000"))));                              // other family, cut short
        f.add(rip(rip(2, 1)));
        f.add(rip(hex("0201")));
        f.add(rip(new byte[0]));
        // UDP length shorter than the IP payload: entries read to the capture's end, the -vv dump to UDP's
        byte[] shortUdp = udp(520, 520, rip(2, 2, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1),
            v2Route(2, 0, "0b000000", "ffffff00", "00000000", 2)), IP_A, IP_B);
        shortUdp[5] = (byte) (shortUdp[5] - 20);
        f.add(new Frame(ethernet(0x0800, ipv4(17, shortUdp))));
        f.add(new Frame(ethernet(0x86dd, ipv6(17, udp(520, 520, rip(2, 2, v2Route(2, 0, "0a000000", "ffffff00",
            "00000000", 1)), IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B))));
        return f;
    }

    /** Where RIP stands in tcpdump's UDP port order (print-udp.c), against the printers we both have. */
    static List<Frame> portOrderFrames() {
        byte[] m = rip(2, 2, v2Route(2, 0, "0a000000", "ffffff00", "00000000", 1));
        List<Frame> f = new ArrayList<>();
        f.add(udpFrame(53, 520, m));       // DNS first
        f.add(udpFrame(520, 69, m));       // TFTP first
        f.add(udpFrame(68, 520, m));       // BOOTP first
        f.add(udpFrame(520, 161, m));      // then RIP before SNMP
        f.add(udpFrame(123, 520, m));      // and NTP
        f.add(udpFrame(520, 521, m));      // and RIPng
        f.add(udpFrame(520, 40000, m));
        return f;
    }

    @Test
    void portOrderAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, portOrderFrames(), "", "-v");
    }

    /** The neighbours in print-udp.c's order: AODV (not decoded) and ISAKMP after RIP. */
    @Test
    void portOrderAsPrintUdp() {
        assertEquals(UdpPorts.Decoder.RIP, UdpPorts.decoder(520, 654));
        assertEquals(UdpPorts.Decoder.RIP, UdpPorts.decoder(500, 520));
        assertEquals(UdpPorts.Decoder.ISAKMP, UdpPorts.decoder(500, 161));
    }

    /** Cut after the UDP header of an IPv4 packet for every frame, as before; mutated after the UDP header. */
    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterIp(frame) + 8;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("RIP", 520, 10, 4, 8, MutatedFrames.ALL))
            .cut("-x", "-v", "-vv -x")
            .mutated("-x", "-v -x", "-vv")
            .allocation("-vv")
            .repeats(1_000);
    }
}
