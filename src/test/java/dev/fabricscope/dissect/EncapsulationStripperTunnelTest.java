package dev.fabricscope.dissect;

import static dev.fabricscope.dissect.SampleFrames.*;
import static org.junit.jupiter.api.Assertions.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.capture.Packet;
import dev.fabricscope.testing.ByteArrays;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * VXLAN (also on port 8472 and VXLAN-GPE), Geneve and ERSPAN in {@link EncapsulationStripper}, byte for byte (tshark's view of the same frames is
 * in StripCommandTest): the result is exactly the carried Ethernet frame, only selected tunnels go, look-alikes
 * stay, and a frame cut anywhere is either left alone or reduced to what it holds of the inner frame.
 */
class EncapsulationStripperTunnelTest {
    /** Each tunnel sample and the length of the Ethernet frame it carries (its tail). */
    private static final List<Sample> TUNNELS = List.of(ETH_VXLAN_ETH, ETH_GENEVE_ETH, ETH_ERSPAN_I, ETH_ERSPAN_II,
        ETH_ERSPAN_III_PLATFORM, ETH_ERSPAN_III, ETH_VXLAN_8472_ETH, ETH_VXLAN_GPE_ETH);
    private static final int[] OUTER = {14 + 20 + 8 + 8, 14 + 20 + 8 + 8 + 8, 14 + 20 + 4, 14 + 20 + 8 + 8,
        14 + 20 + 8 + 12 + 8, 14 + 20 + 8 + 12, 14 + 20 + 8 + 8, 14 + 20 + 8 + 8};
    private static final List<EnumSet<Encapsulation>> OWN = List.of(EnumSet.of(Encapsulation.VXLAN),
        EnumSet.of(Encapsulation.GENEVE), EnumSet.of(Encapsulation.ERSPAN), EnumSet.of(Encapsulation.ERSPAN),
        EnumSet.of(Encapsulation.ERSPAN), EnumSet.of(Encapsulation.ERSPAN), EnumSet.of(Encapsulation.VXLAN),
        EnumSet.of(Encapsulation.VXLAN));
    /** Tunnels carrying an IP packet, which is cut out as GRE's is: outer MACs, the inner ethertype, the inner packet. */
    private static final List<Sample> IP_TUNNELS = List.of(ETH_VXLAN_GPE_IPV4, ETH_GENEVE_IPV6);
    private static final int[] IP_TUNNEL_OUTER = {14 + 20 + 8 + 8, 14 + 40 + 8 + 8};
    private static final List<String> IP_TUNNEL_TYPE = List.of("08 00", "86 dd");
    private static final List<Encapsulation> IP_TUNNEL_OWN = List.of(Encapsulation.VXLAN, Encapsulation.GENEVE);

    @Test
    void theResultIsTheCarriedFrameAndOnlySelectedTunnelsGo() {
        for (int i = 0; i < TUNNELS.size(); i++) {
            byte[] frame = TUNNELS.get(i).bytes();
            byte[] inner = Arrays.copyOfRange(frame, OUTER[i], frame.length);
            String name = TUNNELS.get(i).name();
            assertArrayEquals(inner, strip(EnumSet.allOf(Encapsulation.class), frame), name);
            assertArrayEquals(inner, strip(OWN.get(i), frame), name);
            EnumSet<Encapsulation> others = EnumSet.complementOf(OWN.get(i));
            others.remove(Encapsulation.GRE);   // GRE alone does take ERSPAN's outer headers off (the older rule)
            assertArrayEquals(frame, strip(others, frame), name + " stripped without its flag");
        }
        // --gre alone: GRE's rule, the ethertype becomes the GRE protocol and the ERSPAN header stays
        byte[] greOnly = strip(EnumSet.of(Encapsulation.GRE), ETH_ERSPAN_II.bytes());
        assertEquals(ETH_ERSPAN_II.bytes().length - 20 - 8, greOnly.length);
        assertEquals(0x88be, (greOnly[12] & 0xff) << 8 | greOnly[13] & 0xff);
    }

    @Test
    void anIpPacketInATunnelIsCutOutAsInGre() {
        for (int i = 0; i < IP_TUNNELS.size(); i++) {
            byte[] frame = IP_TUNNELS.get(i).bytes();
            String name = IP_TUNNELS.get(i).name();
            byte[] expected = ByteArrays.concat(Arrays.copyOf(frame, 12), ByteArrays.hex(IP_TUNNEL_TYPE.get(i)),
                Arrays.copyOfRange(frame, IP_TUNNEL_OUTER[i], frame.length));
            assertArrayEquals(expected, strip(EnumSet.allOf(Encapsulation.class), frame), name);
            assertArrayEquals(expected, strip(EnumSet.of(IP_TUNNEL_OWN.get(i)), frame), name);
            assertArrayEquals(frame, strip(EnumSet.complementOf(EnumSet.of(IP_TUNNEL_OWN.get(i))), frame), name);
            for (int cut = 0; cut <= frame.length; cut++) {
                byte[] part = Arrays.copyOf(frame, cut);
                byte[] out = strip(EnumSet.of(IP_TUNNEL_OWN.get(i)), part);
                if (cut <= IP_TUNNEL_OUTER[i]) {
                    assertArrayEquals(part, out, name + " cut at " + cut);   // not even the inner version nibble
                } else {
                    assertArrayEquals(ByteArrays.concat(Arrays.copyOf(frame, 12), ByteArrays.hex(IP_TUNNEL_TYPE.get(i)),
                        Arrays.copyOfRange(part, IP_TUNNEL_OUTER[i], cut)), out, name + " cut at " + cut);
                }
            }
        }
        // behind an 802.1Q tag that --vlan does not remove, the tag stays
        byte[] tagged = ByteArrays.concat(Arrays.copyOf(ETH_VXLAN_GPE_IPV4.bytes(), 12), ByteArrays.hex("81 00 00 07"),
            Arrays.copyOfRange(ETH_VXLAN_GPE_IPV4.bytes(), 12, ETH_VXLAN_GPE_IPV4.bytes().length));
        assertArrayEquals(ByteArrays.concat(Arrays.copyOf(tagged, 16), ByteArrays.hex("08 00"),
            Arrays.copyOfRange(tagged, 4 + IP_TUNNEL_OUTER[0], tagged.length)), strip(EnumSet.of(Encapsulation.VXLAN), tagged));
    }

    /**
     * On a Linux cooked capture (no Ethernet header to keep), a tunnel's IP packet becomes a raw IP packet and its
     * Ethernet frame an Ethernet packet; GRE too, when selected. Other encapsulations stay.
     */
    @Test
    void onALinuxCookedCaptureTheCarriedPacketComesWithItsOwnLinkType() {
        record Case(Sample ethernetSample, EnumSet<Encapsulation> selected, int innerAt, int linkType) { }
        List<Case> cases = List.of(
            new Case(ETH_VXLAN_GPE_IPV4, EnumSet.of(Encapsulation.VXLAN), IP_TUNNEL_OUTER[0], LinkType.RAW),
            new Case(ETH_GENEVE_IPV6, EnumSet.of(Encapsulation.GENEVE), IP_TUNNEL_OUTER[1], LinkType.RAW),
            new Case(ETH_VXLAN_8472_ETH, EnumSet.of(Encapsulation.VXLAN), 14 + 20 + 8 + 8, LinkType.EN10MB),
            new Case(ETH_GRE_IPV4, EnumSet.of(Encapsulation.GRE), 14 + 20 + 12, LinkType.RAW),
            new Case(ETH_GRE_ETH, EnumSet.of(Encapsulation.GRE), 14 + 20 + 8, LinkType.EN10MB));
        for (Case c : cases) {
            byte[] frame = c.ethernetSample().bytes();
            byte[] sll = sll(frame);
            Packet in = new Packet().set(sll, 0, sll.length, sll.length, 0, 0, LinkType.LINUX_SLL, 1);
            Packet out = new EncapsulationStripper(c.selected()).strip(in);
            String name = c.ethernetSample().name();
            assertEquals(c.linkType(), out.linkType(), name);
            assertArrayEquals(Arrays.copyOfRange(frame, c.innerAt(), frame.length),
                Arrays.copyOfRange(out.bytes(), out.offset(), out.offset() + out.capLen()), name);
            EnumSet<Encapsulation> others = EnumSet.complementOf(c.selected());
            others.remove(Encapsulation.GRE);
            assertSame(in, new EncapsulationStripper(others).strip(in), name + " stripped without its flag");
        }
        byte[] vlanOnSll = sll(ETH_VLAN_IPV4_UDP.bytes());
        Packet vlan = new Packet().set(vlanOnSll, 0, vlanOnSll.length, vlanOnSll.length, 0, 0, LinkType.LINUX_SLL, 1);
        assertSame(vlan, new EncapsulationStripper(EnumSet.allOf(Encapsulation.class)).strip(vlan));
    }

    /** A Linux cooked (v1) header for an outgoing packet in place of {@code ethernetFrame}'s Ethernet header. */
    private static byte[] sll(byte[] ethernetFrame) {
        return ByteArrays.concat(ByteArrays.hex("00 04 00 01 00 06 02 00 00 00 00 01 00 00"),
            Arrays.copyOfRange(ethernetFrame, 12, ethernetFrame.length));
    }

    @Test
    void lookAlikesStay() {
        byte[] vxlanWithoutI = ETH_VXLAN_ETH.bytes().clone();
        vxlanWithoutI[14 + 20 + 8] = 0;
        byte[] geneveIp = ETH_GENEVE_ETH.bytes().clone();   // says IPv4, carries Ethernet (no version 4 nibble)
        geneveIp[14 + 20 + 8 + 2] = 0x08;
        geneveIp[14 + 20 + 8 + 3] = 0x00;
        byte[] geneveVersion1 = ETH_GENEVE_ETH.bytes().clone();
        geneveVersion1[14 + 20 + 8] |= 0x40;
        byte[] erspanVersion2In88be = ETH_ERSPAN_II.bytes().clone();
        erspanVersion2In88be[14 + 20 + 8] = 0x20;
        byte[] erspanVersion1In22eb = ETH_ERSPAN_III.bytes().clone();
        erspanVersion1In22eb[14 + 20 + 8] = 0x10;
        byte[] gpeWithoutI = ETH_VXLAN_GPE_IPV4.bytes().clone();
        gpeWithoutI[14 + 20 + 8] = 0x04;
        byte[] gpeVersion1 = ETH_VXLAN_GPE_IPV4.bytes().clone();
        gpeVersion1[14 + 20 + 8] |= 0x10;
        byte[] gpeNsh = ETH_VXLAN_GPE_IPV4.bytes().clone();
        gpeNsh[14 + 20 + 8 + 3] = 4;
        byte[] gpeSaysIpv6 = ETH_VXLAN_GPE_IPV4.bytes().clone();
        gpeSaysIpv6[14 + 20 + 8 + 3] = 2;
        byte[] vxlanOnOtherPort = ETH_VXLAN_8472_ETH.bytes().clone();
        vxlanOnOtherPort[14 + 20 + 3] = (byte) 0x29;
        EnumSet<Encapsulation> tunnels = EnumSet.of(Encapsulation.VXLAN, Encapsulation.GENEVE, Encapsulation.ERSPAN);
        for (byte[] frame : List.of(vxlanWithoutI, geneveIp, geneveVersion1, erspanVersion2In88be, erspanVersion1In22eb,
                gpeWithoutI, gpeVersion1, gpeNsh, gpeSaysIpv6, vxlanOnOtherPort)) {
            assertArrayEquals(frame, strip(tunnels, frame));
        }
    }

    @Test
    void aFrameCutAnywhereIsLeftAloneOrKeepsWhatItHoldsOfTheInnerFrame() {
        // tunnels only: with GRE selected too, an ERSPAN frame cut before its inner Ethernet header gets GRE's rule
        EnumSet<Encapsulation> tunnels = EnumSet.of(Encapsulation.VXLAN, Encapsulation.GENEVE, Encapsulation.ERSPAN);
        for (int i = 0; i < TUNNELS.size(); i++) {
            byte[] frame = TUNNELS.get(i).bytes();
            for (int cut = 0; cut <= frame.length; cut++) {
                byte[] part = Arrays.copyOf(frame, cut);
                byte[] out = strip(tunnels, part);
                String where = TUNNELS.get(i).name() + " cut at " + cut;
                if (cut < OUTER[i] + 14) {
                    assertArrayEquals(part, out, where);   // no whole inner Ethernet header: unchanged
                } else {
                    assertArrayEquals(Arrays.copyOfRange(part, OUTER[i], cut), out, where);
                }
            }
        }
    }

    /**
     * Frames without an ethertype the dissector could reach (an 802.3 length instead, or a VLAN tag cut after its
     * TPID, also as the frame inside a tunnel): nothing to strip. strip threw on the cut tag (found by fuzzing).
     */
    @Test
    void framesWithoutAnEthertypePassUnchanged() {
        byte[] stp = ByteArrays.concat(ByteArrays.hex("01 80 c2 00 00 00 02 00 00 00 00 01 00 26 42 42 03"),
            ByteArrays.zeros(35));
        byte[] cutTag = ByteArrays.hex("02 00 00 00 00 02 02 00 00 00 00 01 81 00");
        byte[] cutQinQ = ByteArrays.hex("02 00 00 00 00 02 02 00 00 00 00 01 88 a8 00");
        for (byte[] frame : List.of(stp, cutTag, cutQinQ)) {
            assertArrayEquals(frame, strip(EnumSet.allOf(Encapsulation.class), frame));
        }
        byte[] erspanOfCutTag = Arrays.copyOf(ETH_ERSPAN_I.bytes(), OUTER[2] + 14);
        erspanOfCutTag[OUTER[2] + 12] = (byte) 0x81;
        erspanOfCutTag[OUTER[2] + 13] = 0x00;
        assertArrayEquals(cutTag, strip(EnumSet.allOf(Encapsulation.class), erspanOfCutTag));
    }

    private static byte[] strip(EnumSet<Encapsulation> selected, byte[] frame) {
        Packet in = new Packet().set(frame, 0, frame.length, frame.length, 0, 0, LinkType.EN10MB, 1);
        Packet out = new EncapsulationStripper(selected).strip(in);
        return Arrays.copyOfRange(out.bytes(), out.offset(), out.offset() + out.capLen());
    }
}
