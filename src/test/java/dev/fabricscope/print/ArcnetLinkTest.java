package dev.fabricscope.print;

import static dev.fabricscope.print.TestFrames.*;
import static dev.fabricscope.testing.ByteArrays.*;

import dev.fabricscope.capture.LinkType;
import dev.fabricscope.print.TestPcap.Frame;
import dev.fabricscope.testing.Oracles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * ARCNET captures against tcpdump 4.99 itself: LINKTYPE_ARCNET (the 3-byte header of the old IP and ARP types and
 * diagnostics, else the flag and sequence number, extended after a flag of 0xff; first and later fragments) and
 * LINKTYPE_ARCNET_LINUX (the offset field too), carrying IPv4, IPv6, ARP and unknown types; with and without -e, in
 * the verbosities, whole, cut after every byte and mutated.
 */
class ArcnetLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final byte[] IPV4_UDP = ipv4(17, udp(1000, 2000, ascii("abcd"), IP_A, IP_B));
    private static final byte[] IPV6_UDP = ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A,
        IP6_B);
    /** ARP for ARCNET (hardware type 7): 1-byte hardware addresses. */
    private static final byte[] ARP = concat(hex("0007 0800 01 04 0001 01"), IP_A, hex("00"), IP_B);

    static List<Frame> arcnet() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("01 02 d4 00 1234"), IPV4_UDP)));
        f.add(new Frame(concat(hex("01 02 c4 00 0001"), IPV6_UDP)));
        f.add(new Frame(concat(hex("01 ff d5 00 0002"), ARP)));
        f.add(new Frame(concat(hex("03 04 f0"), IPV4_UDP)));                   // old IP: no flag
        f.add(new Frame(concat(hex("03 04 f1"), ARP)));
        f.add(new Frame(hex("03 04 80 0102030405")));                          // diagnostics
        f.add(new Frame(concat(hex("05 06 d4 ff 0000 d4 03 0042"), IPV4_UDP)));   // extended, first of 3
        f.add(new Frame(concat(hex("05 06 d4 02 0042"), hex("0102030405"))));  // fragment 2
        f.add(new Frame(concat(hex("05 06 d4 05 0043"), IPV4_UDP)));           // first of 4
        f.add(new Frame(hex("07 08 dd 00 0001 0102")));                        // AppleTalk... unknown below
        f.add(new Frame(hex("07 08 37 00 0001 0102 0304")));                   // unknown type
        f.add(new Frame(hex("07 08 d4 00 0001")));                             // no packet
        return f;
    }

    static List<Frame> arcnetLinux() {
        List<Frame> f = new ArrayList<>();
        f.add(new Frame(concat(hex("01 02 0000 d4 00 1234"), IPV4_UDP)));
        f.add(new Frame(concat(hex("01 02 f000 c4 00 0001"), IPV6_UDP)));
        f.add(new Frame(concat(hex("01 ff d500 d5 00 0002"), ARP)));
        f.add(new Frame(concat(hex("03 04 0000 f0"), IPV4_UDP)));
        f.add(new Frame(concat(hex("03 04 8000 f1"), ARP)));
        f.add(new Frame(hex("03 04 0000 80 0102030405")));
        f.add(new Frame(concat(hex("05 06 0000 d4 02 0042"), IPV4_UDP)));      // a flag: not read
        f.add(new Frame(hex("07 08 0100 37 00 0001 0102 0304")));
        return f;
    }

    private static List<Frame> frames(int linkType) {
        List<Frame> f = linkType == LinkType.ARCNET ? arcnet() : arcnetLinux();
        if (linkType == LinkType.ARCNET) f.remove(9);   // AppleTalk: tcpdump decodes it, we do not (known difference)
        return f;
    }

    private static final int[] LINK_TYPES = {LinkType.ARCNET, LinkType.ARCNET_LINUX};

    @Test
    void wholeFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "whole-" + linkType, linkType, frames(linkType),
                "", "-e", "-v", "-e -v", "-q", "-e -q", "-x", "-e -x", "-e -XX", "-X");
        }
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "cut-" + linkType, linkType,
                TcpdumpOracle.cutAfterEveryByte(frames(linkType), 1), "-x", "-e -x", "-v", "-e -q");
        }
    }

    /** Mutants of the header (half the changes in the first 12 bytes) and of what follows. */
    @Test
    void mutantsAsTcpdump() throws Exception {
        for (int linkType : LINK_TYPES) {
            MutatedFrames.Keep notAppleTalk = (original, mutant, start) ->
                mutant.length < 5 || (mutant[linkType == LinkType.ARCNET ? 2 : 4] & 0xff) != 221;
            List<Frame> mutants = MutatedFrames.of(frames(linkType), "ARCNET", 20_261_128L + linkType, 24, b -> 0, 3,
                12, notAppleTalk);
            PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "mutants-" + linkType, linkType, mutants, "-e -x",
                "-v");
        }
    }

    @Test
    void noAllocationPerPacket() {
        for (int linkType : LINK_TYPES) {
            PrinterAllocation.assertNoAllocationPerPacketWith(frames(linkType), linkType, 2000, LinkType.name(linkType),
                "", "-v", "-e -v", "-e -x", "-q -e");
        }
    }
}
