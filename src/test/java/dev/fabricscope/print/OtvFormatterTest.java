package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * OTV (UDP 8472: flags, 24-bit overlay and instance ids, then an Ethernet frame) against tcpdump 4.99 itself: the
 * header and the carried frame's own line, in every verbosity, with -e, cut after every byte, seeded mutants, and
 * where OTV sits in tcpdump's chain of UDP ports.
 */
class OtvFormatterTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};

    static byte[] otv(int flags, int overlay, int instance, int reserved, byte[] frame) {
        return concat(new byte[] {(byte) flags, (byte) (overlay >>> 16), (byte) (overlay >>> 8), (byte) overlay,
            (byte) (instance >>> 16), (byte) (instance >>> 8), (byte) instance, (byte) reserved}, frame);
    }

    private static Frame outer(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        byte[] innerTcp = ethernet(0x0800, ipv4(6, tcp(33000, 8000, 1000, 0, 0x002, 64240, 0, hex("020405b4"),
            new byte[0], INNER_A, INNER_B), 0, 64, 7, 0x4000, new byte[0], -1, INNER_A, INNER_B));
        byte[] dnsQuery = concat(hex("abcd 0100 0001 0000 0000 0000"), hex("03777777 07657861 6d706c65 00"), hex("0001 0001"));
        byte[] innerDns6 = ethernet(0x86dd, ipv6(17, udp(5000, 53, dnsQuery, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B));
        byte[] innerArp = ethernet(0x0806, hex("0001 0800 06 04 0001 001122334455 c0a80a01 000000000000 c0a80a02"));
        byte[] innerVlan = vlan(100, 0x0800, ipv4(17, udp(1, 2, new byte[4], INNER_A, INNER_B), 0, 64, 1, 0,
            new byte[0], -1, INNER_A, INNER_B));
        byte[] syslog = "<13>hello\n".getBytes(StandardCharsets.US_ASCII);
        List<Frame> f = new ArrayList<>();
        f.add(outer(50000, 8472, otv(0x08, 0, 100, 0, innerTcp)));
        f.add(outer(8472, 50001, otv(0x08, 0xabcdef, 0xffffff, 0, innerDns6)));
        f.add(outer(50002, 8472, otv(0x00, 1, 2, 0, innerArp)));                       // no I flag: "."
        f.add(outer(50003, 8472, otv(0xff, 0x123456, 0x654321, 0xff, innerVlan)));     // every flag, reserved set
        f.add(outer(50004, 8472, otv(0xf7, 7, 8, 0, innerTcp)));                        // all but I
        f.add(outer(50005, 8472, hex("0800000000")));                                   // shorter than the header
        f.add(outer(50006, 8472, new byte[0]));                                          // nothing at all
        f.add(outer(50007, 8472, otv(0x08, 9, 10, 0, hex("0011223344"))));             // frame shorter than Ethernet
        f.add(outer(50008, 8472, otv(0x08, 9, 11, 0, new byte[0])));                   // header alone
        f.add(outer(53, 8472, otv(0x08, 9, 12, 0, innerTcp)));                         // DNS comes first
        f.add(outer(8472, 514, syslog));                                                 // syslog comes first
        f.add(outer(8472, 4789, otv(0x08, 9, 13, 0, innerTcp)));                       // OTV before VXLAN
        f.add(outer(6081, 8472, otv(0x08, 9, 14, 0, innerTcp)));                       // ... and before Geneve
        f.add(outer(50009, 8472, otv(0x08, 1, 15, 0, ethernet(0x0800, ipv4(17, udp(50010, 8472,
            otv(0x08, 2, 16, 0, innerTcp), INNER_A, INNER_B), 0, 64, 2, 0x4000, new byte[0], -1, INNER_A, INNER_B)))));
        return f;
    }

    @Override
    List<Frame> frames() {
        return allFrames();
    }

    @Override
    int start(byte[] frame) {
        return 14 + 20 + 8;
    }

    @Override
    Checks checks() {
        // Most changes in the OTV header and the carried frame's Ethernet header.
        return Checks.of(new Mutants("OTV", 8472, 40, 3, 22, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e")
            .cut("-x", "-v", "-e -vv")
            .mutated("-x", "-v");
    }
}
