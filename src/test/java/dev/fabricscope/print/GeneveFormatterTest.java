package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;

/**
 * Geneve (RFC 8926 header: version, options length, flags, protocol, 24-bit VNI, options) against tcpdump 4.99
 * itself: the header and the carried packet (Ethernet, and whatever ethertype: IPv4, IPv6, ARP, MPLS, LLDP, NSH,
 * PPPoE, and types tcpdump has no printer for there), in every verbosity, with -e, cut after every byte, and seeded
 * mutants.
 */
class GeneveFormatterTest extends TcpdumpConformance {
    private static final byte[] INNER_A = {(byte) 192, (byte) 168, 10, 1};
    private static final byte[] INNER_B = {(byte) 192, (byte) 168, 10, 2};

    private static byte[] geneve(int version, int flags, int protocol, int vni, int reserved, byte[] options,
                                 byte[] payload) {
        return concat(new byte[] {(byte) (version << 6 | options.length / 4), (byte) flags, (byte) (protocol >>> 8),
            (byte) protocol, (byte) (vni >>> 16), (byte) (vni >>> 8), (byte) vni, (byte) reserved}, options, payload);
    }

    private static byte[] geneve(int protocol, int vni, byte[] options, byte[] payload) {
        return geneve(0, 0, protocol, vni, 0, options, payload);
    }

    private static Frame outer(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        byte[] innerUdp = ipv4(17, udp(1, 2, new byte[4], INNER_A, INNER_B), 0, 64, 1, 0, new byte[0], -1, INNER_A,
            INNER_B);
        byte[] innerTcp = ethernet(0x0800, ipv4(6, tcp(33000, 8000, 1000, 0, 0x002, 64240, 0, hex("020405b4"),
            new byte[0], INNER_A, INNER_B), 0, 64, 7, 0x4000, new byte[0], -1, INNER_A, INNER_B));
        byte[] innerUdp6 = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
        byte[] ovnOption = hex("0102 80 01 00000005");                      // OVN class, critical type, 4 data bytes
        byte[] options = concat(ovnOption, hex("0100 01 00"), hex("0005 7f 02 0000000a 0000000b"),
            hex("fff0 02 00"), hex("0200 03 00"));
        List<Frame> f = new ArrayList<>();
        f.add(outer(50000, 6081, geneve(0x6558, 100, new byte[0], innerTcp)));
        f.add(outer(6081, 50001, geneve(0x6558, 0xabcdef, ovnOption, innerTcp)));
        f.add(outer(50002, 6081, geneve(0x6558, 1, options, innerTcp)));
        f.add(outer(50003, 6081, geneve(0x0800, 2, new byte[0], innerUdp)));
        f.add(outer(50004, 6081, geneve(0x86dd, 3, new byte[0], innerUdp6)));
        f.add(outer(50005, 6081, geneve(0x9999, 4, new byte[0], new byte[6])));     // a protocol tcpdump does not know
        f.add(outer(50006, 6081, geneve(0, 0xff, 0x6558, 5, 0x7f, new byte[0], innerTcp)));   // every flag, reserved
        f.add(outer(50007, 6081, geneve(0, 0xc0, 0x0800, 6, 0, new byte[0], innerUdp)));
        f.add(outer(50008, 6081, geneve(1, 0, 0x6558, 7, 0, new byte[0], innerTcp)));  // version 1
        f.add(outer(50009, 6081, concat(hex("03000000 00000800"), new byte[4])));   // options longer than the datagram
        f.add(outer(50010, 6081, geneve(0x6558, 8, hex("0102 01 03 00000001"), innerTcp)));   // option past the area
        f.add(outer(50011, 6081, hex("0000655800000100")));                          // no carried frame
        f.add(outer(50012, 6081, geneve(0x6558, 9, new byte[0], hex("0011223344"))));   // frame shorter than Ethernet
        f.add(outer(50013, 6081, hex("00006558000001")));                            // shorter than the header
        f.add(outer(4789, 6081, geneve(0x6558, 10, new byte[0], innerTcp)));          // VXLAN comes first
        f.add(outer(50014, 6081, geneve(0x0806, 11, new byte[0], arp(1, MAC_A, INNER_A, new byte[6], INNER_B))));
        f.add(outer(50015, 6081, geneve(0x0806, 12, ovnOption, arp(2, MAC_B, INNER_B, MAC_A, INNER_A))));
        f.add(outer(50016, 6081, geneve(0x8847, 13, new byte[0], concat(hex("00064140"), innerUdp))));  // label 100
        f.add(outer(50017, 6081, geneve(0x8848, 14, new byte[0], concat(hex("000c8040 00190140"), innerUdp6))));
        f.add(outer(50018, 6081, geneve(0x88cc, 15, new byte[0],                        // LLDP: chassis, port, TTL, end
            hex("0207 04 001122334455 0403 05 6531 0602 0078 0000"))));
        f.add(outer(50019, 6081, geneve(0x894f, 16, new byte[0], concat(hex("0fc2 0201 000001ff"), innerUdp))));  // NSH
        f.add(outer(50020, 6081, geneve(0x8863, 17, new byte[0], hex("1109 0000 0004 0101 0000"))));   // PPPoE PADI
        f.add(outer(50021, 6081, geneve(0x8100, 18, new byte[0], concat(hex("0064 0800"), innerUdp))));  // VLAN: no
        f.add(outer(50022, 6081, geneve(0x0000, 19, new byte[0], new byte[8])));
        f.add(outer(50023, 6081, geneve(0x0800, 20, new byte[0], new byte[0])));       // IPv4 with nothing carried
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
        // Half of the changes in the Geneve header, its options and the carried packet's first bytes.
        return Checks.of(new Mutants("GENEVE", 6081, 20, 3, 24, MutatedFrames.ALL))
            .whole("", "-v", "-vv", "-q", "-e")
            .cut("-x", "-v", "-e -vv")
            .mutated("-x", "-v", "-vv -x");
    }
}
