package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.print.NshFormatterTest.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * VXLAN-GPE (UDP 4790: flags, next protocol, 24-bit VNI, then IPv4, IPv6, Ethernet or NSH) against tcpdump 4.99
 * itself: in every verbosity, with -e, cut after every byte, seeded random headers and NSH messages inside, and
 * where VXLAN-GPE sits in tcpdump's chain of UDP ports, and seeded mutants from the VXLAN-GPE header on.
 */
class VxlanGpeFormatterTest extends TcpdumpConformance {
    static byte[] gpe(int flags, int reserved, int next, int vni, int reservedLast, byte[] payload) {
        return concat(new byte[] {(byte) flags, (byte) (reserved >>> 8), (byte) reserved, (byte) next,
            (byte) (vni >>> 16), (byte) (vni >>> 8), (byte) vni, (byte) reservedLast}, payload);
    }

    static byte[] gpe(int next, int vni, byte[] payload) {
        return gpe(0x0c, 0, next, vni, 0, payload);
    }

    private static Frame outer(int sport, int dport, byte[] payload) {
        return new Frame(ethernet(0x0800, ipv4(17, udp(sport, dport, payload, IP_A, IP_B))));
    }

    static List<Frame> allFrames() {
        byte[] md1 = hex("00000001 deadbeef 00000000 ffffffff");
        List<Frame> f = new ArrayList<>();
        f.add(outer(50000, 4790, gpe(1, 100, innerIpv4())));
        f.add(outer(4790, 50001, gpe(2, 0xabcdef, innerIpv6())));
        f.add(outer(50002, 4790, gpe(3, 0xffffff, innerEthernet())));
        f.add(outer(50003, 4790, gpe(4, 1, nsh(1, IPV4, 1, 255, md1, innerIpv4()))));
        f.add(outer(50004, 4790, gpe(4, 2, nsh(2, ETHERNET, 2, 254, tlv(5, 6, false, hex("010203")), innerEthernet()))));
        f.add(outer(50005, 4790, gpe(4, 3, hex("0002 0201 0000 01"))));                  // NSH shorter than 8 bytes
        f.add(outer(50006, 4790, gpe(5, 4, hex("000641ff"))));                           // MPLS: not decoded by 4.99
        f.add(outer(50007, 4790, gpe(0, 5, innerIpv4())));
        f.add(outer(50008, 4790, gpe(0xff, 6, innerIpv4())));
        f.add(outer(50009, 4790, gpe(0x00, 0, 1, 7, 0, innerIpv4())));                   // no flags
        f.add(outer(50010, 4790, gpe(0xff, 0xffff, 1, 8, 0xff, innerIpv4())));           // every flag, reserved set
        f.add(outer(50011, 4790, gpe(0x05, 0, 2, 9, 0, innerIpv6())));
        f.add(outer(50012, 4790, hex("0c000001 000001")));                                // shorter than the header
        f.add(outer(50013, 4790, new byte[0]));
        f.add(outer(50014, 4790, gpe(1, 10, new byte[0])));                               // header alone
        f.add(outer(50015, 4790, gpe(3, 11, hex("0011223344"))));                         // frame shorter than Ethernet
        f.add(outer(6081, 4790, gpe(1, 12, innerIpv4())));                                // Geneve comes first
        f.add(outer(4790, 17754, gpe(1, 13, innerIpv4())));                               // VXLAN-GPE before ZEP
        f.add(outer(6635, 4790, gpe(1, 14, innerIpv4())));                                // ... and before MPLS
        f.add(outer(50016, 4790, gpe(3, 15, ethernet(0x0800, ipv4(17, udp(50017, 4790, gpe(1, 16, innerIpv4()),
            IP_B, IP_A), 0, 64, 2, 0, new byte[0], -1, IP_B, IP_A)))));                   // VXLAN-GPE in VXLAN-GPE
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
        return Checks.of(new Mutants("VXLAN_GPE_MUTANT", 4790, 20))
            .whole("", "-v", "-vv", "-vvv", "-q", "-e")
            .cut("-x", "-v", "-e -vvv")
            .mutated("-x", "-vvv -x");
    }

    /** Seeded random VXLAN-GPE headers (flags, next protocol, VNI) over random NSH messages and IP packets. */
    @Test
    void randomHeadersAsTcpdump() throws Exception {
        Random random = new Random(MutatedFrames.fromEnvironment("VXLAN_GPE_SEED", 4790));
        List<Frame> frames = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int[] nexts = {4, 4, 4, 1, 2, 3, random.nextInt(256)};
            int next = nexts[random.nextInt(nexts.length)];
            byte[] payload = next == 1 ? innerIpv4() : next == 2 ? innerIpv6() : next == 3 ? innerEthernet()
                : randomNsh(random);
            Frame frame = outer(40000 + i, 4790, gpe(random.nextInt(256), random.nextInt(0x10000), next,
                random.nextInt(1 << 24), random.nextInt(256), payload));
            int from = 14 + 20 + 8;
            frames.add(random.nextInt(3) == 0 ? frame.cut(from + random.nextInt(frame.bytes().length - from)) : frame);
        }
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, frames, "-vvv -x", "");
    }
}
