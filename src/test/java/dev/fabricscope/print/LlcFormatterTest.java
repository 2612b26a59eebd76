package dev.fabricscope.print;

import static dev.fabricscope.print.LlcFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.print.TestPcap.Frame;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * IEEE 802.3 frames (LLC, SNAP and what they carry) against tcpdump 4.99 itself: hand-built frames ({@link LlcFrames})
 * in every verbosity, with -e, cut after every byte, and mutated at random.
 */
class LlcFormatterTest {
    private static final Set<PacketPrinter.Option> LINK = EnumSet.of(PacketPrinter.Option.LINK_HEADERS);

    @TempDir
    Path dir;

    /** Every LLC frame format, SAP names and flags, and the payloads tcpdump decodes without SNAP. */
    static List<Frame> llcFrames() {
        List<Frame> f = new ArrayList<>();
        for (String control : List.of("03", "13", "e3", "f3", "63", "73", "43", "0f", "1f", "6f", "87", "27", "b3")) {
            f.add(llc(BRIDGES, "1011" + control + "0102030405"));   // unknown SAPs, Response and Group bits
        }
        f.add(llc(BRIDGES, "0404af 81 0102 03"));                   // XID: format and class
        f.add(llc(BRIDGES, "0405bf 81 01"));                        // XID too short
        f.add(llc(BRIDGES, "0405bf 80 0102"));                      // XID not in IEEE format: dumped
        f.add(llc(BRIDGES, "0405bf"));                              // XID without information field
        f.add(llc(BRIDGES, 3, hex("f0f0af")));
        f.add(llc(BRIDGES, "f0f0 0100 0102"));                      // supervisory: RR, RNR, REJ, and poll/final bits
        f.add(llc(BRIDGES, "f0f1 0501 0102"));
        f.add(llc(BRIDGES, "0607 09fe"));
        f.add(llc(BRIDGES, "0405 0d00"));
        f.add(llc(BRIDGES, "f0f0 0000 48656c6c6f"));                // information frames
        f.add(llc(BRIDGES, "f0f1 1a25 48656c6c6f"));
        for (String saps : List.of("0000", "0203", "0404", "0e0e", "4e4e", "7e7e", "8e8e", "aaaa", "e0e0", "f0f0",
                "fefe", "feff", "4243", "0608", "3c5a", "ff04")) {
            f.add(llc(BRIDGES, saps + "e3 74657374"));                  // TEST frames name every SAP
        }
        f.add(llc(BRIDGES, concat(hex("060603"), TestFrames.ipv4(17, TestFrames.udp(1234, 53, hex("0000"),
            TestFrames.IP_A, TestFrames.IP_B)))));                      // RFC 948 IP over 802.2
        f.add(llc(BRIDGES, "fefe03 00 0102"));                          // OSI: the null network layer
        f.add(llc(BRIDGES, "fefe03 42 0102030405"));                    // OSI: an unknown NLPID
        f.add(llc(BRIDGES, "fefe03 42"));
        f.add(llc(BRIDGES, concat(hex("fefe03cc"), TestFrames.ipv4(17, TestFrames.udp(1, 2, hex("aa"),
            TestFrames.IP_A, TestFrames.IP_B)))));
        f.add(llc(BRIDGES, 0, hex("")));                                // lengths too short for the header
        f.add(llc(BRIDGES, 1, hex("42")));
        f.add(llc(BRIDGES, 2, hex("4242")));
        f.add(llc(BRIDGES, 3, hex("424200")));                          // an I frame needs 4
        f.add(llc(BRIDGES, 1500, hex("f0f003 0102")));                  // longer than the frame
        f.add(new Frame(concat(BRIDGES, PORT_MAC, u16(3), hex("42"))));  // the frame ends first
        f.add(new Frame(concat(BRIDGES, PORT_MAC, u16(0))));
        f.add(new Frame(concat(BRIDGES, PORT_MAC, hex("8100 0064"), u16(38), hex(STP_LLC), stpConfig(0, 0),
            zeros(4))));                                                  // 802.3 inside a VLAN tag
        f.add(new Frame(concat(BRIDGES, PORT_MAC, hex("88a8 0064 8100 0005"), u16(8), hex("f0f0 0100 0102 0304"))));
        return f;
    }

    /** SNAP: ethertypes, Cisco's and RFC 2684's protocol IDs, and those tcpdump does not know. */
    static List<Frame> snapFrames() {
        List<Frame> f = new ArrayList<>();
        byte[] udp = TestFrames.ipv4(17, TestFrames.udp(1234, 53, hex("0000"), TestFrames.IP_A, TestFrames.IP_B));
        f.add(llc(BRIDGES, concat(hex("aaaa03 000000 0800"), udp)));
        f.add(llc(BRIDGES, concat(hex("aaaa03 0000f8 0800"), udp)));
        f.add(llc(BRIDGES, concat(hex("aaaa03 000000 0806"), TestFrames.arp(1, TestFrames.MAC_A, TestFrames.IP_A,
            zeros(6), TestFrames.IP_B))));
        f.add(llc(BRIDGES, "aaaa03 000000 9999 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 000000 88b5 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 00000c 2222 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 080007 80f3 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 123456 0001 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 0080c2 0002 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 0080c2 0005 0102030405"));
        f.add(llc(BRIDGES, "aaaa03 0080c2 00ff 0102030405"));
        f.add(llc(BRIDGES, concat(hex("aaaa03 0080c2 000e"), rstp(0x3c))));
        f.add(llc(BRIDGES, concat(hex("aaaa03 0080c2 0007 0000"), TestFrames.ethernet(0x0800, udp))));
        f.add(llc(BRIDGES, concat(hex("aaaa03 0080c2 0001 0000"), BRIDGES, PORT_MAC, u16(38), hex(STP_LLC),
            stpConfig(1, 0))));
        f.add(llc(BRIDGES, "aaaa03 0080c2 0007 00"));
        f.add(llc(BRIDGES, "aaaa03 0080c2 0007 0000 0102"));
        f.add(llc(BRIDGES, 7, hex("aaaa03 000000 08")));                // too short for SNAP
        f.add(llc(BRIDGES, "aaab03 000000 0800"));                      // SNAP SAPs, but a response
        f.add(llc(BRIDGES, "aaaa13 000000 0800"));                      // ... or UI with poll
        return f;
    }

    static List<Frame> stpFrames() {
        List<Frame> f = new ArrayList<>();
        for (int[] flagsAge : new int[][] {{0x00, 0}, {0x01, 32}, {0x80, 96}, {0x81, 160}, {0xff, 1}, {0x7e, 2},
                {0x0c, 3}, {0x00, 0xffff}}) {
            f.add(llc(BRIDGES, concat(hex(STP_LLC), stpConfig(flagsAge[0], flagsAge[1]))));
        }
        f.add(llc(BRIDGES, STP_LLC + "0000 00 80"));                    // topology change notification
        for (int flags : new int[] {0x00, 0x3c, 0x7e, 0x04, 0x08, 0x0e, 0xff}) {
            f.add(llc(BRIDGES, concat(hex(STP_LLC), rstp(flags))));
        }
        f.add(llc(BRIDGES, concat(hex(STP_LLC), mstp(3, 0x7c, 0, "region-a"))));
        f.add(llc(BRIDGES, concat(hex(STP_LLC), mstp(3, 0x3e, 3, "datacenter-region-with-32-chars!"))));
        f.add(llc(BRIDGES, concat(hex(STP_LLC), mstp(4, 0x78, 2, "spb\u0001\u00e9"))));
        byte[] shortMstp = mstp(3, 0, 1, "r");
        f.add(llc(BRIDGES, concat(hex(STP_LLC), java.util.Arrays.copyOf(shortMstp, 101))));   // shorter than 102
        byte[] v1 = mstp(3, 0, 0, "r");
        v1[35] = 1;                                                     // version 1 length not 0
        f.add(llc(BRIDGES, concat(hex(STP_LLC), v1)));
        byte[] longV3 = mstp(3, 0, 0, "r");
        longV3[37] = (byte) 0x60;                                       // v3 length past the BPDU
        f.add(llc(BRIDGES, concat(hex(STP_LLC), longV3)));
        byte[] shortSpb = mstp(4, 0, 0, "r");
        shortSpb[103] = 80;                                             // v4 length too short
        f.add(llc(BRIDGES, concat(hex(STP_LLC), shortSpb)));
        f.add(llc(BRIDGES, concat(hex(STP_LLC), java.util.Arrays.copyOf(mstp(4, 0, 0, "r"), 150))));
        f.add(llc(BRIDGES, concat(hex(STP_LLC), java.util.Arrays.copyOf(stpConfig(0, 0), 34))));
        f.add(llc(BRIDGES, concat(hex(STP_LLC), java.util.Arrays.copyOf(rstp(0), 35))));
        f.add(llc(BRIDGES, STP_LLC + "0000 05 00 01"));                 // unknown version
        f.add(llc(BRIDGES, STP_LLC + "0000 00 07 01"));                 // unknown BPDU type
        f.add(llc(BRIDGES, STP_LLC + "0000 00 02 01"));                 // RSTP type on an 802.1D BPDU
        f.add(llc(BRIDGES, concat(hex(STP_LLC + "0000 03 00"), java.util.Arrays.copyOfRange(stpConfig(0, 0), 4, 35))));
        f.add(llc(BRIDGES, STP_LLC + "0001 00 00"));                    // protocol ID not 0
        f.add(llc(BRIDGES, STP_LLC + "0000 00"));                       // shorter than 4
        // Cisco PVST+ (RSTP, then the VLAN TLV) and the "VLAN bridge" protocol ID
        f.add(llc(PVST_MULTICAST, concat(hex(SNAP_CISCO + " 010b"), rstp(0x3c), hex("0000 0002 0064"))));
        f.add(llc(PVST_MULTICAST, concat(hex(SNAP_CISCO + " 010c"), stpConfig(0, 0))));
        return f;
    }

    static List<Frame> cdpFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(typicalCdp());
        f.add(cdp(cdpTlv(0x01, ascii("R1\u0000\u0007")), cdpTlv(0x03, ascii("Fa0/1")), cdpTlv(0x04, "00000001"),
            cdpTlv(0x04, "ffffffff"), cdpTlv(0x04, "000001"), cdpTlv(0x0a, "00"), cdpTlv(0x0b, "00"),
            cdpTlv(0x0b, "0001"), cdpTlv(0x0e, "0100"), cdpTlv(0x0f, "01 0064"), cdpTlv(0x0f, "01"),
            cdpTlv(0x10, "07"), cdpTlv(0x10, "007d"), cdpTlv(0x10, "0003ed"), cdpTlv(0x10, ""), cdpTlv(0x10, "00000001"),
            cdpTlv(0x10, "0f"), cdpTlv(0x10, "0005"), cdpTlv(0x10, "0015"), cdpTlv(0x10, "1b5d"),
            cdpTlv(0x11, "0000"), cdpTlv(0x12, "ff"), cdpTlv(0x13, "0102"), cdpTlv(0x17, "02"),
            cdpTlv(0x17, ""), cdpTlv(0x00, "0102"), cdpTlv(0x0c, "03"), cdpTlv(0x0d, ""), cdpTlv(0x15, "2b0601"),
            cdpTlv(0x18, "0102"), cdpTlv(0x1234, ""), cdpTlv(0x05, ascii("no newline")), cdpTlv(0x05, ""),
            cdpTlv(0x07, "0a000000 08 c0a80000 10"), cdpTlv(0x07, "0a000000"), cdpTlv(0x07, ""),
            cdpTlv(0x14, "")));
        f.add(cdp(cdpTlv(0x02, "00000003 01 01 cc 0004 0a000001 02 02 0800 0002 0102 01 01 cc 0004 0b000001"),
            cdpTlv(0x02, "00000001 01 01 cc 0004 0a000001 0102"),              // stray bytes
            cdpTlv(0x02, "000000"), cdpTlv(0x02, "00000002 01 01 cc 0004 0a000001"),   // count too high
            cdpTlv(0x02, "00000001 01 05 cc"), cdpTlv(0x02, "00000001 01 01 cc 0004 0a00"),
            cdpTlv(0x02, "00000001 02 08 aaaa0300000086dd 0010 20010db8"),
            cdpTlv(0x02, "00000001 02 08 aaaa0300000086dd 0004 0a000001"),
            cdpTlv(0x02, "00000001 01 01 cc 0010 20010db8000000000000000000000001"),
            cdpTlv(0x02, "00000000"), cdpTlv(0x16, "000000"), cdpTlv(0x16, "00000001 01 01 cc 0004 0a000001")));
        f.add(cdp(cdpTlv(0x01, ascii("x")), hex("0003 0002")));                  // a TLV shorter than its header
        f.add(cdp(cdpTlv(0x06, ascii("x")), hex("0003 0010 41")));               // longer than what is left
        f.add(cdp(cdpTlv(0x06, ascii("x")), hex("0003")));                       // a header cut short
        f.add(cdp(hex("0099 0002")));
        f.add(llc(CISCO_MULTICAST, hex(SNAP_CISCO + " 2000 02b4")));                // shorter than the CDP header
        f.add(llc(CISCO_MULTICAST, hex(SNAP_CISCO + " 2000 01b4c0de")));
        return f;
    }

    /** DTP, UDLD and VTP as Catalyst switches send them, and broken ones. */
    static List<Frame> ciscoFrames() {
        List<Frame> f = new ArrayList<>();
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 0001000a63616d707573 0002000503 00030005a5"
            + " 0004000a0c42a1d3e4f5"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 0001000d63616d7075730000 0000000000"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 0002000603ff 0003000503"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 0004000b0c42a1d3e4f500"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 02 0009000601ff 0001000300"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 0001 0050 41"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2004 01 000100"));
        f.add(llc(CISCO_MULTICAST, 8, hex(SNAP_CISCO + " 2004")));
        String udldTlvs = "0001000f464f43313233345830595a 0002000b4769312f302f31 0003000c0000000100000002"
            + " 0004000507 0005000505 00060008737731 0007000800000011";
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 21 01 abcd " + udldTlvs));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 42 fe 0000 0004000607ff"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 3f 00 0000 0007000700000011"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 21 00 0000 0009000401"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 21 00 0000 0009000a01020304 0001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 21 00 0000 0001002001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 0111 21 00"));
        String domain = "63616d707573" + "00".repeat(26);
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 01 01 06" + domain + " 0000002a c0a80101"
            + " 323030313031313230303030 00112233445566778899aabbccddeeff"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 02 02 05 06" + domain + " 0000002a"
            + " 14 00 01 07 0001 05dc 000186a1 64656661756c7400 0601 0001"
            + " 1c 01 02 04 000a 05dc 000186aa 76313000 0301 0002 0701 0001 0901 0007 0a01 0001 0101 0203"
            + " 10 00 01 04 000b 05dc 000186ab 76313100 00"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 02 02 01 06" + domain + " 0000002a"
            + " 12 00 01 04 0014 05dc 000186b4 76323000 0602 00010002"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 02 02 01 06" + domain + " 0000002a"
            + " 14 00 01 04 0014 05dc 000186b4 76323000 0605 0001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 02 02 01 06" + domain + " 0000002a 0a 0001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 02 02 01 06" + domain + " 0000002a 11 00 01 08 0014 05dc"
            + " 000186b4 7632300000"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 03 00 06" + domain + " 00000001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 04 00 06" + domain + " 00000001"));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 09 00 06" + domain));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 01 00 21" + domain));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 01 00 00" + domain));
        f.add(llc(CISCO_MULTICAST, SNAP_CISCO + " 2003 01 01 00 06 6361"));
        return f;
    }

    static List<Frame> allFrames() {
        List<Frame> all = new ArrayList<>(llcFrames());
        all.addAll(snapFrames());
        all.addAll(stpFrames());
        all.addAll(cdpFrames());
        all.addAll(ciscoFrames());
        return all;
    }

    /**
     * What LlcFormatter's javadoc lists as not decoded:
     * bridged Token Ring and FDDI, and ethertypes tcpdump names (and may decode) in SNAP that this printer
     * does not decode.
     */
    private static boolean knownDifference(byte[] frame) {
        if (frame.length < 17 || (frame[12] & 0xff) == 0x81) return false;
        int dsap = frame[14] & 0xff, ssap = frame[15] & 0xff, control = frame[16] & 0xff;
        if (dsap == 0xff && ssap == 0xff) return false;   // Novell's raw 802.3 IPX
        boolean ui = control == 0x03 && (dsap & ~1) == (ssap & ~1);
        if (!ui || (dsap & ~1) != 0xaa || frame.length < 22) return false;
        int oui = (frame[17] & 0xff) << 16 | (frame[18] & 0xff) << 8 | frame[19] & 0xff;
        int pid = (frame[20] & 0xff) << 8 | frame[21] & 0xff;
        return switch (oui) {
            case 0x0080c2 -> pid == 3 || pid == 4 || pid == 9 || pid == 10;
            case 0x000000, 0x0000f8 -> EtherTypeNames.of(pid) != null
                && !List.of(0x0800, 0x86dd, 0x0806, 0x8809, 0x88cc, 0x8137, 0x809b, 0x80f3).contains(pid);
            default -> false;
        };
    }

    @Test
    void llcFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, llcFrames(), "", "-q", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, llcFrames(), Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, llcFrames(), "-x");
    }

    @Test
    void snapFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, snapFrames(), "", "-q", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, snapFrames(), Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, snapFrames(), "-X");
    }

    @Test
    void stpFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, stpFrames(), "", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, stpFrames(), Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, stpFrames(), Verbosity.NORMAL, LINK, RawDump.HEX, "-e", "-x");
    }

    @Test
    void cdpFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, cdpFrames(), "", "-q", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cdpFrames(), Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
    }

    @Test
    void ciscoFramesAsTcpdump() throws Exception {
        TcpdumpOracle.assertPrintsAsTcpdumpIn(dir, ciscoFrames(), "", "-v", "-vv");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, ciscoFrames(), Verbosity.VERBOSE, LINK, RawDump.NONE, "-e", "-v");
    }

    @Test
    void framesCutAfterEveryByteAsTcpdump() throws Exception {
        List<Frame> cut = TcpdumpOracle.cutAfterEveryByte(allFrames(), 12);
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, cut, "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, cut, Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
    }

    /**
     * Every frame above with a few bytes after the Ethernet header changed at random (a fixed seed), half of them
     * also cut short: lengths, SAPs, OUIs and fields that no hand-built frame has, against tcpdump too.
     */
    @Test
    void mutatedFramesAsTcpdump() throws Exception {
        List<Frame> mutants = MutatedFrames.of(allFrames(), new Random(0x0802), 12, bytes -> 14, 4, 40,
            (original, bytes, pdu) -> !knownDifference(bytes));
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-v -x");
        TcpdumpOracle.assertPrintsAsTcpdump(dir, mutants, Verbosity.NORMAL, LINK, RawDump.NONE, "-e");
        TcpdumpOracle.assertPrintsAsTcpdumpWith(dir, mutants, "-vv");
    }

    /** Printing every frame above at -vv with -e and -x allocates nothing per packet once warmed up. */
    @Test
    void printingDoesNotAllocatePerPacket() {
        PrinterAllocation.assertNoAllocationPerPacket(allFrames(),
            new PacketPrinter(ZoneOffset.UTC, Verbosity.VERY_VERBOSE, LINK, TimestampStyle.TIME, RawDump.HEX), 1_000, "802.3");
    }
}
