package dev.fabricscope.print;

import static dev.fabricscope.testing.ByteArrays.*;
import static dev.fabricscope.print.TestFrames.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Alteon jumbo frames (ethertype 0x8870, draft-ietf-isis-ext-eth: an LLC header and payload follow the type, as after
 * an 802.3 length but bounded by nothing) against tcpdump 4.99 itself, which prints the LLC payload and with -e
 * neither the type's name nor a length: IS-IS (the draft's use), STP, SNAP with IPv4, an unknown SAP (dumped), an
 * empty payload, behind a VLAN tag and an Arista header, in VXLAN; whole, cut after every byte and mutated.
 */
class JumboFrameTest extends TcpdumpConformance {
    static final int ETHERTYPE_JUMBO = 0x8870;

    static Frame jumbo(byte[] llc) {
        return new Frame(ethernet(ETHERTYPE_JUMBO, llc));
    }

    static byte[] isisHello() {
        return concat(hex("fefe03"), IsisFrames.ptpIih(3, IsisFrames.SPINE, 30, 1, IsisFrames.tlv(129, "cc"),
            IsisFrames.tlv(132, "0a000001")));
    }

    @Override
    List<Frame> frames() {
        List<Frame> f = new ArrayList<>();
        f.add(jumbo(isisHello()));
        f.add(jumbo(concat(hex(LlcFrames.STP_LLC), LlcFrames.stpConfig(0x01, 256))));
        f.add(jumbo(concat(hex("aaaa03 000000 0800"), ipv4(1, icmpEcho(8, 7, 1, hex("6162636465666768"))))));
        f.add(jumbo(hex("f0f003 0102030405060708")));                          // a SAP tcpdump does not decode
        f.add(jumbo(hex("f0f103 0102")));                                      // a response to it
        f.add(jumbo(hex("aaaa03 00000c 2000 0102")));                          // Cisco SNAP: CDP cut short
        f.add(jumbo(new byte[0]));                                             // no LLC header
        f.add(new Frame(vlan(12, ETHERTYPE_JUMBO, isisHello())));
        f.add(new Frame(vlan(12, ETHERTYPE_JUMBO, hex("121203 ffff"))));
        f.add(AristaFormatterTest.arista("0001 0010 5e0be100 00000000", concat(u16(ETHERTYPE_JUMBO), isisHello())));
        byte[] vxlan = concat(hex("08000000 00000100"), ethernet(ETHERTYPE_JUMBO, isisHello()));   // carried
        f.add(new Frame(ethernet(0x0800, ipv4(17, udp(40000, 4789, vxlan, IP_A, IP_B)))));
        return f;
    }

    @Override
    Checks checks() {
        return Checks.of(new Mutants("JUMBO", ETHERTYPE_JUMBO, 20, 4, 12, MutatedFrames.ALL))
            .whole("", "-v", "-q", "-e", "-e -v", "-x", "-X -e")
            .cut("-x", "-v", "-e")
            .mutated("-x", "-v")
            .allocation("-v", "-e");
    }

    /** Cut from byte 12 on: the type too. */
    @Override
    int start(byte[] frame) {
        return 12;
    }

    /** The LLC header and payload: after the Ethernet header and its VLAN tag. */
    @Override
    int mutantStart(byte[] frame) {
        return MutatedFrames.afterEthernet(frame);
    }

    /** The frames and, whole only, one longer than Ethernet's 1500 bytes. */
    @Override
    @Test
    void wholeAsTcpdump() throws Exception {
        List<Frame> frames = new ArrayList<>(frames());
        // a frame longer than Ethernet's 1500 bytes, which is what the type is for: IS-IS padding
        byte[] padding = new byte[0];
        for (int i = 0; i < 8; i++) padding = concat(padding, IsisFrames.tlv(8, new byte[255]));
        frames.add(jumbo(concat(isisHello(), padding)));
        assertAsTcpdump("whole", frames, checks().wholeFlags());
    }
}
