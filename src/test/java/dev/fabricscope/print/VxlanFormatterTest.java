package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * VXLAN (RFC 7348 header: flags, 24-bit VNI) against tcpdump 4.99 itself: the header line and the encapsulated
 * frame's own line, in every verbosity, with -e, cut after every byte (-x shows where the dump starts), and seeded
 * mutants from the VXLAN header on.
 */
class VxlanFormatterTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};

    private static byte[] vxlan(int flags, int vni, byte[] frame) {
        return concat(new byte[] {(byte) flags, 0, 0, 0}, new byte[] {(byte) (vni >>> 16), (byte) (vni >>> 8), (byte) vni, 0},
            frame);
    }

    private static Frame outer(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    /** The frame with its UDP length {@code less} bytes short of the datagram the IPv4 header holds. */
    private static Frame shortUdpLength(Frame frame, int less) {
        byte[] b = frame.bytes().clone();
        int at = 14 + 20 + 4;
        int length = ((b[at] & 0xff) << 8 | b[at + 1] & 0xff) - less;
        b[at] = (byte) (length >>> 8);
        b[at + 1] = (byte) length;
        return new Frame(b);
    }

    static List<Frame> allFrames() {
        byte[] innerTcp = ethernet(0x0800, ipv4(6, tcp(33000, 8000, 1000, 0, 0x002, 64240, 0, hex("020405b4"),
            new byte[0], INNER_A, INNER_B), 0, 64, 7, 0x4000, new byte[0], -1, INNER_A, INNER_B));
        byte[] dnsQuery = concat(hex("abcd 0100 0001 0000 0000 0000"), hex("03777777 07657861 6d706c65 00"), hex("0001 0001"));
        byte[] innerDns6 = ethernet(0x86dd, ipv6(17, udp(5000, 53, dnsQuery, IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B));
        byte[] innerArp = ethernet(0x0806, hex("0001 0800 06 04 0001 001122334455 c0a80a01 000000000000 c0a80a02"));
        byte[] innerVlan = vlan(100, 0x0800, ipv4(17, udp(1, 2, new byte[4], INNER_A, INNER_B), 0, 64, 1, 0,
            new byte[0], -1, INNER_A, INNER_B));
        List<Frame> f = new ArrayList<>();
        f.add(outer(50000, 4789, vxlan(0x08, 100, innerTcp)));
        f.add(outer(4789, 50001, vxlan(0x08, 0xabcdef, innerDns6)));
        f.add(outer(50002, 4789, vxlan(0x08, 1, innerArp)));
        f.add(outer(50003, 4789, vxlan(0x08, 16_777_215, innerVlan)));
        f.add(outer(50004, 4789, vxlan(0x00, 5, innerTcp)));
        f.add(outer(50005, 4789, vxlan(0x0c, 5, innerTcp)));
        f.add(outer(50006, 4789, hex("0800000000")));                                        // shorter than the header
        f.add(outer(50007, 4789, vxlan(0x08, 9, hex("0011223344"))));                        // frame shorter than Ethernet
        f.add(outer(53, 4789, vxlan(0x08, 9, innerTcp)));                                    // DNS comes first
        f.add(outer(50008, 4789, vxlan(0x08, 7, ethernet(0x0800, ipv4(17, udp(50009, 4789,
            vxlan(0x08, 8, innerTcp), INNER_A, INNER_B), 0, 64, 2, 0x4000, new byte[0], -1, INNER_A, INNER_B)))));
        f.add(shortUdpLength(outer(50010, 4789, vxlan(0x08, 10, innerTcp)), 8));           // frame < its capture
        f.add(shortUdpLength(outer(50011, 4789, vxlan(0x08, 11, innerTcp)), 60));          // ... and < its header
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
        return Checks.of(new Mutants("VXLAN", 4789, 40))
            .whole("", "-v", "-vv", "-q", "-e")
            .cut("-x", "-e -v")
            .mutated("-x", "-e -v -x");
    }
}
