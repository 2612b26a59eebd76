package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Switch-tag link types (Linux DSA captures) against tcpdump 4.99 itself: Marvell DSA and EDSA tags in every mode
 * (trunks, To CPU codes, sniffer directions, tagged, CFI, VID, priority), Broadcom ingress and egress tags (every
 * TE and reason code), after the MAC addresses and prepended, each around IPv4, IPv6 in a VLAN, ARP, an unknown
 * ethertype and an 802.3 frame, and MacsecFormatterTest's and AristaFormatterTest's frames behind a tag; with and
 * without -e, whole, cut after every byte, and mutated.
 */
class SwitchTagFormatterTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final List<byte[]> FRAMES = List.of(
        ethernet(0x0800, ipv4(17, udp(1000, 2000, "abcd".getBytes(), IP_A, IP_B))),
        vlan(0x2005, 0x86dd, ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B)),
        ethernet(0x0806, arp(1, MAC_B, IP_A, new byte[6], IP_B)),
        ethernet(0x1234, "hello world".getBytes()),                     // unknown: MACs, type, default dump
        ethernet(0x0600, "xns".getBytes()),                             // named but not decoded: the same, with its name
        ethernet(0x0007, hex("4242 03 0000 00 00")),                    // 802.3: LLC, a short STP
        ethernet(0x0800, ipv4(1, icmpEcho(8, 1, 2, "ping".getBytes()))));

    /** DSA: mode(2) tagged(1) dev(5), port(5) bit 18, bit 17, CFI, priority(3) bit 12 VID(4), VID(8). */
    private static final String[] DSA_TAGS = {
        "c1180000",                                       // Forward, dev 1 port 3
        "e23daabc",                                       // Forward from a trunk, tagged, CFI, VID 0xabc, FPri 5
        "5ff80000", "40000fff",                           // From CPU
        "00000000", "01081000", "02120000", "03231001",   // To CPU, codes 0 to 3
        "04340000", "05451000", "067e0000", "1fff1fff",   // codes 4 to 7 (6, 7 reserved)
        "82240000", "83200064",                           // To Sniffer, ingress and egress
    };

    /** Broadcom: opcode(3) ..., then ingress TC/TE/TS and destination map, or egress CID, reason, TC and port. */
    private static final String[] BRCM_TAGS = {
        "20000080", "2005 0020", "208e01ff", "208fffff", "20060000", "20070000",   // ingress: every TE, TS, the map's 9 bits
        "00002000", "00ff01ff", "00010200", "00020400", "00030800", "00041000", "00052000",   // egress: every reason
        "00060000", "00072100", "0008c000",                                                  // none, two, reserved bits
        "40120465", "e0000000", "01000000",              // an opcode without bit 5: "IG" with egress fields
    };

    /** Each tag around one of the frames in turn, then each frame with the first tag. */
    private static List<Frame> frames(int linkType) {
        List<String> tags = new ArrayList<>();
        switch (linkType) {
            case LinkType.DSA_TAG_DSA -> tags.addAll(Arrays.asList(DSA_TAGS));
            case LinkType.DSA_TAG_EDSA -> {
                for (int i = 0; i < DSA_TAGS.length; i++) {
                    tags.add((i % 3 == 0 ? "dada 0000" : i % 3 == 1 ? "0800 01ff" : "8100 0000") + DSA_TAGS[i]);
                }
            }
            default -> tags.addAll(Arrays.asList(BRCM_TAGS));
        }
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) f.add(new Frame(tagged(linkType, hex(tags.get(i)), FRAMES.get(i % FRAMES.size()))));
        for (byte[] frame : FRAMES.subList(1, FRAMES.size())) f.add(new Frame(tagged(linkType, hex(tags.getFirst()), frame)));
        return f;
    }

    private static byte[] tagged(int linkType, byte[] tag, byte[] frame) {
        if (linkType == LinkType.DSA_TAG_BRCM_PREPEND) return concat(tag, frame);
        return concat(Arrays.copyOf(frame, 12), tag, Arrays.copyOfRange(frame, 12, frame.length));
    }

    /**
     * MACsec and Arista frames behind each link type's tags in turn: tcpdump's ether_common_print walks the type after
     * a switch tag as it walks an Ethernet frame's.
     */
    private static List<Frame> tapHeaderFrames(int linkType) {
        List<Frame> plain = new ArrayList<>(MacsecFormatterTest.allFrames());
        plain.addAll(AristaFormatterTest.frames());
        String[] tags = switch (linkType) {
            case LinkType.DSA_TAG_DSA -> DSA_TAGS;
            case LinkType.DSA_TAG_EDSA -> new String[] {"dada 0000" + DSA_TAGS[1], "88e5 0102" + DSA_TAGS[12]};
            default -> BRCM_TAGS;
        };
        List<Frame> f = new ArrayList<>();
        for (int i = 0; i < plain.size(); i++) f.add(new Frame(tagged(linkType, hex(tags[i % tags.length]), plain.get(i).bytes())));
        return f;
    }

    private static final int[] LINK_TYPES = {LinkType.DSA_TAG_DSA, LinkType.DSA_TAG_EDSA, LinkType.DSA_TAG_BRCM,
        LinkType.DSA_TAG_BRCM_PREPEND};

    private Path write(String name, int linkType, List<Frame> frames) throws Exception {
        Path file = dir.resolve(name + "-" + linkType + ".pcap");
        TestPcap.write(file, linkType, 1_700_000_000L, frames);
        return file;
    }

    @Test
    void tapHeadersBehindTagsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            Path file = write("tap", linkType, tapHeaderFrames(linkType));
            for (String flags : new String[] {"-n", "-e", "-v", "-q", "-e -q", "-x", "-e -v -x"}) {
                PacketPrinterFlagsTest.assertSameAsTcpdump(file, flags);
            }
        }
    }

    @Test
    void cutTapHeadersBehindTagsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            Path file = write("tapcut", linkType, TcpdumpOracle.cutAfterEveryByte(tapHeaderFrames(linkType), 12));
            for (String flags : new String[] {"-x", "-e -x", "-v"}) PacketPrinterFlagsTest.assertSameAsTcpdump(file, flags);
        }
    }

    /** Mutants after the switch tag (the SecTAG or Arista header, the types and payload after them), some cut. */
    @Test
    void tapHeaderMutantsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            int head = 14 + (linkType == LinkType.DSA_TAG_EDSA ? 8 : 4);
            List<Frame> mutants = MutatedFrames.of(tapHeaderFrames(linkType), "SWITCH_TAP", 0x88e5 + linkType, 8,
                frame -> head, 4, 16, MutatedFrames.ALL);
            Path file = write("tapmutants", linkType, mutants);
            for (String flags : new String[] {"-x", "-v", "-e -v -x"}) PacketPrinterFlagsTest.assertSameAsTcpdump(file, flags);
        }
    }

    /** The MACsec and Arista frames behind each tag, printed without allocating (the tagged frames: each type's own). */
    @Test
    void tapHeadersWithoutAllocating() {
        for (int linkType : LINK_TYPES) {
            PrinterAllocation.assertNoAllocationPerPacketWith(tapHeaderFrames(linkType), linkType, 2000,
                LinkType.name(linkType) + " MACsec/Arista", "-v", "-e -x");
        }
    }

    /** Each switch-tag link type's checks: its frames, the same flag sets, a seed and a head per type. */
    abstract static class SwitchTagType extends TcpdumpConformance {
        @Override
        List<Frame> frames() {
            return SwitchTagFormatterTest.frames(linkType());
        }

        /** Cut and mutated from the link header's second byte. */
        @Override
        int start(byte[] frame) {
            return 1;
        }

        /**
         * Mutants of the MAC addresses, the tag and the type after it only; a type tcpdump decodes and we do not
         * (GeoNet, IPX, ...) is a known difference: new types are unnamed ones.
         */
        private Mutants mutants() {
            int head = 14 + (linkType() == LinkType.DSA_TAG_EDSA ? 8 : 4);
            MutatedFrames.Keep headOnly = (original, mutant, start) ->
                Arrays.equals(original, head, original.length, mutant, head, mutant.length)
                    && (Arrays.equals(original, head - 2, head, mutant, head - 2, head)
                        || EtherTypeNames.of((mutant[head - 2] & 0xff) << 8 | mutant[head - 1] & 0xff) == null
                            && (mutant[head - 2] & 0xff) > 5);
            return new Mutants("SWITCH_TAG", 20_250_801L + linkType(), 24, 3, head, headOnly);
        }

        @Override
        Checks checks() {
            return Checks.of(mutants())
                .whole("", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX")
                .cut("-x", "-e -x", "-v")
                .mutated("-e -x", "-v")
                .allocation("-v", "-e -v")
                .repeats(2000);
        }
    }

    @Nested
    class DsaTagDsa extends SwitchTagType {
        @Override
        int linkType() {
            return LinkType.DSA_TAG_DSA;
        }
    }

    @Nested
    class DsaTagEdsa extends SwitchTagType {
        @Override
        int linkType() {
            return LinkType.DSA_TAG_EDSA;
        }
    }

    @Nested
    class DsaTagBrcm extends SwitchTagType {
        @Override
        int linkType() {
            return LinkType.DSA_TAG_BRCM;
        }
    }

    @Nested
    class DsaTagBrcmPrepend extends SwitchTagType {
        @Override
        int linkType() {
            return LinkType.DSA_TAG_BRCM_PREPEND;
        }
    }
}
