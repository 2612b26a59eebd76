package dev.fabricscope.print;

import static dev.fabricscope.print.JuniperLinkTest.magic;
import static dev.fabricscope.print.JuniperLinkTest.tlv;
import static dev.fabricscope.print.JuniperLinkTest.withExtensions;
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
 * JUNIPER_FRELAY (the pseudo-header, then a Frame Relay frame) and JUNIPER_MFR (an FRF.16 frame on a child link; on a
 * bundle a 4-byte cookie, an LS cookie and the protocol bytes, or an AS cookie with the LSQ protocol) against tcpdump
 * 4.99 itself: whole, cut after every byte, mutated.
 */
class JuniperFrameRelayLinkTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void tcpdump() {
        Oracles.requireTcpdump();
    }

    private static final int IN = 0x01, NO_L2 = 0x02;

    private static final byte[][] TLVS = {tlv(1, hex("93010000")), tlv(3, hex("05")), tlv(6, hex("0a"))};

    private static byte[] udpPacket() {
        return ipv4(17, udp(1000, 2000, ascii("junos"), IP_A, IP_B));
    }

    private static byte[] ipv6Packet() {
        return ipv6(17, udp(5000, 5001, new byte[3], IP6_A, IP6_B), 0x60000000L, IP6_A, IP6_B);
    }

    private static final byte[] ISIS_HELLO = hex("83 1b 01 00 11 01 00 00 02 0000000000a1 001e 001b 40 0000000000a2 01");

    /** JUNIPER_FRELAY: the Frame Relay frames of FrameRelayLinkTest after headers of both directions. */
    static List<Frame> frelayFrames() {
        List<Frame> f = new ArrayList<>();
        int i = 0;
        for (Frame fr : FrameRelayLinkTest.frFrames()) {
            f.add(new Frame(concat(magic(i++ % 2 == 0 ? IN : 0), fr.bytes())));
        }
        f.add(new Frame(concat(withExtensions(IN, TLVS), FrameRelayLinkTest.ui(100, 0xcc, udpPacket()))));
        f.add(new Frame(concat(magic(IN | NO_L2), zeros(4), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("18"))));
        f.add(new Frame(concat(magic(IN), hex("19"))));
        f.add(new Frame(magic(0)));
        return f;
    }

    /** JUNIPER_MFR: FRF.16 frames of child links (B and E set in the first byte), then bundles' packets. */
    static List<Frame> mfrFrames() {
        List<Frame> f = new ArrayList<>();
        for (Frame mfr : FrameRelayLinkTest.mfrFrames()) {
            if ((mfr.bytes()[0] & 0xc0) == 0xc0) f.add(new Frame(concat(magic(IN), mfr.bytes())));
        }
        byte[] mpls = concat(hex("00064140"), udpPacket());
        f.add(new Frame(concat(magic(IN), hex("00000005 03cc"), udpPacket())));   // the NLPID is read from the cookie
        f.add(new Frame(concat(magic(0), hex("000000cc 03cc"), udpPacket())));
        f.add(new Frame(concat(magic(0), hex("0000008e 038e"), ipv6Packet())));
        f.add(new Frame(concat(magic(0), hex("00000001 fefe 03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(0), hex("00000002 fe fe"))));
        f.add(new Frame(concat(magic(0), hex("00000007 0308 00 75 95 01 01 01 03 02 05 04"))));
        f.add(new Frame(concat(magic(0), hex("00000005 1234 0102"))));
        f.add(new Frame(concat(magic(IN), hex("54 09 0000 0000 03cc"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("54 09 0000 0000 038e"), ipv6Packet())));
        f.add(new Frame(concat(magic(IN), hex("54 01 0000 0000 fefe 03"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(IN), hex("54 01 0000 0000 0308 00 75 95 01 01 01 03 02 05 04"))));
        f.add(new Frame(concat(magic(IN), hex("54 00 0001 0000 fefe"))));
        f.add(new Frame(concat(magic(IN), hex("54 02 0000 0000 abcd 01"))));
        f.add(new Frame(concat(magic(IN), hex("47 000000 00 00 0128"), udpPacket())));
        f.add(new Frame(concat(magic(IN), hex("47 000000 00 10 0128"), ipv6Packet())));
        f.add(new Frame(concat(magic(0), hex("47 000000 00 20 0128"), mpls)));
        f.add(new Frame(concat(magic(0), hex("47 000000 00 30 0128"), ISIS_HELLO)));
        f.add(new Frame(concat(magic(0), hex("47 000000 00 40 0128"), udpPacket())));
        f.add(new Frame(concat(withExtensions(IN, TLVS), hex("00000005 03cc"), udpPacket())));
        f.add(new Frame(concat(withExtensions(0, TLVS), FrameRelayLinkTest.control(4, FrameRelayLinkTest.ie(3,
            u32(0x01020304L))))));
        f.add(new Frame(concat(magic(IN | NO_L2), zeros(4), ipv6Packet())));
        return f;
    }

    @Test
    void frameRelayAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jfr", LinkType.JUNIPER_FRELAY, frelayFrames(),
            "", "-e", "-v", "-vv", "-e -vv", "-q", "-x", "-e -x", "-e -XX");
    }

    @Test
    void frf16AsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jmfr", LinkType.JUNIPER_MFR, mfrFrames(),
            "", "-e", "-v", "-vv", "-e -vv", "-q", "-x", "-e -x", "-e -XX");
    }

    @Test
    void cutFramesAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jfrcut", LinkType.JUNIPER_FRELAY,
            TcpdumpOracle.cutAfterEveryByte(frelayFrames(), 1), "-x", "-e -x", "-v", "-q");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jmfrcut", LinkType.JUNIPER_MFR,
            TcpdumpOracle.cutAfterEveryByte(mfrFrames(), 1), "-x", "-e -x", "-v", "-vv");
    }

    @Test
    void mutantsAsTcpdump() throws Exception {
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jfrmut", LinkType.JUNIPER_FRELAY,
            MutatedFrames.of(frelayFrames(), "JUNIPER_FRELAY", 20_261_180L, 6, b -> 3, 3, 16, MutatedFrames.ALL),
            "-e -x", "-vv");
        PacketPrinterFlagsTest.assertLinkFramesAsTcpdump(dir, "jmfrmut", LinkType.JUNIPER_MFR,
            MutatedFrames.of(mfrFrames(), "JUNIPER_MFR", 20_261_134L, 16, b -> 3, 3, 16, MutatedFrames.ALL),
            "-e -x", "-vv");
    }

    @Test
    void noAllocationPerPacket() {
        PrinterAllocation.assertNoAllocationPerPacketWith(frelayFrames(), LinkType.JUNIPER_FRELAY, 500,
            "JUNIPER_FRELAY", "-v", "-e -vv", "-e -x");
        PrinterAllocation.assertNoAllocationPerPacketWith(mfrFrames(), LinkType.JUNIPER_MFR, 500, "JUNIPER_MFR", "-v",
            "-e -vv", "-e -x");
    }
}
